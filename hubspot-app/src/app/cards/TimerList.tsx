// SLA timers as coloured tags with their due time (portal time zone) and remaining time.
import { Flex, Heading, StatusTag, Text } from '@hubspot/ui-extensions';
import type { TimerView } from '@handoff/shared/runtime';
import { TIMER_STATE, timerDetail } from './format.js';

export function TimerList({ timers, timeZone }: { timers: TimerView[]; timeZone: string }) {
  if (timers.length === 0) return null;
  return (
    <Flex direction="column" gap="xs" testId="timers">
      <Heading>Timers</Heading>
      {timers.map((timer) => (
        <Flex key={timer.slaId} direction="row" gap="sm" align="center">
          <StatusTag variant={TIMER_STATE[timer.state].variant} testId={`timer-${timer.slaId}`}>
            {TIMER_STATE[timer.state].label}
          </StatusTag>
          <Text>
            <Text inline format={{ fontWeight: 'demibold' }}>
              {timer.label}
            </Text>
            {` — ${timerDetail(timer, timeZone)}`}
          </Text>
        </Flex>
      ))}
    </Flex>
  );
}
