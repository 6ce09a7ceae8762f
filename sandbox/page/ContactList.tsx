// Every contact the playbook follows (the marketing → sales seam): its lifecycle stage, its MQL
// handoff and its most urgent clock (speed to lead, then sales' decision), named under its state,
// in the home page's record table (RecordList); each name opens `/contacts/<id>?viewer=…`.
import type { ContactRow } from './api.js';
import { RecordList, timerWord, type RecordListKind } from './RecordList.js';

const CONTACTS: RecordListKind = {
  view: 'contact',
  noun: 'Contact',
  testPrefix: 'contact',
  label: 'Contacts',
  caption: 'Contacts in the sandbox portal',
  className: 'deal-list contact-list',
  timerCell: (timer, id) => (
    <td data-testid={`contact-timer-${id}`}>
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
  ),
};

export function ContactList(props: {
  contacts: ContactRow[];
  selected: string | undefined;
  viewer: string;
}) {
  return (
    <RecordList
      kind={CONTACTS}
      records={props.contacts}
      selected={props.selected}
      viewer={props.viewer}
    />
  );
}
