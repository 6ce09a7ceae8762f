// The settings page's header: which playbook HubSpot runs ("Playbook v2 · 3f9a1c2e", as every card
// and panel footer names it), and the one way to push that same playbook to Salesforce: an export
// token and the deploy command to run with it.
import { useState } from 'react';
import { Alert, Flex, Heading, LoadingButton, Text, TextArea } from '@hubspot/ui-extensions';
import {
  playbookLabel,
  type PlaybookExportTicket,
  type PlaybookResponse,
  type PlaybookStamp,
} from '@handoff/shared/runtime';
import type { SettingsClient } from './api.js';

/** The saved playbook's stamp from the server's answer; null before the first save. */
export function stampOf(saved: PlaybookResponse): PlaybookStamp | null {
  return saved.version !== null && saved.fingerprint
    ? { version: saved.version, fingerprint: saved.fingerprint }
    : null;
}

/** What the admin runs in the Handoff checkout, with the org's settings in their environment. */
export function deployCommand(ticket: PlaybookExportTicket): string {
  return `HANDOFF_EXPORT_TOKEN='${ticket.token}' npm run salesforce:deploy -- --playbook-from ${ticket.url}`;
}

export function PlaybookVersion(props: {
  saved: PlaybookStamp | null;
  client: Pick<SettingsClient, 'exportPlaybook'>;
}) {
  const { saved, client } = props;
  const [ticket, setTicket] = useState<PlaybookExportTicket | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  if (!saved) return null;
  const exportNow = async () => {
    setBusy(true);
    setProblem(undefined);
    const answer = await client.exportPlaybook();
    setBusy(false);
    if (answer.ok) setTicket(answer.value);
    else
      setProblem(answer.failure.kind === 'error' ? answer.failure.message : 'The export failed.');
  };
  // A ticket is for the playbook saved when it was issued; after another save it is stale.
  const current = ticket && ticket.fingerprint === saved.fingerprint ? ticket : undefined;
  return (
    <Flex direction="column" gap="xs">
      <Heading testId="playbook-version">{`HubSpot runs ${playbookLabel(saved)}`}</Heading>
      <Text variant="microcopy">
        Salesforce keeps its own copy; card and panel footers name the playbook they ran.
      </Text>
      <LoadingButton loading={busy} onClick={() => void exportNow()} testId="export-playbook">
        Push to Salesforce…
      </LoadingButton>
      {problem && (
        <Alert title="No export" variant="danger" testId="export-problem">
          {problem}
        </Alert>
      )}
      {current && (
        <>
          <TextArea
            label={`Run in the Handoff checkout within 15 minutes to deploy ${playbookLabel(current)} to Salesforce`}
            name="deploy-command"
            readOnly
            rows={3}
            value={deployCommand(current)}
            testId="export-command"
          />
          <Text variant="microcopy" testId="export-help">
            It prints the org&apos;s playbook beside this one and whether they differ. Or save the
            text to a file and use --playbook &lt;file&gt;.
          </Text>
        </>
      )}
    </Flex>
  );
}
