// The lifecycle with the current stage marked, the current stage's exit criteria with their
// reasons, and what the next stage requires. Verdicts come from the view as they are.
import { Flex, Heading, StatusTag, StepIndicator, Text } from '@hubspot/ui-extensions';
import type { RecordView, Verdict } from '@handoff/shared/runtime';
import type { TagVariant } from './format.js';

const OUTCOME: Record<Verdict['outcome'], { label: string; variant: TagVariant }> = {
  pass: { label: 'Pass', variant: 'success' },
  fail: { label: 'Fail', variant: 'danger' },
  unknown: { label: 'Unknown', variant: 'default' },
};

export function StageSection({ view }: { view: RecordView }) {
  const current = view.stages.findIndex((s) => s.status === 'current');
  return (
    <Flex direction="column" gap="sm">
      <StepIndicator
        stepNames={view.stages.map((s) => s.label)}
        currentStep={current < 0 ? 0 : current}
        variant="compact"
        testId="stages"
      />
      {view.currentStage && (
        <Criteria
          title={`To leave ${view.currentStage.label}`}
          verdicts={view.exitCriteria}
          empty="This stage has no exit criteria."
          testId="exit-criteria"
        />
      )}
      {view.nextStage && (
        <Criteria
          title={`To enter ${view.nextStage.label}`}
          verdicts={view.nextEntryCriteria}
          empty="The next stage has no entry criteria."
          testId="next-criteria"
        />
      )}
      {view.nextStage && (
        <Text variant="microcopy" testId="may-advance">
          {view.mayAdvance
            ? `Ready to move to ${view.nextStage.label}.`
            : `Not ready to move to ${view.nextStage.label} yet.`}
        </Text>
      )}
    </Flex>
  );
}

export function Criteria(props: {
  title: string;
  verdicts: Verdict[];
  empty: string;
  testId: string;
}) {
  return (
    <Flex direction="column" gap="xs" testId={props.testId}>
      <Heading>{props.title}</Heading>
      {props.verdicts.length === 0 && <Text variant="microcopy">{props.empty}</Text>}
      {props.verdicts.map((v) => (
        <Flex key={v.id} direction="row" gap="sm" align="center">
          <StatusTag variant={OUTCOME[v.outcome].variant} testId={`${props.testId}:${v.id}`}>
            {v.severity === 'warn' && v.outcome !== 'pass' ? 'Warning' : OUTCOME[v.outcome].label}
          </StatusTag>
          <Text>
            <Text inline format={{ fontWeight: 'demibold' }}>
              {v.label}
            </Text>
            {v.outcome === 'pass' ? '' : ` — ${v.reason}`}
          </Text>
        </Flex>
      ))}
    </Flex>
  );
}
