// One handoff: its status and who must act, checklist with progress, what must pass before
// submitting, the actions the view allows, who did what and when, and the history. A settled
// handoff (accepted, or its window passed) collapses to one line, plus why when it was rejected,
// and opens on demand. Words and times come from the core's recordDisplay, as on the Salesforce
// panel.
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
import { CrmActionLink } from '@hubspot/ui-extensions/crm';
import type { ActionAvailability, HandoffDisplay, HandoffView } from '@handoff/shared/runtime';
import { ChecklistItem, type ItemValue } from './ChecklistItem.js';
import { variantOf } from './format.js';
import { ReviewActions, type Assignee, type AssigneeChoice } from './ReviewActions.js';
import { Criteria } from './StageSection.js';

export type HandoffCommand =
  | { type: 'set_item'; itemId: string; value: ItemValue }
  | { type: 'submit' }
  | { type: 'withdraw' }
  | { type: 'reopen' }
  | { type: 'accept'; assigneeId?: string }
  | { type: 'reject'; reason: string; comment?: string };

interface SectionProps {
  handoff: HandoffView;
  /** The handoff in the core's words: status, progress, milestones, history, action labels. */
  display: HandoffDisplay;
  busy: boolean;
  assignees: Assignee[];
  assigneeChoice: AssigneeChoice;
  onCommand: (command: HandoffCommand) => void;
}

export function HandoffSection(props: SectionProps) {
  const { handoff, display } = props;
  const header = (
    <Flex direction="row" gap="sm" align="center">
      <Heading>{`${handoff.label} handoff`}</Heading>
      <StatusTag variant={variantOf(display.tone)} testId={`${handoff.id}:status`}>
        {display.statusLabel}
      </StatusTag>
    </Flex>
  );
  if (display.settledLine) {
    return (
      <Flex direction="column" gap="xs" testId={`${handoff.id}:handoff`}>
        {header}
        <Text testId={`${handoff.id}:settled`}>{display.settledLine}</Text>
        {display.settledRejection && (
          <Text testId={`${handoff.id}:rejection`}>{display.settledRejection}</Text>
        )}
        <LinkedDeal handoff={handoff} />
        <Accordion title="Details" size="sm" testId={`${handoff.id}:details`}>
          <Body {...props} />
        </Accordion>
        <Divider />
      </Flex>
    );
  }
  return (
    <Flex direction="column" gap="sm" testId={`${handoff.id}:handoff`}>
      {header}
      {display.nextLine && (
        <Text format={{ fontWeight: 'demibold' }} testId={`${handoff.id}:next`}>
          {display.nextLine}
        </Text>
      )}
      <Body {...props} />
      <Divider />
    </Flex>
  );
}

function Body(props: SectionProps) {
  const { handoff, display } = props;
  const action = (type: ActionAvailability['type']) => display.actions.find((a) => a.type === type);
  const submit = action('submit');
  const withdraw = action('withdraw');
  const reopen = action('reopen');
  return (
    <Flex direction="column" gap="sm">
      <Milestones handoff={handoff} display={display} />
      <ProgressBar
        title={handoff.checklistLabel}
        value={display.progress.done}
        maxValue={Math.max(display.progress.total, 1)}
        valueDescription={display.progress.text}
        variant={display.progress.complete ? 'success' : 'warning'}
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
        {submit && (
          <Button
            variant="primary"
            disabled={submit.disabled || props.busy}
            testId={`${handoff.id}:submit`}
            onClick={() => props.onCommand({ type: 'submit' })}
          >
            {submit.label}
          </Button>
        )}
        {withdraw && !withdraw.disabled && (
          <Button
            disabled={props.busy}
            testId={`${handoff.id}:withdraw`}
            onClick={() => props.onCommand({ type: 'withdraw' })}
          >
            {withdraw.label}
          </Button>
        )}
        {reopen && !reopen.disabled && (
          <Button
            disabled={props.busy}
            testId={`${handoff.id}:reopen`}
            onClick={() => props.onCommand({ type: 'reopen' })}
          >
            {reopen.label}
          </Button>
        )}
      </Flex>
      {submit?.reason && (
        <Text variant="microcopy" testId={`${handoff.id}:submit-reason`}>
          {submit.reason}
        </Text>
      )}
      <ReviewActions
        handoff={handoff}
        canAccept={action('accept')?.disabled === false}
        canReject={action('reject')?.disabled === false}
        acceptLabel={action('accept')?.label ?? ''}
        rejectLabel={action('reject')?.label ?? ''}
        busy={props.busy}
        assignees={props.assignees}
        assigneeChoice={props.assigneeChoice}
        onAccept={(assigneeId) =>
          props.onCommand(assigneeId ? { type: 'accept', assigneeId } : { type: 'accept' })
        }
        onReject={(reason, comment) =>
          props.onCommand(
            comment ? { type: 'reject', reason, comment } : { type: 'reject', reason },
          )
        }
      />
      {display.history.length > 0 && (
        <Accordion title={`History (${display.history.length})`} testId={`${handoff.id}:history`}>
          {display.history.map((line, i) => (
            <Text key={`${i}-${line}`}>{line}</Text>
          ))}
        </Accordion>
      )}
    </Flex>
  );
}

const DEAL_OBJECT_TYPE_ID = '0-3';

/** The deal an accepted handoff became or was linked to (an expansion's), opened from here. */
function LinkedDeal({ handoff }: { handoff: HandoffView }) {
  const dealId = handoff.accepted?.linkedRecordId;
  if (dealId === undefined) return null;
  return (
    <CrmActionLink
      actionType="RECORD_APP_LINK"
      actionContext={{ objectTypeId: DEAL_OBJECT_TYPE_ID, objectId: Number(dealId) }}
      testId={`${handoff.id}:linked-deal`}
    >
      {`Open the deal it became (deal ${dealId})`}
    </CrmActionLink>
  );
}

function Milestones({ handoff, display }: { handoff: HandoffView; display: HandoffDisplay }) {
  return (
    <Flex direction="column" gap="flush" testId={`${handoff.id}:milestones`}>
      {display.milestones.map((line) => (
        <Text key={line}>{`${line}.`}</Text>
      ))}
      {display.rejection && <Text testId={`${handoff.id}:rejection`}>{display.rejection}</Text>}
    </Flex>
  );
}
