// Every deal of the portal with its stage, handoff status and most urgent timer. Each deal's name
// is a link to its page (`/deals/<id>?viewer=…`): reachable by keyboard, openable in a new tab.
import { useContext } from 'react';
import { HANDOFF_STATUSES, TIMER_STATES } from '@handoff/shared/runtime';
import type { DealRow, Person } from './api.js';
import { Link, Navigate } from './Link.js';

const URGENT = ['breached', 'at_risk', 'running', 'paused', 'pending', 'met_late', 'met'];
// The faces' own words (the core's display tables), so the list never names a state differently.
const statusWord = (status: string) =>
  HANDOFF_STATUSES[status as keyof typeof HANDOFF_STATUSES]?.label ?? status;
const timerWord = (state: string) =>
  TIMER_STATES[state as keyof typeof TIMER_STATES]?.label ?? state;

export function DealList(props: {
  deals: DealRow[];
  people: Person[];
  selected: string | undefined;
  /** The viewer's seed key, kept in every deal's address. */
  viewer: string;
}) {
  const navigate = useContext(Navigate);
  return (
    <nav className="deal-list" aria-label="Deals">
      <table data-testid="deal-list">
        <caption className="visually-hidden">Deals in the sandbox portal</caption>
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
              // The row is a larger target for the mouse; the link is the way for keyboards and tabs.
              <tr
                key={d.id}
                className={d.id === props.selected ? 'selected' : ''}
                data-testid={`deal-${d.id}`}
                onClick={() => navigate({ view: 'deals', id: d.id, viewer: props.viewer })}
              >
                <td>
                  <Link
                    to={{ view: 'deals', id: d.id, viewer: props.viewer }}
                    className="deal-link"
                    testId={`deal-link-${d.id}`}
                    current={d.id === props.selected}
                  >
                    {d.name}
                  </Link>
                  <br />
                  <span className="muted">{d.company}</span>
                </td>
                <td>{d.stage}</td>
                <td>
                  {handoff ? (
                    <span className={`pill pill-${handoff.status}`}>
                      {statusWord(handoff.status)}
                    </span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>
                  {timer && ['breached', 'at_risk', 'running', 'paused'].includes(timer.state) ? (
                    <span className={`pill pill-${timer.state}`} title={timer.label}>
                      {timerWord(timer.state)}
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
    </nav>
  );
}
