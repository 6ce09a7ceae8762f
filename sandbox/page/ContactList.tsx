// Every contact the playbook follows (the marketing → sales seam): its lifecycle stage, its MQL
// handoff and its most urgent clock (speed to lead, then sales' decision). Each name links to the
// contact's page (`/contacts/<id>?viewer=…`), as the deal list's names do.
import { useContext } from 'react';
import { HANDOFF_STATUSES, TIMER_STATES } from '@handoff/shared/runtime';
import type { ContactRow } from './api.js';
import { Link, Navigate } from './Link.js';

const URGENT = ['breached', 'at_risk', 'running', 'paused', 'pending', 'met_late', 'met'];
const statusWord = (status: string) =>
  HANDOFF_STATUSES[status as keyof typeof HANDOFF_STATUSES]?.label ?? status;
const timerWord = (state: string) =>
  TIMER_STATES[state as keyof typeof TIMER_STATES]?.label ?? state;

export function ContactList(props: {
  contacts: ContactRow[];
  selected: string | undefined;
  viewer: string;
}) {
  const navigate = useContext(Navigate);
  return (
    <nav className="deal-list contact-list" aria-label="Contacts">
      <table data-testid="contact-list">
        <caption className="visually-hidden">Contacts in the sandbox portal</caption>
        <thead>
          <tr>
            <th>Contact</th>
            <th>Stage</th>
            <th>Handoff</th>
            <th>Timer</th>
          </tr>
        </thead>
        <tbody>
          {props.contacts.map((c) => {
            const timer = [...c.timers].sort(
              (a, b) => URGENT.indexOf(a.state) - URGENT.indexOf(b.state),
            )[0];
            const handoff = c.handoffs.at(-1);
            return (
              <tr
                key={c.id}
                className={c.id === props.selected ? 'selected' : ''}
                data-testid={`contact-${c.id}`}
                onClick={() => navigate({ view: 'contact', id: c.id, viewer: props.viewer })}
              >
                <td>
                  <Link
                    to={{ view: 'contact', id: c.id, viewer: props.viewer }}
                    className="deal-link"
                    testId={`contact-link-${c.id}`}
                    current={c.id === props.selected}
                  >
                    {c.name}
                  </Link>
                  <br />
                  <span className="muted">{c.company}</span>
                </td>
                <td>{c.stage}</td>
                <td>
                  {handoff ? (
                    <span className={`pill pill-${handoff.status}`}>
                      {statusWord(handoff.status)}
                    </span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td data-testid={`contact-timer-${c.id}`}>
                  {timer ? (
                    <>
                      <span className={`pill pill-${timer.state}`}>{timerWord(timer.state)}</span>
                      <br />
                      <span className="muted">{timer.label}</span>
                    </>
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
