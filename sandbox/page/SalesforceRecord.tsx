// The same deal as Salesforce shows it: the seeded Opportunity's record page with the package's
// real Handoff panel (compiled LWC, lightning-base-components, SLDS) reading and writing the
// Salesforce emulator, and the Opportunity's Tasks (where the scanner's escalations land).
import { useEffect, useState } from 'react';
import { formatDate } from '@handoff/shared/runtime';
import { api, type Person, type SalesforceOpportunity, type SalesforceTask } from './api.js';
import { SalesforceFrame } from './SalesforceFrame.js';

export function SalesforceRecord(props: { dealId: string; viewer: Person; now: number }) {
  const { dealId, viewer } = props;
  const [opportunity, setOpportunity] = useState<SalesforceOpportunity | undefined>();
  const [tasks, setTasks] = useState<SalesforceTask[] | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    setProblem(undefined);
    api.sfOpportunity(dealId).then(
      (found) => {
        if (!live) return;
        setOpportunity(found);
        api.sfTasks(viewer.key, found.id).then(
          (list) => live && setTasks(list),
          (e: Error) => live && setProblem(`Tasks could not be read: ${e.message}`),
        );
      },
      (e: Error) => live && setProblem(e.message),
    );
    return () => {
      live = false;
    };
  }, [dealId, viewer.key]);

  return (
    <section className="record sf-record" data-testid="sf-record">
      <header className="record-header sf-header">
        <span className="face-label">Salesforce · Opportunity</span>
        <h2>{opportunity?.name ?? 'Opportunity'}</h2>
        <span>
          {opportunity
            ? `${opportunity.stageName}${opportunity.accountName ? ` · ${opportunity.accountName}` : ''} · ${opportunity.id}`
            : ''}
        </span>
      </header>
      {problem && (
        <p className="page-error" role="alert">
          {problem}
        </p>
      )}
      {opportunity && (
        <div className="record-body">
          <SalesforceFrame
            component="panel"
            viewer={viewer.key}
            recordId={opportunity.id}
            now={props.now}
            title="Handoff panel in Salesforce"
            testId="sf-panel"
          />
          <aside className="activity" data-testid="sf-activity">
            <h3>Tasks in Salesforce</h3>
            {tasks?.length === 0 && <p className="muted">No tasks.</p>}
            {tasks &&
              orderTasks(tasks).map((t) => {
                const done = t.Status === 'Completed';
                // The Description's last line is Handoff's key, for the tools, not for people.
                const body = (t.Description ?? '')
                  .split('\n')
                  .filter((line) => !line.startsWith('Handoff escalation key: '))
                  .join('\n');
                return (
                  <div key={t.Id} className={done ? 'task done' : 'task'}>
                    <p className="task-subject" data-testid="sf-task">
                      {t.Subject}
                      {t.Owner?.Name ? (
                        <span className="task-who"> · for {t.Owner.Name}</span>
                      ) : null}
                      {t.ActivityDate && !done ? (
                        <span className="task-who"> · due {formatDate(t.ActivityDate)}</span>
                      ) : null}
                      {done ? <span className="muted"> · completed</span> : null}
                    </p>
                    {!done && body ? <p className="task-body">{body}</p> : null}
                  </div>
                );
              })}
          </aside>
        </div>
      )}
    </section>
  );
}

/** As a task list reads: open Tasks first, soonest due first. */
function orderTasks(tasks: readonly SalesforceTask[]): SalesforceTask[] {
  const open = (t: SalesforceTask) => t.Status !== 'Completed';
  return [...tasks].sort(
    (a, b) =>
      Number(open(b)) - Number(open(a)) ||
      String(a.ActivityDate ?? '').localeCompare(String(b.ActivityDate ?? '')),
  );
}
