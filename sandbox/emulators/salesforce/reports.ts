// Report evaluation for the emulator: a small, documented subset of what Salesforce does when it runs
// a report, enough to run the Handoff package's own reports over the org's records. Supported:
//   - reports on a custom report type whose fields all sit on its base object (`Object$Field`);
//     joined child tables (`Object.Relationship$Field`) are refused with a sentence;
//   - filters `equals` and `notEqual`, all of them holding (no filter logic); a value list matches
//     any of its comma-separated values, `notEqual` none of them; an empty value is blank
//     (https://help.salesforce.com/s/articleView?id=analytics.filter_operators.htm);
//   - groupings down and across by a field's value, a date-time grouped by calendar month in the
//     running user's time zone (ReportGrouping.dateGranularity,
//     https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_report.htm);
//   - per group: the record count and the columns' Average / Sum / Minimum / Maximum
//     aggregates, and the rows' ids (the detail rows).
// Not supported (refused or ignored as said): other operators, boolean filter logic, time-frame
// filters (a report with one is refused), buckets, custom summary formulas, cross filters, scope
// other than the whole organization, and sharing (the caller gives the rows a user may see).
import { XMLParser } from 'fast-xml-parser';

export interface ReportDefinition {
  /** The report type's base object, as the org spells it. */
  object: string;
  columns: { field: string; aggregate?: string }[];
  filters: { field: string; operator: 'equals' | 'notEqual'; values: string[] }[];
  down: { field: string; month: boolean }[];
  across: { field: string; month: boolean }[];
}

export interface ReportCell {
  /** The grouping values down, then across (months as YYYY-MM; blanks as ''). */
  down: string[];
  across: string[];
  rowCount: number;
  /** `Average!Business_Minutes_To_Accept__c` → value (null when no row has one). */
  aggregates: Record<string, number | null>;
  rows: string[];
}

export interface ReportResult {
  cells: ReportCell[];
  grandTotal: number;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) =>
    ['columns', 'criteriaItems', 'groupingsDown', 'groupingsAcross', 'aggregateTypes'].includes(
      name,
    ),
});

/** Thrown for report metadata outside the supported subset, with the reason. */
export class UnsupportedReport extends Error {}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- metadata XML is untyped until read
type Xml = Record<string, any>;

/**
 * Reads a report (`.report-meta.xml`) on the report type (`.reportType-meta.xml`) it names.
 * `name` spells a name the package defines as the org does (its namespace), as installation would.
 */
export function parseReport(
  reportXml: string,
  reportTypeXml: string,
  name: (packageName: string) => string = (n) => n,
): ReportDefinition {
  const report = (parser.parse(reportXml) as Xml).Report as Xml;
  const type = (parser.parse(reportTypeXml) as Xml).ReportType as Xml;
  const base = String(type.baseObject);
  if (report.timeFrameFilter)
    throw new UnsupportedReport('time-frame filters are not evaluated by the emulator');
  if (report.filter?.booleanFilter)
    throw new UnsupportedReport('filter logic is not evaluated by the emulator');
  const field = (column: string): string => {
    const [table, fieldName] = column.split('$');
    if (table !== base || fieldName === undefined)
      throw new UnsupportedReport(`${column}: only fields of ${base} itself are evaluated`);
    return name(fieldName);
  };
  const grouping = (g: Xml) => ({
    field: field(String(g.field)),
    month: g.dateGranularity === 'Month',
  });
  return {
    object: name(base),
    columns: ((report.columns ?? []) as Xml[]).map((c) => ({
      field: field(String(c.field)),
      ...(c.aggregateTypes ? { aggregate: String(c.aggregateTypes[0]) } : {}),
    })),
    filters: ((report.filter?.criteriaItems ?? []) as Xml[]).map((c) => {
      const operator = String(c.operator);
      if (operator !== 'equals' && operator !== 'notEqual')
        throw new UnsupportedReport(`operator ${operator} is not evaluated by the emulator`);
      const value = c.value === undefined ? '' : String(c.value);
      return {
        field: field(String(c.column)),
        operator,
        values: value === '' ? [''] : value.split(','),
      };
    }),
    down: ((report.groupingsDown ?? []) as Xml[]).map(grouping),
    across: ((report.groupingsAcross ?? []) as Xml[]).map(grouping),
  };
}

/** A stored value as a report compares and groups it: text, '' for blank. */
function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

function month(value: unknown, timeZone: string): string {
  if (value === null || value === undefined || value === '') return '';
  const at = typeof value === 'number' ? value : Date.parse(String(value));
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' })
    .formatToParts(at)
    .reduce<Record<string, string>>((out, p) => ({ ...out, [p.type]: p.value }), {});
  return `${parts.year}-${parts.month}`;
}

const AGGREGATES: Record<string, (values: number[]) => number | null> = {
  Sum: (v) => (v.length === 0 ? null : v.reduce((a, b) => a + b, 0)),
  Average: (v) => (v.length === 0 ? null : v.reduce((a, b) => a + b, 0) / v.length),
  Minimum: (v) => (v.length === 0 ? null : Math.min(...v)),
  Maximum: (v) => (v.length === 0 ? null : Math.max(...v)),
};

/** Runs the report over the base object's rows (ids in `Id`), for a user in `timeZone`. */
export function runReport(
  definition: ReportDefinition,
  rows: readonly Record<string, unknown>[],
  timeZone: string,
): ReportResult {
  const kept = rows.filter((row) =>
    definition.filters.every((f) => {
      const hit = f.values.includes(text(row[f.field]));
      return f.operator === 'equals' ? hit : !hit;
    }),
  );
  const key = (row: Record<string, unknown>, groups: ReportDefinition['down']) =>
    groups.map((g) => (g.month ? month(row[g.field], timeZone) : text(row[g.field])));
  const cells = new Map<string, ReportCell & { members: Record<string, unknown>[] }>();
  for (const row of kept) {
    const down = key(row, definition.down);
    const across = key(row, definition.across);
    const id = JSON.stringify([down, across]);
    const cell = cells.get(id) ?? {
      down,
      across,
      rowCount: 0,
      aggregates: {},
      rows: [],
      members: [],
    };
    cell.rowCount++;
    cell.rows.push(text(row.Id));
    cell.members.push(row);
    cells.set(id, cell);
  }
  // Groups in ascending order of their values, down before across (ReportGrouping sortOrder Asc).
  const order = (c: ReportCell) => JSON.stringify([c.down, c.across]);
  const out: ReportCell[] = [...cells.values()]
    .sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))
    .map(({ members, ...cell }) => {
      for (const column of definition.columns) {
        if (!column.aggregate) continue;
        const summarize = AGGREGATES[column.aggregate];
        if (!summarize)
          throw new UnsupportedReport(
            `aggregate ${column.aggregate} is not evaluated by the emulator`,
          );
        const values = members
          .map((m) => m[column.field])
          .filter((v): v is number | string => v !== null && v !== undefined && v !== '')
          .map(Number);
        cell.aggregates[`${column.aggregate}!${column.field}`] = summarize(values);
      }
      return cell;
    });
  return { cells: out, grandTotal: kept.length };
}
