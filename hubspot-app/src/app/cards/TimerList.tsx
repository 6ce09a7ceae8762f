// SLA timers as coloured tags, each with its due time (viewer's zone) and who it waits on, in the
// core's words (recordDisplay), as the Salesforce panel lists them.
import { Flex, Heading, StatusTag, Text } from '@hubspot/ui-extensions';
import type { TimerDisplay } from '@handoff/shared/runtime';
import { variantOf } from './format.js';

export function TimerList({ timers }: { timers: TimerDisplay[] }) {
  if (timers.length === 0) return null;
  return (
    <Flex direction="column" gap="xs" testId="timers">
      <Heading>Timers</Heading>
      {timers.map((timer) => (
        <Flex key={timer.slaId} direction="row" gap="sm" align="center">
          <StatusTag variant={variantOf(timer.tone)} testId={`timer-${timer.slaId}`}>
            {timer.stateLabel}
          </StatusTag>
          <Text>
            <Text inline format={{ fontWeight: 'demibold' }}>
              {timer.label}
            </Text>
            {` — ${timer.detail}${timer.waitsOn ? ` ${timer.waitsOn}.` : ''}`}
          </Text>
        </Flex>
      ))}
    </Flex>
  );
}
