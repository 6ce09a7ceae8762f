// One handoff: its status, checklist with progress, what must pass before submitting, the actions
// the view allows, who did what and when, and the history of submissions and rejections.
import {
  Accordion,
  Button,
  Divider,
  Flex,
  Heading,
  ProgressBar,
  StatusTag,
  Text,
} from '@hubspot/ui-extensions';
import type { ActionAvailability, HandoffView } from '@handoff/shared/runtime';
import { ChecklistItem, type ItemValue } from './ChecklistItem.js';
import { formatTime, HANDOFF_STATUS, who } from './format.js';
import { ReviewActions, type Assignee } from './ReviewActions.js';
import { Criteria } from './StageSection.js';

export type HandoffCommand =
  | { type: 'set_item'; itemId: string; value: ItemValue }
  | { type: 'submit' }
  | { type: 'withdraw' }
  | { type: 'reopen' }
  | { type: 'accept'; assigneeId?: string }
  | { type: 'reject'; reason: string; comment?: string };

/** An action is offered when allowed, or when only something the viewer can fix stands in the way. */
function offered(action: ActionAvailability | undefined): action is ActionAvailability {
  if (!action) return false;
  const code = action.reason?.code;
  return action.allowed || code === 'items_missing' || code === 'criteria_failing';
}

export function HandoffSection(props: {
  handoff: HandoffView;
  viewerId: string;
  /** Names by user id, from the view; ids without one are shown as ids. */
  people: Readonly<Record<string, string>>;
  timeZone: string;
  busy: boolean;
  assignees: Assignee[];
  onCommand: (command: HandoffCommand) => void;
}) {
  const { handoff, viewerId, people, timeZone } = props;
  const action = (type: ActionAvailability['type']) => handoff.actions.find((a) => a.type === type);
  const submit = action('submit');
  const status = HANDOFF_STATUS[handoff.status] ?? { label: handoff.status, variant: 'default' };
  return (
    <Flex direction="column" gap="sm" testId={`${handoff.id}:handoff`}>
      <Flex direction="row" gap="sm" align="center">
        <Heading>{`${handoff.label} handoff`}</Heading>
        <StatusTag variant={status.variant} testId={`${handoff.id}:status`}>
          {status.label}
        </StatusTag>
      </Flex>
      <Milestones handoff={handoff} viewerId={viewerId} people={people} timeZone={timeZone} />
      <ProgressBar
        title={handoff.checklistLabel}
        value={handoff.progress.requiredDone}
        maxValue={Math.max(handoff.progress.required, 1)}
        valueDescription={`${handoff.progress.requiredDone} of ${handoff.progress.required} required items done (${handoff.progress.done} of ${handoff.progress.total} in all)`}
        variant={
          handoff.progress.requiredDone === handoff.progress.required ? 'success' : 'warning'
        }
        testId={`${handoff.id}:progress`}
      />
      {handoff.items.map((item) => (
        <ChecklistItem
          key={item.id}
          item={item}
          disabled={props.busy}
          testId={`${handoff.id}:item:${item.id}`}
          onSet={(value) => props.onCommand({ type: 'set_item', itemId: item.id, value })}
        />
      ))}
      {handoff.criteria.length > 0 && (
        <Criteria
          title="Before submitting"
          verdicts={handoff.criteria}
          empty=""
          testId={`${handoff.id}:criteria`}
        />
      )}
      <Flex direction="row" gap="sm" wrap="wrap">
        {offered(submit) && (
          <Button
            variant="primary"
            disabled={!submit.allowed || props.busy}
            testId={`${handoff.id}:submit`}
            onClick={() => props.onCommand({ type: 'submit' })}
          >
            Submit handoff
          </Button>
        )}
        {action('withdraw')?.allowed && (
          <Button
            disabled={props.busy}
            testId={`${handoff.id}:withdraw`}
            onClick={() => props.onCommand({ type: 'withdraw' })}
          >
            Withdraw
          </Button>
        )}
        {action('reopen')?.allowed && (
          <Button
            disabled={props.busy}
            testId={`${handoff.id}:reopen`}
            onClick={() => props.onCommand({ type: 'reopen' })}
          >
            Reopen
          </Button>
        )}
      </Flex>
      {offered(submit) && !submit.allowed && submit.reason && (
        <Text variant="microcopy" testId={`${handoff.id}:submit-reason`}>
          {submit.reason.message}
        </Text>
      )}
      <ReviewActions
        handoff={handoff}
        canAccept={action('accept')?.allowed === true}
        canReject={action('reject')?.allowed === true}
        busy={props.busy}
        assignees={props.assignees}
        onAccept={(assigneeId) =>
          props.onCommand(assigneeId ? { type: 'accept', assigneeId } : { type: 'accept' })
        }
        onReject={(reason, comment) =>
          props.onCommand(
            comment ? { type: 'reject', reason, comment } : { type: 'reject', reason },
          )
        }
      />
      <History handoff={handoff} viewerId={viewerId} people={people} timeZone={timeZone} />
      <Divider />
    </Flex>
  );
}

function Milestones({
  handoff,
  viewerId,
  people,
  timeZone,
}: {
  handoff: HandoffView;
  viewerId: string;
  people: Readonly<Record<string, string>>;
  timeZone: string;
}) {
  const { submitted, accepted, rejected } = handoff;
  return (
    <Flex direction="column" gap="flush" testId={`${handoff.id}:milestones`}>
      {submitted && (
        <Text>{`Submitted by ${who(submitted.by, viewerId, people)} on ${formatTime(submitted.at, timeZone)}.`}</Text>
      )}
      {accepted && (
        <Text>
          {`Accepted by ${who(accepted.by, viewerId, people)} on ${formatTime(accepted.at, timeZone)}`}
          {accepted.assigneeId ? `; CSM: ${who(accepted.assigneeId, viewerId, people)}.` : '.'}
        </Text>
      )}
      {rejected && handoff.status === 'rejected' && (
        <Text>
          {`Rejected by ${who(rejected.by, viewerId, people)} on ${formatTime(rejected.at, timeZone)}: ${rejected.reasonLabel}`}
          {rejected.comment ? ` — “${rejected.comment}”` : '.'}
        </Text>
      )}
    </Flex>
  );
}

const EVENT_VERB: Record<string, string> = {
  submitted: 'Submitted',
  withdrawn: 'Withdrawn',
  accepted: 'Accepted',
  rejected: 'Rejected',
  reworked: 'Reopened for rework',
};

function History({
  handoff,
  viewerId,
  people,
  timeZone,
}: {
  handoff: HandoffView;
  viewerId: string;
  people: Readonly<Record<string, string>>;
  timeZone: string;
}) {
  if (handoff.history.length === 0) return null;
  return (
    <Accordion title={`History (${handoff.history.length})`} testId={`${handoff.id}:history`}>
      {handoff.history.map((event, i) => {
        const reason = handoff.rejectReasons.find((r) => r.id === event.details.reason)?.label;
        return (
          <Text key={`${event.actionId}-${i}`}>
            {`${formatTime(event.at, timeZone)} — ${EVENT_VERB[event.type] ?? event.type} by ${who(event.by, viewerId, people)}`}
            {reason ? `: ${reason}` : ''}
            {typeof event.details.comment === 'string' ? ` — “${event.details.comment}”` : ''}
          </Text>
        );
      })}
    </Accordion>
  );
}
