// What the playbook shows on a sample deal that has just entered the chosen stage with no field
// filled in: the criteria it must meet, the handoffs that open, the timers that start. The core's
// evaluateRecord computes it, exactly as for a real deal.
import { useState } from 'react';
import { Flex, Heading, Select, StatusTag, Text } from '@hubspot/ui-extensions';
import { evaluateRecord, type Playbook } from '@handoff/shared/runtime';

export function Preview({ playbook, now }: { playbook: Playbook; now: number }) {
  const [stageId, setStageId] = useState(playbook.stages[0]?.id ?? '');
  const stage = playbook.stages.find((s) => s.id === stageId) ?? playbook.stages[0];
  if (!stage) return null;
  const view = evaluateRecord(
    playbook,
    {
      crm: 'hubspot',
      objectType: 'deal',
      recordId: 'sample',
      stage: stage.id,
      fields: {},
      stageHistory: [{ stage: stage.id, enteredAt: now }],
      handoffs: {},
    },
    { userId: 'preview', roles: Object.keys(playbook.roles) },
    now,
  );
  return (
    <Flex direction="column" gap="sm" testId="preview">
      <Heading>Preview on a sample deal</Heading>
      <Select
        label="The sample deal has just entered"
        name="preview-stage"
        value={stage.id}
        options={playbook.stages.map((s) => ({ label: s.label, value: s.id }))}
        onChange={(value) => setStageId(String(value))}
        testId="preview-stage"
      />
      {[...view.exitCriteria, ...view.nextEntryCriteria].map((verdict, i) => (
        <Text key={`${verdict.id}-${i}`}>{`${verdict.label}: ${verdict.reason}`}</Text>
      ))}
      {view.handoffs.map((handoff) => (
        <Text
          key={handoff.id}
        >{`${handoff.label} handoff opens: ${handoff.progress.required} required of ${handoff.progress.total} checklist items.`}</Text>
      ))}
      {view.timers
        .filter((timer) => timer.state !== 'pending')
        .map((timer) => (
          <Flex key={timer.slaId} direction="row" gap="sm">
            <StatusTag variant="info">Starts</StatusTag>
            <Text>{timer.label}</Text>
          </Flex>
        ))}
      {view.problems.map((problem) => (
        <Text key={problem} variant="microcopy">
          {problem}
        </Text>
      ))}
    </Flex>
  );
}
