// The admin's settings page: the playbook text with live issues beside it, a preview on a sample
// deal, the role → team mapping, save, and the installation's status.
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Divider,
  ErrorState,
  Flex,
  LoadingSpinner,
  Text,
  TextArea,
} from '@hubspot/ui-extensions';
import type { InstallStatus, PlaybookIssue, PlaybookResponse } from '@handoff/shared/runtime';
import type { Failure, SettingsClient } from './api.js';
import { checkPlaybookText } from './check.js';
import { InstallPanel } from './InstallPanel.js';
import { RetryWrites } from './RetryWrites.js';
import { RemoveData } from './RemoveData.js';
import { IssueList } from './IssueList.js';
import { Preview } from './Preview.js';
import { PlaybookForms } from './PlaybookForms.js';
import { PlaybookVersion, stampOf } from './PlaybookVersion.js';
import { RoleMap } from './RoleMap.js';
import { ChangePreview } from './ChangePreview.js';
import { SaveLog } from './SaveLog.js';

const READ_ONLY =
  'Read-only: only Handoff admins may change the playbook. An admin can add you to a HubSpot team the playbook maps to the admin role.';

export interface SettingsProps {
  client: SettingsClient;
  now: () => number;
  addAlert: (alert: { type: 'success' | 'danger'; message: string }) => void;
}

export function Settings({ client, now, addAlert }: SettingsProps) {
  const [text, setText] = useState<string | undefined>();
  const [loadFailure, setLoadFailure] = useState<Failure | undefined>();
  const [savedVersion, setSavedVersion] = useState<string | null>(null);
  const [savedStamp, setSavedStamp] = useState<ReturnType<typeof stampOf>>(null);
  // Only admins may change the playbook (the server refuses everyone else on save): read-only until told.
  const [editable, setEditable] = useState(false);
  const [status, setStatus] = useState<InstallStatus | undefined>();
  const [serverIssues, setServerIssues] = useState<PlaybookIssue[] | undefined>();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | undefined>();
  const [needsConfirm, setNeedsConfirm] = useState(false);
  const [saves, setSaves] = useState<NonNullable<PlaybookResponse['saves']>>([]);
  const check = useMemo(() => (text === undefined ? undefined : checkPlaybookText(text)), [text]);

  const load = useCallback(async () => {
    setLoadFailure(undefined);
    const [playbook, install] = await Promise.all([client.playbook(), client.status()]);
    if (install.ok) setStatus(install.value);
    if (!playbook.ok) return setLoadFailure(playbook.failure);
    setText(playbook.value.text ?? '');
    setSavedVersion(playbook.value.version);
    setSavedStamp(stampOf(playbook.value));
    setEditable(playbook.value.editable);
    setSaves(playbook.value.saves ?? []);
  }, [client]);

  useEffect(() => {
    void load();
  }, [load]);

  const save = async (value: string, confirm = false) => {
    setSaving(true);
    setSaveError(undefined);
    const answer = await (confirm ? client.savePlaybook(value, true) : client.savePlaybook(value));
    setNeedsConfirm(
      !answer.ok &&
        answer.failure.kind === 'error' &&
        answer.failure.code === 'confirmation_needed',
    );
    setSaving(false);
    if (answer.ok) {
      setServerIssues(undefined);
      setSavedVersion(answer.value.version);
      setSavedStamp(stampOf(answer.value));
      addAlert({
        type: 'success',
        message: `Playbook version ${answer.value.version ?? ''} saved.`,
      });
      void client.playbook().then((read) => read.ok && setSaves(read.value.saves ?? []));
    } else if (answer.failure.kind === 'issues') setServerIssues(answer.failure.issues);
    else setSaveError(answer.failure.message);
  };

  if (loadFailure?.kind === 'error') {
    return (
      <ErrorState title="Handoff could not load its settings" testId="settings-problem">
        <Text>{loadFailure.message}</Text>
        <Button onClick={() => void load()} testId="settings-retry">
          Try again
        </Button>
      </ErrorState>
    );
  }
  if (text === undefined || check === undefined) {
    return (
      <LoadingSpinner
        label="Loading Handoff's settings…"
        showLabel
        layout="centered"
        testId="settings-loading"
      />
    );
  }
  const issues = serverIssues ?? (check.ok ? [] : check.issues);
  return (
    <Flex direction="column" gap="md">
      <PlaybookVersion saved={savedStamp} client={client} />
      <Text>
        {savedVersion === null
          ? 'No playbook is saved yet: cards show a setup message until one is. Paste a playbook in YAML or JSON.'
          : `Saved playbook: version ${savedVersion}.${editable ? ' Edit it below; changes apply when you save.' : ''}`}
      </Text>
      {editable && (
        <PlaybookForms
          playbook={check.ok ? check.playbook : undefined}
          text={text}
          client={client}
          onEdited={(edited) => {
            setText(edited);
            setServerIssues(undefined);
          }}
        />
      )}
      <Flex direction="row" gap="md">
        <Box flex={2}>
          <TextArea
            label="Playbook (YAML or JSON)"
            name="playbook"
            rows={30}
            resize="vertical"
            value={text}
            readOnly={!editable}
            {...(editable ? {} : { description: READ_ONLY })}
            onInput={(value) => {
              setText(value);
              setServerIssues(undefined);
            }}
            testId="playbook-text"
          />
        </Box>
        <Box flex={1}>
          <IssueList
            issues={issues}
            source={serverIssues ? 'from the server' : 'checked as you type'}
            text={text}
          />
        </Box>
      </Flex>
      {saveError && (
        <Alert title="The playbook was not saved" variant="danger" testId="save-error">
          {saveError}
          {needsConfirm && (
            <Button
              variant="destructive"
              onClick={() => void save(text, true)}
              testId="confirm-save"
            >
              Confirm and save
            </Button>
          )}
        </Alert>
      )}
      {editable && (
        <Button
          variant="primary"
          disabled={!check.ok || saving}
          onClick={() => void save(text)}
          testId="save"
        >
          Save playbook
        </Button>
      )}
      {editable && <ChangePreview client={client} text={text} valid={check.ok} />}
      <SaveLog saves={saves} />
      <Divider />
      {check.ok && <Preview playbook={check.playbook} now={now()} />}
      {check.ok && <RoleMap playbook={check.playbook} />}
      <Divider />
      {status && <InstallPanel status={status} />}
      {status && status.outbox.failed.length > 0 && (
        <RetryWrites
          failing={status.outbox.failed.length}
          client={client}
          addAlert={addAlert}
          onRetried={() =>
            void client.status().then((answer) => answer.ok && setStatus(answer.value))
          }
        />
      )}
      <Divider />
      <RemoveData client={client} addAlert={addAlert} />
    </Flex>
  );
}
