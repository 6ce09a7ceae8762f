// A deal's record view as the viewer sees it. Pure rendering: every verdict, timer state and
// allowed action comes from the view the core computed.
import { Alert, Divider, Flex, Text } from '@hubspot/ui-extensions';
import type { RecordView } from '@handoff/shared/runtime';
import { HandoffSection, type HandoffCommand } from './HandoffSection.js';
import type { Assignee } from './ReviewActions.js';
import { StageSection } from './StageSection.js';
import { TimerList } from './TimerList.js';

export function DealView(props: {
  view: RecordView;
  timeZone: string;
  busy: boolean;
  assignees: Assignee[];
  onCommand: (handoffId: string, version: number, command: HandoffCommand) => void;
}) {
  const { view, timeZone } = props;
  return (
    <Flex direction="column" gap="md" testId="deal-view">
      {view.viewer.roles.length === 0 && (
        <Alert title="You have no Handoff role" variant="info" testId="no-role">
          You can see this deal&apos;s stages, timers and handoffs, but not change them: none of
          your HubSpot teams is mapped to a Handoff role. An admin maps teams to roles in
          Handoff&apos;s settings.
        </Alert>
      )}
      {view.problems.length > 0 && (
        <Alert title="Some of this deal could not be read" variant="warning" testId="view-problems">
          {view.problems.join(' ')}
        </Alert>
      )}
      <StageSection view={view} />
      <TimerList timers={view.timers} timeZone={timeZone} />
      <Divider />
      {view.handoffs.length === 0 && (
        <Text variant="microcopy" testId="no-handoffs">
          No handoff is open at this stage.
        </Text>
      )}
      {view.handoffs.map((handoff) => (
        <HandoffSection
          key={handoff.id}
          handoff={handoff}
          viewerId={view.viewer.userId}
          people={view.people ?? {}}
          timeZone={timeZone}
          busy={props.busy}
          assignees={props.assignees}
          onCommand={(command) => props.onCommand(handoff.id, handoff.version, command)}
        />
      ))}
      <Text variant="microcopy">{`Playbook: ${view.playbook.name} (version ${view.playbook.version}).`}</Text>
    </Flex>
  );
}
