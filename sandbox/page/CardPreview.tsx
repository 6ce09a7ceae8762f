// The deal record as HubSpot shows it: a header, the real Handoff card in a tab, and the deal's
// notes and tasks in HubSpot (mirror writes and escalations land there).
import { api, type Activity, type DealRow, type Person } from './api.js';
import { Link } from './Link.js';
import { recordCard, useActivity } from './record-card.js';

export function CardPreview(props: {
  deal: DealRow | undefined;
  dealId: string;
  portalId: string;
  timeZone: string;
  viewer: Person;
  people: Person[];
  onChanged: () => void;
}) {
  const activity = useActivity(api.activity, props.dealId, props.onChanged);
  const card = recordCard({ objectTypeId: '0-3', id: props.dealId }, props);
  return (
    <section className="record" data-testid="record">
      <header className="record-header">
        <span className="face-label">HubSpot · Deal</span>
        <h2>{props.deal?.name ?? `Deal ${props.dealId}`}</h2>
        {props.deal && (
          <span>
            {`${props.deal.stage} · `}
            {props.deal.companyId ? (
              <Link
                to={{ view: 'company', id: props.deal.companyId, viewer: props.viewer.key }}
                testId="company-link"
              >
                {props.deal.company}
              </Link>
            ) : (
              props.deal.company
            )}
          </span>
        )}
      </header>
      <div className="record-body">
        <div className="card-frame" data-testid="card">
          <h3 className="card-title">Handoff</h3>
          {card}
        </div>
        <ActivityAside activity={activity} />
      </div>
    </section>
  );
}

/** A record's tasks and notes in HubSpot, open tasks first, as the record's sidebar lists them. */
export function ActivityAside(props: { activity: Activity | undefined }) {
  const { activity } = props;
  return (
    <aside className="activity" data-testid="activity">
      <h3>Tasks in HubSpot</h3>
      {activity?.tasks.length === 0 && <p className="muted">No tasks.</p>}
      {activity?.tasks.map((t) => {
        const done = t.hs_task_status === 'COMPLETED';
        return (
          <div key={t.id} className={done ? 'task done' : 'task'}>
            <p className="task-subject" data-testid="task">
              {t.hs_task_subject}
              {t.owner_name ? <span className="task-who"> · for {t.owner_name}</span> : null}
              {done ? <span className="muted"> · completed</span> : null}
            </p>
            {/* What to do, for the tasks still open: HubSpot's task notes. */}
            {!done && t.hs_task_body ? (
              <p className="task-body" data-testid="task-body">
                {t.hs_task_body}
              </p>
            ) : null}
          </div>
        );
      })}
      <h3>Notes</h3>
      {activity?.notes.length === 0 && <p className="muted">No notes.</p>}
      {activity?.notes.map((n) => (
        <p key={n.id} className="note">
          {n.hs_note_body}
        </p>
      ))}
    </aside>
  );
}
