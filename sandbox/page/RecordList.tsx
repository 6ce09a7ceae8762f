// The home page's record tables (deals, contacts): each record's name links to its page (`/deals/<id>`
// or `/contacts/<id>`, with `?viewer=…`: reachable by keyboard, openable in a new tab), then its
// stage, its latest handoff's status and its most urgent clock, in the faces' own words.
import { useContext, type ReactNode } from 'react';
import { HANDOFF_STATUSES, TIMER_STATES } from '@handoff/shared/runtime';
import type { ContactRow } from './api.js';
import { Link, Navigate } from './Link.js';

const URGENT = ['breached', 'at_risk', 'running', 'paused', 'pending', 'met_late', 'met'];
// The core's display tables, so a list never names a state differently from the card.
const statusWord = (status: string) =>
  HANDOFF_STATUSES[status as keyof typeof HANDOFF_STATUSES]?.label ?? status;
export const timerWord = (state: string) =>
  TIMER_STATES[state as keyof typeof TIMER_STATES]?.label ?? state;

/** What a row shows: a deal row and a contact row both have these. */
export type ListedRecord = Pick<
  ContactRow,
  'id' | 'name' | 'company' | 'stage' | 'handoffs' | 'timers'
>;
export type ListedTimer = ListedRecord['timers'][number];

export interface RecordListKind {
  /** The page a row opens. */
  view: 'deals' | 'contact';
  /** The first column's heading ("Deal"), and the test ids' prefix ("deal-…"). */
  noun: string;
  testPrefix: string;
  /** The navigation landmark's name and the table's hidden caption. */
  label: string;
  caption: string;
  className: string;
  /** The timer cell's content for the row's most urgent timer (none when it has no timer). */
  timerCell: (timer: ListedTimer | undefined, id: string) => ReactNode;
}

export function RecordList(props: {
  kind: RecordListKind;
  records: readonly ListedRecord[];
  selected: string | undefined;
  /** The viewer's seed key, kept in every record's address. */
  viewer: string;
}) {
  const navigate = useContext(Navigate);
  const { kind, viewer } = props;
  return (
    <nav className={kind.className} aria-label={kind.label}>
      <table data-testid={`${kind.testPrefix}-list`}>
        <caption className="visually-hidden">{kind.caption}</caption>
        <thead>
          <tr>
            <th>{kind.noun}</th>
            <th>Stage</th>
            <th>Handoff</th>
            <th>Timer</th>
          </tr>
        </thead>
        <tbody>
          {props.records.map((r) => {
            const timer = [...r.timers].sort(
              (a, b) => URGENT.indexOf(a.state) - URGENT.indexOf(b.state),
            )[0];
            const handoff = r.handoffs.at(-1);
            return (
              // The row is a larger target for the mouse; the link is the way for keyboards and tabs.
              <tr
                key={r.id}
                className={r.id === props.selected ? 'selected' : ''}
                data-testid={`${kind.testPrefix}-${r.id}`}
                onClick={() => navigate({ view: kind.view, id: r.id, viewer })}
              >
                <td>
                  <Link
                    to={{ view: kind.view, id: r.id, viewer }}
                    className="deal-link"
                    testId={`${kind.testPrefix}-link-${r.id}`}
                    current={r.id === props.selected}
                  >
                    {r.name}
                  </Link>
                  <br />
                  <span className="muted">{r.company}</span>
                </td>
                <td>{r.stage}</td>
                <td>
                  {handoff ? (
                    <span className={`pill pill-${handoff.status}`}>
                      {statusWord(handoff.status)}
                    </span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                {kind.timerCell(timer, r.id)}
              </tr>
            );
          })}
        </tbody>
      </table>
    </nav>
  );
}
