// What saving the edited playbook would change now, on the deals Handoff has read: the backend
// computes it with the core's previewPlaybookChange (POST /playbook/preview); this only shows it.
import { useState } from 'react';
import { Accordion, Alert, Button, Flex, Heading, StatusTag, Text } from '@hubspot/ui-extensions';
import type { PlaybookPreview, RecordGroup } from '@handoff/shared';
import type { SettingsClient } from './api.js';

export function ChangePreview({
  client,
  text,
  valid,
}: {
  client: SettingsClient;
  text: string;
  /** The edited text parses: only then is there something to compare. */
  valid: boolean;
}) {
  const [preview, setPreview] = useState<{ text: string; value: PlaybookPreview } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [loading, setLoading] = useState(false);
  const run = async () => {
    setLoading(true);
    setError(undefined);
    if (!client.previewChange) return setLoading(false);
    const answer = await client.previewChange(text);
    setLoading(false);
    if (answer.ok) setPreview({ text, value: answer.value });
    else
      setError(
        answer.failure.kind === 'error'
          ? answer.failure.message
          : 'The playbook has problems; fix them to preview the change.',
      );
  };
  const value = preview?.value;
  return (
    <Flex direction="column" gap="sm" testId="change-preview">
      <Heading>What saving changes</Heading>
      <Text>
        The edited playbook against the saved one, on every deal, contact and company Handoff has
        read, as of now.
      </Text>
      <Button
        disabled={!valid || loading || !client.previewChange}
        onClick={() => void run()}
        testId="preview-change"
      >
        {loading ? 'Computing the preview…' : 'Preview the change'}
      </Button>
      {error && (
        <Alert title="The preview could not be computed" variant="danger" testId="preview-error">
          {error}
        </Alert>
      )}
      {value && preview.text !== text && (
        <Text variant="microcopy">The playbook changed since this preview: preview it again.</Text>
      )}
      {value && <PreviewBody preview={value} />}
    </Flex>
  );
}

function PreviewBody({ preview }: { preview: PlaybookPreview }) {
  const groups: {
    tone: 'danger' | 'warning' | 'info';
    tag: string;
    group: RecordGroup & { text: string };
  }[] = [
    ...preview.timers.map((group) => ({
      tone: group.to === 'breached' ? ('danger' as const) : ('warning' as const),
      tag: 'Timer',
      group,
    })),
    ...preview.submissions.map((group) => ({ tone: 'danger' as const, tag: 'Handoff', group })),
    ...preview.criteria.map((group) => ({ tone: 'info' as const, tag: 'Criterion', group })),
  ];
  return (
    <Flex direction="column" gap="sm" testId="preview-result">
      <Text format={{ fontWeight: 'bold' }}>
        {preview.changes.length === 0
          ? 'No change from the saved playbook.'
          : `${preview.changes.length} ${preview.changes.length === 1 ? 'change' : 'changes'} from the saved playbook`}
      </Text>
      {preview.changes.map((change) => (
        <Text key={`${change.area}:${change.id}:${change.text}`}>{`• ${change.text}`}</Text>
      ))}
      <Text format={{ fontWeight: 'bold' }}>{`On ${counted(preview)} now`}</Text>
      {groups.length === 0 && preview.escalations.length === 0 && (
        <Text>No record changes state.</Text>
      )}
      {groups.map(({ tone, tag, group }) => (
        <Flex key={group.text} direction="row" gap="sm" align="start">
          <StatusTag variant={tone}>{tag}</StatusTag>
          <Records title={group.text} group={group} />
        </Flex>
      ))}
      {preview.escalations.map((wave) => (
        <Flex key={`${wave.slaId}-${wave.level}`} direction="row" gap="sm" align="start">
          <StatusTag variant="warning">Escalation</StatusTag>
          <Records
            title={`${wave.text}, reaching ${[...wave.reach.roles, ...wave.reach.users].join(', ')}`}
            group={wave}
          />
        </Flex>
      ))}
      {preview.needsConfirmation ? (
        <Alert title="Saving needs your confirmation" variant="warning" testId="preview-confirm">
          {`Saving raises ${preview.escalationCount} escalations at once; this playbook allows ${preview.escalationLimit} without confirmation.`}
        </Alert>
      ) : (
        <Text variant="microcopy">{`${preview.escalationCount} escalations on the next scan (confirmation needed above ${preview.escalationLimit}).`}</Text>
      )}
    </Flex>
  );
}

/** A count that opens the list of its deals. */
const NOUNS: Record<RecordGroup['object'], [string, string]> = {
  deal: ['deal', 'deals'],
  contact: ['contact', 'contacts'],
  company: ['company', 'companies'],
};

/** "60 deals, 7 contacts and 1 company": the records read, by object (deals first). */
function counted(preview: PlaybookPreview): string {
  const parts = (['deal', 'contact', 'company'] as const).flatMap((object) => {
    const n = preview.objects[object] ?? 0;
    return n === 0 ? [] : [`${n} ${NOUNS[object][n === 1 ? 0 : 1]}`];
  });
  if (parts.length === 0) return '0 records';
  return parts.length === 1
    ? (parts[0] as string)
    : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) as string}`;
}

function Records({ title, group }: { title: string; group: RecordGroup }) {
  const noun = NOUNS[group.object][1];
  return (
    <Accordion title={title} size="small">
      <Text>{`${noun[0]?.toUpperCase()}${noun.slice(1)}: ${group.recordIds.join(', ')}`}</Text>
    </Accordion>
  );
}
