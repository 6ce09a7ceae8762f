// "Waiting for me": every open handoff the viewer may move, most urgent first (the server sorts:
// breached first, then by SLA time left), filtered by scope, handoff and state, a page at a time.
// Accept and reject go through the card's action route with the row's version.
import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  Button,
  ErrorState,
  Flex,
  Heading,
  Link,
  LoadingSpinner,
  Select,
  StatusTag,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
  TextArea,
} from '@hubspot/ui-extensions';
import {
  HANDOFF_STATUSES,
  progressOf,
  TIMER_STATES,
  type QueueResponse,
  type QueueRow,
  type Tone,
} from '@handoff/shared/runtime';
import type { QueueFilters } from './client.js';
import { recordUrl, usePagesEnv } from './env.js';
import { freshnessText, remaining } from './format.js';

const PAGE = 25;
const TAG: Record<Tone, 'default' | 'info' | 'warning' | 'danger' | 'success'> = {
  neutral: 'default',
  info: 'info',
  warning: 'warning',
  danger: 'danger',
  success: 'success',
};
const STATE_OPTIONS = [
  { label: 'Any state', value: '' },
  { label: 'Breached', value: 'breached' },
  { label: 'At risk', value: 'at_risk' },
  { label: 'On track', value: 'running' },
  { label: 'Paused', value: 'paused' },
  { label: 'No timer', value: 'none' },
  { label: 'Submitted', value: 'submitted' },
  { label: 'Rejected', value: 'rejected' },
  { label: 'Not submitted yet', value: 'in_progress' },
  { label: 'Not started', value: 'not_started' },
];

export function QueuePage() {
  const { client, portalId, timeZone, newActionId } = usePagesEnv();
  const [filters, setFilters] = useState<QueueFilters>({ scope: 'mine', offset: 0, limit: PAGE });
  const [queue, setQueue] = useState<QueueResponse | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const [rejecting, setRejecting] = useState<QueueRow | undefined>();
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');

  const load = useCallback(async () => {
    const answer = await client.queue(filters);
    if (answer.ok) {
      setQueue(answer.value);
      setProblem(undefined);
    } else setProblem(answer.message);
  }, [client, filters]);
  useEffect(() => void load(), [load]);

  const change = (next: Partial<QueueFilters>) =>
    setFilters((f) => ({ ...f, ...next, offset: next.offset ?? 0 }));

  async function act(row: QueueRow, action: Record<string, unknown>, done: string) {
    setBusy(`${row.recordId}:${row.handoffId}`);
    const answer = await client.act(row.recordId, {
      handoffId: row.handoffId,
      actionId: newActionId(),
      expectedVersion: row.version,
      action,
    } as Parameters<typeof client.act>[1]);
    setBusy(undefined);
    setNotice(answer.ok ? done : answer.message);
    setRejecting(undefined);
    await load();
  }

  if (problem && !queue)
    return (
      <ErrorState title="The queue could not be loaded">
        <Text>{problem}</Text>
      </ErrorState>
    );
  if (!queue) return <LoadingSpinner label="Loading the queue…" />;

  const scopes = [
    { label: 'Waiting for me', value: 'mine' },
    { label: 'My team', value: 'team' },
    ...(queue.viewer.admin ? [{ label: 'Everyone', value: 'everyone' }] : []),
  ];
  const lastShown = queue.offset + queue.rows.length;
  return (
    <Flex direction="column" gap="sm">
      <Heading>Handoff queue</Heading>
      <Text testId="queue-summary">
        {`${queue.total} open handoffs · ${queue.counts.byTimer.breached} breached · ${queue.counts.byTimer.at_risk} at risk. Most urgent first: breached, then by SLA time left.`}
      </Text>
      <Flex direction="row" gap="sm" wrap="wrap">
        <Select
          label="Show"
          name="scope"
          value={filters.scope}
          options={scopes}
          onChange={(v) => change({ scope: v as QueueFilters['scope'] })}
        />
        {filters.scope === 'team' && (
          <Select
            label="Team (role)"
            name="role"
            value={filters.role ?? ''}
            options={[
              { label: 'All my roles', value: '' },
              ...queue.viewer.roles.map((r) => ({ label: r.label, value: r.id })),
            ]}
            onChange={(v) => change({ role: String(v) || undefined })}
          />
        )}
        <Select
          label="Handoff"
          name="handoff"
          value={filters.handoff ?? ''}
          options={[
            { label: 'Every handoff', value: '' },
            ...queue.handoffs.map((h) => ({
              label: `${h.label} (${queue.counts.byHandoff[h.id] ?? 0})`,
              value: h.id,
            })),
          ]}
          onChange={(v) => change({ handoff: String(v) || undefined })}
        />
        <Select
          label="State"
          name="state"
          value={filters.state ?? ''}
          options={STATE_OPTIONS}
          onChange={(v) => change({ state: String(v) || undefined })}
        />
      </Flex>
      {notice && (
        <Alert title="Queue" variant="info">
          {notice}
        </Alert>
      )}
      {problem && (
        <Alert title="The queue could not be refreshed" variant="danger">
          {problem}
        </Alert>
      )}
      {queue.rows.length === 0 ? (
        <Text>Nothing is waiting here.</Text>
      ) : (
        <Table bordered testId="queue-table">
          <TableHead>
            <TableRow>
              <TableHeader>Record</TableHeader>
              <TableHeader>Handoff</TableHeader>
              <TableHeader>Stage</TableHeader>
              <TableHeader>Submitted by</TableHeader>
              <TableHeader>Checklist</TableHeader>
              <TableHeader>Timer</TableHeader>
              <TableHeader>Action</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {queue.rows.map((row) => {
              const status = HANDOFF_STATUSES[row.status];
              const timer = row.timer ? TIMER_STATES[row.timer.state] : undefined;
              const key = `${row.recordId}:${row.handoffId}`;
              return (
                <TableRow key={key}>
                  <TableCell>
                    <Link
                      href={{
                        url: recordUrl(portalId, row.objectType, row.recordId),
                        external: true,
                      }}
                    >
                      {row.recordName}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <Text>{row.handoffLabel}</Text>
                    <StatusTag variant={TAG[status.tone]}>{status.label}</StatusTag>
                  </TableCell>
                  <TableCell>{row.stage?.label ?? '—'}</TableCell>
                  <TableCell>
                    {row.submitted ? (row.submittedByName ?? row.submitted.by) : '—'}
                  </TableCell>
                  <TableCell>{progressOf({ progress: row.checklist }).text}</TableCell>
                  <TableCell>
                    {row.timer && timer ? (
                      <>
                        <StatusTag variant={TAG[timer.tone]}>{timer.label}</StatusTag>
                        <Text>{`${row.timer.label}: ${remaining(row.timer.remainingMs)}`}</Text>
                      </>
                    ) : (
                      'No SLA waits on this'
                    )}
                  </TableCell>
                  <TableCell>
                    {row.viewerMayAct && row.ball.action === 'accept' ? (
                      <Flex direction="row" gap="xs">
                        <Button
                          variant="primary"
                          disabled={busy === key}
                          testId={`accept:${key}`}
                          onClick={() =>
                            void act(
                              row,
                              { type: 'accept' },
                              `Accepted ${row.handoffLabel} on ${row.recordName}.`,
                            )
                          }
                        >
                          Accept
                        </Button>
                        <Button
                          variant="destructive"
                          disabled={busy === key}
                          testId={`reject:${key}`}
                          onClick={() => {
                            setRejecting(row);
                            setReason('');
                            setComment('');
                          }}
                        >
                          Reject…
                        </Button>
                      </Flex>
                    ) : (
                      <Link
                        href={{
                          url: recordUrl(portalId, row.objectType, row.recordId),
                          external: true,
                        }}
                      >
                        {row.viewerMayAct ? 'Open to submit' : `Waiting for ${row.ball.label}`}
                      </Link>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {rejecting && (
        <Flex direction="column" gap="xs">
          <Heading>{`Reject ${rejecting.handoffLabel} on ${rejecting.recordName}`}</Heading>
          <Select
            label="Reason"
            name="reason"
            required
            value={reason}
            options={rejecting.rejectReasons.map((r) => ({ label: r.label, value: r.id }))}
            onChange={(v) => setReason(String(v))}
          />
          <TextArea
            label="What must change (optional)"
            name="comment"
            value={comment}
            onChange={(v) => setComment(String(v))}
          />
          <Flex direction="row" gap="xs">
            <Button
              variant="destructive"
              disabled={reason === ''}
              testId="reject-confirm"
              onClick={() =>
                void act(
                  rejecting,
                  {
                    type: 'reject',
                    reason,
                    ...(comment.trim() ? { comment: comment.trim() } : {}),
                  },
                  `Rejected ${rejecting.handoffLabel} on ${rejecting.recordName}.`,
                )
              }
            >
              Reject handoff
            </Button>
            <Button variant="secondary" onClick={() => setRejecting(undefined)}>
              Cancel
            </Button>
          </Flex>
        </Flex>
      )}
      <Flex direction="row" gap="sm" align="center">
        <Button
          disabled={queue.offset === 0}
          onClick={() => change({ offset: Math.max(0, queue.offset - queue.limit) })}
        >
          Previous
        </Button>
        <Text>
          {queue.total === 0 ? '0 of 0' : `${queue.offset + 1}–${lastShown} of ${queue.total}`}
        </Text>
        <Button disabled={lastShown >= queue.total} onClick={() => change({ offset: lastShown })}>
          Next
        </Button>
      </Flex>
      <Text variant="microcopy">{freshnessText(queue.freshness, timeZone)}</Text>
    </Flex>
  );
}
