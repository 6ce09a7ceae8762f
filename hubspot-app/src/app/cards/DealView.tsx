// A record's view (deal, contact or company) as the viewer sees it: the next step first, then
// stages, timers and handoffs. Pure rendering: every verdict, word and allowed action comes from the core (the view
// and recordDisplay, which the Salesforce panel renders too).
import { Alert, Divider, Flex } from '@hubspot/ui-extensions';
import { recordDisplay, type RecordView } from '@handoff/shared/runtime';
import { HandoffSection, type HandoffCommand } from './HandoffSection.js';
import { NextStep } from './NextStep.js';
import { PlaybookFooter } from './PlaybookFooter.js';
import type { Assignee, AssigneeChoice } from './ReviewActions.js';
import { StageSection } from './StageSection.js';
import { TimerList } from './TimerList.js';

/** How the card names its record in sentences, by HubSpot object type. */
const NOUNS = { deals: 'deal', contacts: 'contact', companies: 'company' } as const;

/** Whom the optional person on accept names: a deal's CSM; a contact's sales owner (else the accepter). */
const ASSIGNEE_CHOICE: Record<keyof typeof NOUNS, AssigneeChoice> = {
  deals: { label: 'Assign a CSM (optional)', none: 'Nobody yet' },
  contacts: { label: 'Sales owner (optional)', none: 'You, as you accept' },
  companies: { label: 'Assign a CSM (optional)', none: 'Nobody yet' },
};

export function DealView(props: {
  view: RecordView;
  objectType: keyof typeof NOUNS;
  timeZone: string;
  busy: boolean;
  assignees: Assignee[];
  onCommand: (handoffId: string, version: number, command: HandoffCommand) => void;
}) {
  const { view, timeZone } = props;
  const display = recordDisplay(view, timeZone);
  const noun = NOUNS[props.objectType];
  return (
    <Flex direction="column" gap="md" testId="deal-view">
      <NextStep
        step={display.nextStep}
        noun={noun}
        open={view.handoffs.length > 0}
        busy={props.busy}
        onCommand={(handoffId, command) => {
          const handoff = view.handoffs.find((h) => h.id === handoffId);
          if (handoff) props.onCommand(handoffId, handoff.version, command);
        }}
      />
      {display.noRole && (
        <Alert title="You have no Handoff role" variant="info" testId="no-role">
          You can see this {noun}&apos;s stages, timers and handoffs, but not change them: none of
          your HubSpot teams is mapped to a Handoff role. An admin maps teams to roles in
          Handoff&apos;s settings.
        </Alert>
      )}
      {view.problems.length > 0 && (
        <Alert
          title={`Some of this ${noun} could not be read`}
          variant="warning"
          testId="view-problems"
        >
          {view.problems.join(' ')}
        </Alert>
      )}
      <StageSection view={view} />
      <TimerList timers={display.timers} />
      <Divider />
      {display.handoffs.map((shown) => {
        const handoff = view.handoffs.find((h) => h.id === shown.id);
        return (
          handoff && (
            <HandoffSection
              key={handoff.id}
              handoff={handoff}
              display={shown}
              busy={props.busy}
              assignees={props.assignees}
              assigneeChoice={ASSIGNEE_CHOICE[props.objectType]}
              onCommand={(command) => props.onCommand(handoff.id, handoff.version, command)}
            />
          )
        );
      })}
      <PlaybookFooter playbook={view.playbook} />
    </Flex>
  );
}
