// Loads a deal's or a contact's record view, sends the viewer's actions and shows what came back:
// the new view, a refusal's sentence, or — when someone else changed the handoff first — a notice
// and a fresh view. One card for every record: the same stages, timers and HandoffSection on each
// (the company card acts on the company's own view through RecordActions).
import { useCallback, useEffect, useState } from 'react';
import { Alert, Flex } from '@hubspot/ui-extensions';
import type { RecordView } from '@handoff/shared/runtime';
import type { HandoffClient, Problem, RecordObjectType } from './client.js';
import { DealView } from './DealView.js';
import type { HandoffCommand } from './HandoffSection.js';
import type { Assignee } from './ReviewActions.js';
import { Loading, ProblemState } from './states.js';

type Notice = { variant: 'danger' | 'warning'; title: string; message: string };

export function RecordCard(props: {
  client: HandoffClient;
  objectType: RecordObjectType;
  recordId: string;
  timeZone: string;
  assignees: Assignee[];
  newActionId: () => string;
}) {
  const { client, objectType, recordId } = props;
  const [view, setView] = useState<RecordView | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();

  const load = useCallback(async () => {
    setProblem(undefined);
    const answer =
      objectType === 'contacts'
        ? await client.contactView(recordId)
        : await client.dealView(recordId);
    if (answer.ok) setView(answer.value);
    else {
      setView(undefined);
      setProblem(answer.problem);
    }
  }, [client, objectType, recordId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (problem) return <ProblemState problem={problem} onRetry={() => void load()} />;
  if (!view)
    return (
      <Loading what={objectType === 'contacts' ? "the contact's handoff" : "the deal's handoff"} />
    );
  return <RecordActions {...props} view={view} onView={setView} reload={load} />;
}

/**
 * A loaded record view that acts: sends the viewer's actions on the record and shows what came
 * back. The deal, contact and company cards all act through it.
 */
export function RecordActions(props: {
  client: HandoffClient;
  objectType: RecordObjectType;
  recordId: string;
  timeZone: string;
  assignees: Assignee[];
  newActionId: () => string;
  view: RecordView;
  onView: (view: RecordView) => void;
  reload: () => Promise<void>;
}) {
  const { client, objectType, recordId, view, onView } = props;
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | undefined>();

  const run = async (handoffId: string, version: number, command: HandoffCommand) => {
    setBusy(true);
    setNotice(undefined);
    const answer = await client.act(
      recordId,
      { handoffId, actionId: props.newActionId(), expectedVersion: version, action: command },
      objectType,
    );
    if (answer.ok) onView(answer.value);
    else if (answer.problem.kind === 'refusal') {
      const { refusal, view: latest } = answer.problem;
      const conflict = refusal.code === 'conflict';
      setNotice({
        variant: conflict ? 'warning' : 'danger',
        title: conflict ? 'Someone else changed this handoff' : 'That was not done',
        message: conflict
          ? `${refusal.message} The card now shows the latest version.`
          : refusal.message,
      });
      if (latest) onView(latest);
      else if (conflict) await props.reload();
    } else {
      setNotice({ variant: 'danger', title: 'That was not done', message: answer.problem.message });
    }
    setBusy(false);
  };

  return (
    <Flex direction="column" gap="sm">
      {notice && (
        <Alert title={notice.title} variant={notice.variant} testId="notice">
          {notice.message}
        </Alert>
      )}
      <DealView
        view={view}
        objectType={objectType}
        timeZone={props.timeZone}
        busy={busy}
        assignees={props.assignees}
        onCommand={(handoffId, version, command) => void run(handoffId, version, command)}
      />
    </Flex>
  );
}
