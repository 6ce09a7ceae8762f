// Every deal of the portal with its stage, handoff status and most urgent live timer (its SLA's
// name on hover), in the home page's record table (RecordList).
import type { DealRow, Person } from './api.js';
import { RecordList, timerWord, type RecordListKind } from './RecordList.js';

const DEALS: RecordListKind = {
  view: 'deals',
  noun: 'Deal',
  testPrefix: 'deal',
  label: 'Deals',
  caption: 'Deals in the sandbox portal',
  className: 'deal-list',
  timerCell: (timer) => (
    <td>
      {timer && ['breached', 'at_risk', 'running', 'paused'].includes(timer.state) ? (
        <span className={`pill pill-${timer.state}`} title={timer.label}>
          {timerWord(timer.state)}
        </span>
      ) : (
        <span className="muted">—</span>
      )}
    </td>
  ),
};

export function DealList(props: {
  deals: DealRow[];
  people: Person[];
  selected: string | undefined;
  /** The viewer's seed key, kept in every deal's address. */
  viewer: string;
}) {
  return (
    <RecordList
      kind={DEALS}
      records={props.deals}
      selected={props.selected}
      viewer={props.viewer}
    />
  );
}
