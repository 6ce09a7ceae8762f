// "Remove Handoff's data": an admin uninstalls Handoff from the account (HubSpot's app uninstall
// API) and deletes what Handoff stores for it, after a confirmation, since it cannot be undone.
import { useState } from 'react';
import { Alert, Button, Flex, Heading, LoadingButton, Text } from '@hubspot/ui-extensions';
import type { SettingsClient } from './api.js';

type Step = 'idle' | 'confirming' | 'removing' | 'removed';

export function RemoveData(props: {
  client: Pick<SettingsClient, 'removeData'>;
  addAlert: (alert: { type: 'success' | 'danger'; message: string }) => void;
}) {
  const { client, addAlert } = props;
  const [step, setStep] = useState<Step>('idle');
  const [error, setError] = useState<string | undefined>();

  const remove = async () => {
    setStep('removing');
    setError(undefined);
    const answer = await client.removeData();
    if (!answer.ok) {
      setStep('idle');
      setError(
        answer.failure.kind === 'error'
          ? answer.failure.message
          : "Handoff's data was not removed.",
      );
      return;
    }
    setStep('removed');
    addAlert({
      type: 'success',
      message: 'Handoff is uninstalled from this account and its data is deleted.',
    });
  };

  if (step === 'removed')
    return (
      <Text testId="data-removed">
        Handoff is uninstalled from this account and its data is deleted. HubSpot keeps the notes,
        tasks and deal properties Handoff wrote. To use Handoff again, install it from the App
        Marketplace.
      </Text>
    );
  return (
    <Flex direction="column" gap="sm">
      <Heading>Remove Handoff</Heading>
      <Text>
        Uninstalls Handoff from this HubSpot account and deletes everything Handoff stores for it:
        its access to HubSpot, the playbook, handoffs with their checklist answers, writes waiting
        to be made, and stage history. HubSpot keeps the notes, tasks and deal properties Handoff
        wrote. Only Handoff admins can do this.
      </Text>
      {error && (
        <Alert title="Handoff's data was not removed" variant="danger" testId="remove-error">
          {error}
        </Alert>
      )}
      {step === 'idle' ? (
        <Button variant="destructive" onClick={() => setStep('confirming')} testId="remove-data">
          {"Remove Handoff's data"}
        </Button>
      ) : (
        <Alert title="This cannot be undone" variant="warning" testId="remove-confirm">
          <Flex direction="column" gap="sm">
            <Text>
              Uninstall Handoff and delete its data for this account? Everyone loses the Handoff
              card, its checklists and its SLA timers.
            </Text>
            <Flex direction="row" gap="sm">
              <LoadingButton
                variant="destructive"
                loading={step === 'removing'}
                onClick={() => void remove()}
                testId="remove-data-confirm"
              >
                {"Yes, remove Handoff's data"}
              </LoadingButton>
              <Button
                disabled={step === 'removing'}
                onClick={() => setStep('idle')}
                testId="remove-data-cancel"
              >
                Cancel
              </Button>
            </Flex>
          </Flex>
        </Alert>
      )}
    </Flex>
  );
}
