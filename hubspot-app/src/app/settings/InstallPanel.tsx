// The installation as the backend sees it: properties created, webhooks active, writes waiting.
import {
  DescriptionList,
  DescriptionListItem,
  Heading,
  StatusTag,
  Text,
} from '@hubspot/ui-extensions';
import type { InstallStatus } from '@handoff/shared/runtime';

function Yes({ ok, yes, no, testId }: { ok: boolean; yes: string; no: string; testId: string }) {
  return (
    <StatusTag variant={ok ? 'success' : 'danger'} testId={testId}>
      {ok ? yes : no}
    </StatusTag>
  );
}

/**
 * What is missing, in words an admin can act on: deal properties by name; a contact's or company's
 * (named `contacts.…`, `companies.…`: the install did not grant their schema scopes) by object,
 * with what to do.
 */
export function missingProperties(missing: readonly string[]): string {
  const objects = [...new Set(missing.flatMap((name) => /^(\w+)\./.exec(name)?.[1] ?? []))];
  const deals = missing.filter((name) => !name.includes('.'));
  return [
    ...(deals.length > 0 ? [`Missing: ${deals.join(', ')}`] : []),
    ...(objects.length > 0
      ? [
          `Not yet on ${objects.join(' and ')}: install Handoff again to grant access to their properties`,
        ]
      : []),
  ].join('. ');
}

export function InstallPanel({ status }: { status: InstallStatus }) {
  return (
    <>
      <Heading>Installation</Heading>
      <DescriptionList direction="row">
        <DescriptionListItem label="Account">
          <Text>{status.portalId}</Text>
        </DescriptionListItem>
        <DescriptionListItem label="App">
          <Yes ok={status.installed} yes="Installed" no="Not installed" testId="status-installed" />
        </DescriptionListItem>
        <DescriptionListItem label="Playbook">
          <Yes
            ok={status.playbookConfigured}
            yes="Saved"
            no="Not saved yet"
            testId="status-playbook"
          />
        </DescriptionListItem>
        <DescriptionListItem label="Handoff properties">
          <Yes
            ok={status.properties.created}
            yes="Created"
            no={missingProperties(status.properties.missing)}
            testId="status-properties"
          />
        </DescriptionListItem>
        <DescriptionListItem label="Webhooks">
          <Yes ok={status.webhooks.active} yes="Active" no="Not active" testId="status-webhooks" />
        </DescriptionListItem>
        <DescriptionListItem label="Writes to HubSpot">
          <Text>{`${status.outbox.pending} waiting, ${status.outbox.failed.length} failed`}</Text>
        </DescriptionListItem>
      </DescriptionList>
      {status.outbox.failed.map((f) => (
        <Text key={f.id} variant="microcopy">{`${f.what}: ${f.error}`}</Text>
      ))}
    </>
  );
}
