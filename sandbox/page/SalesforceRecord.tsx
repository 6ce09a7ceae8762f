// The same deal as Salesforce shows it: the seeded Opportunity's record page with the package's
// real Handoff panel (compiled LWC, lightning-base-components, SLDS) reading and writing the
// Salesforce emulator, and the Opportunity's Tasks (where the scanner's escalations land).
import { useEffect, useState } from 'react';
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
            {tasks?.map((t) => (
              <p key={t.Id} className="task" data-testid="sf-task">
                {t.Subject}
                {t.ActivityDate ? <span className="muted"> · due {t.ActivityDate}</span> : null}
              </p>
            ))}
          </aside>
        </div>
      )}
    </section>
  );
}
