// Writes to HubSpot that keep failing (HubSpot down or refusing): how many, and a button for an
// admin to have them tried again now rather than at their next hourly attempt.
import { useState } from 'react';
import { Flex, LoadingButton, Text } from '@hubspot/ui-extensions';
import type { SettingsClient } from './api.js';

export function RetryWrites(props: {
  failing: number;
  client: Pick<SettingsClient, 'retryFailedWrites'>;
  addAlert: (alert: { type: 'success' | 'danger'; message: string }) => void;
  /** Called after the server took the request, to show the new counts. */
  onRetried: () => void;
}) {
  const { failing, client, addAlert, onRetried } = props;
  const [busy, setBusy] = useState(false);
  const writes = failing === 1 ? '1 write' : `${failing} writes`;
  const retry = async () => {
    setBusy(true);
    const answer = await client.retryFailedWrites();
    setBusy(false);
    if (!answer.ok) {
      addAlert({
        type: 'danger',
        message: answer.failure.kind === 'error' ? answer.failure.message : 'The retry failed.',
      });
      return;
    }
    addAlert({
      type: 'success',
      message: `Trying ${answer.value.retried} writes to HubSpot again.`,
    });
    onRetried();
  };
  return (
    <Flex direction="column" gap="xs">
      <Text testId="failing-writes">
        {`${writes} to HubSpot keep failing; Handoff tries again on its own at least every hour.`}
      </Text>
      <LoadingButton loading={busy} onClick={() => void retry()} testId="retry-writes">
        {`Retry ${writes} now`}
      </LoadingButton>
    </Flex>
  );
}
