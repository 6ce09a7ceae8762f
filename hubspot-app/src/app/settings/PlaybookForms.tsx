// Everyday playbook changes as forms, so a RevOps admin need not write YAML: each form sends one
// change to the server, which writes it into the playbook text below (the admin's comments and
// layout kept); the text stays the advanced view, and nothing applies until the admin saves.
// The same four as the Salesforce admin panel, in the same words: an SLA, the role → team map, a
// checklist item, a stage criterion.
import { useState } from 'react';
import { Accordion, Alert, Flex, Heading, Text } from '@hubspot/ui-extensions';
import type { Playbook } from '@handoff/shared/runtime';
import type { PlaybookEdit } from '@handoff/shared/edit';
import type { SettingsClient } from './api.js';
import { ChecklistItemForm } from './ChecklistItemForm.js';
import { CriterionForm } from './CriterionForm.js';
import { RoleTeamsForm } from './RoleTeamsForm.js';
import { SlaForm } from './SlaForm.js';

/** What each form calls: its changes, in order, and what to call them in the confirmation. */
export type ApplyEdits = (edits: PlaybookEdit[], what: string) => Promise<void>;

export function PlaybookForms({
  playbook,
  text,
  client,
  onEdited,
}: {
  /** Undefined while the text has problems: the forms read the playbook, so they wait. */
  playbook: Playbook | undefined;
  text: string;
  client: Pick<SettingsClient, 'editPlaybook'>;
  onEdited: (text: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();

  const apply: ApplyEdits = async (edits, what) => {
    setBusy(true);
    setProblem(undefined);
    setDone(undefined);
    let current = text;
    for (const edit of edits) {
      const answer = await client.editPlaybook(current, edit);
      if (!answer.ok) {
        setBusy(false);
        setProblem(
          answer.failure.kind === 'error' ? answer.failure.message : 'The change was refused.',
        );
        return;
      }
      current = answer.value.text;
    }
    onEdited(current);
    setBusy(false);
    setDone(`${what}: written into the playbook text below. Review it and save to apply.`);
  };

  const forms = playbook && { playbook, busy, apply };
  return (
    <Flex direction="column" gap="sm" testId="playbook-forms">
      <Heading>Everyday changes</Heading>
      <Text variant="microcopy">
        Each form writes its change into the playbook text below, keeping your comments and layout;
        nothing applies until you save.
      </Text>
      {forms ? (
        <>
          <Accordion title="An SLA: target, calendar and escalations" testId="form-sla">
            <SlaForm {...forms} />
          </Accordion>
          <Accordion title="Roles and their HubSpot teams" testId="form-roles">
            <RoleTeamsForm {...forms} />
          </Accordion>
          <Accordion title="A checklist item" testId="form-item">
            <ChecklistItemForm {...forms} />
          </Accordion>
          <Accordion title="A stage criterion" testId="form-criterion">
            <CriterionForm {...forms} />
          </Accordion>
        </>
      ) : (
        <Text testId="forms-wait">Fix the problems listed beside the text to use the forms.</Text>
      )}
      {problem && (
        <Alert title="The change was not made" variant="danger" testId="form-problem">
          {problem}
        </Alert>
      )}
      {done && <Text testId="form-done">{done}</Text>}
    </Flex>
  );
}

export interface FormProps {
  playbook: Playbook;
  busy: boolean;
  apply: ApplyEdits;
}
