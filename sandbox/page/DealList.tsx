// Every deal of the portal with its stage, handoff status and most urgent timer.
import type { DealRow, Person } from './api.js';

const URGENT = ['breached', 'at_risk', 'running', 'paused', 'pending', 'met_late', 'met'];
const STATUS: Record<string, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  submitted: 'Waiting for review',
  accepted: 'Accepted',
  rejected: 'Rejected',
};

export function DealList(props: {
  deals: DealRow[];
  people: Person[];
  selected: string | undefined;
  onSelect: (id: string) => void;
}) {
  return (
    <div className="deal-list">
      <table data-testid="deal-list">
        <thead>
          <tr>
            <th>Deal</th>
            <th>Stage</th>
            <th>Handoff</th>
            <th>Timer</th>
          </tr>
        </thead>
        <tbody>
          {props.deals.map((d) => {
            const timer = [...d.timers].sort(
              (a, b) => URGENT.indexOf(a.state) - URGENT.indexOf(b.state),
            )[0];
            const handoff = d.handoffs.at(-1);
            return (
              <tr
                key={d.id}
                className={d.id === props.selected ? 'selected' : ''}
                data-testid={`deal-${d.id}`}
                onClick={() => props.onSelect(d.id)}
              >
                <td>
                  <strong>{d.name}</strong>
                  <br />
                  <span className="muted">{d.company}</span>
                </td>
                <td>{d.stage}</td>
                <td>
                  {handoff ? (
                    <span className={`pill pill-${handoff.status}`}>
                      {STATUS[handoff.status] ?? handoff.status}
                    </span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>
                  {timer && ['breached', 'at_risk', 'running', 'paused'].includes(timer.state) ? (
                    <span className={`pill pill-${timer.state}`} title={timer.label}>
                      {timer.state.replace('_', ' ')}
                    </span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
