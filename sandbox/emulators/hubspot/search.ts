import type { PropertyDefinition } from './object-types.js';
import type { StoredObject } from './store.js';

// https://developers.hubspot.com/docs/api-reference/2026-03/crm/search-the-crm
export const SEARCH_MAX_PAGE = 200;
export const SEARCH_MAX_RESULTS = 10_000;
export const MAX_FILTER_GROUPS = 5;
export const MAX_FILTERS_PER_GROUP = 6;
export const MAX_FILTERS_TOTAL = 18;

export const OPERATORS = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
] as const;
export type Operator = (typeof OPERATORS)[number];

export interface Filter {
  propertyName: string;
  operator: Operator;
  value?: string;
  highValue?: string;
  values?: string[];
}

export interface Sort {
  propertyName: string;
  direction: 'ASCENDING' | 'DESCENDING';
}

type Definitions = Map<string, PropertyDefinition>;

/**
 * Compares as HubSpot does by type: numbers and dates numerically, text case-insensitively. Date and
 * datetime filter values are UNIX timestamps in milliseconds
 * (https://developers.hubspot.com/docs/faq/how-should-timestamps-be-formatted-for-hubspots-apis),
 * so `hs_lastmodifieddate GTE <ms>` finds the records changed since then, GT/GTE/LT/LTE/BETWEEN
 * comparing instants (https://developers.hubspot.com/docs/api-reference/2026-03/crm/search-the-crm,
 * "Filter search results"); stored datetimes may be ISO text and are compared as the same instants.
 */
function comparable(definition: PropertyDefinition | undefined, value: string): number | string {
  if (definition?.type === 'number') return Number(value);
  if (definition?.type === 'datetime' || definition?.type === 'date') {
    return /^-?\d+$/.test(value) ? Number(value) : Date.parse(value);
  }
  return value.toLowerCase();
}

function compare(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

function matches(object: StoredObject, filter: Filter, definitions: Definitions): boolean {
  const raw = object.properties[filter.propertyName];
  const has = raw !== undefined && raw !== null && raw !== '';
  if (filter.operator === 'HAS_PROPERTY') return has;
  if (filter.operator === 'NOT_HAS_PROPERTY') return !has;
  const definition = definitions.get(filter.propertyName);
  const value = has ? comparable(definition, raw) : undefined;
  const against = (text: string | undefined) => comparable(definition, text ?? '');
  switch (filter.operator) {
    case 'EQ':
      return value !== undefined && compare(value, against(filter.value)) === 0;
    case 'NEQ':
      return value === undefined || compare(value, against(filter.value)) !== 0;
    case 'LT':
      return value !== undefined && compare(value, against(filter.value)) < 0;
    case 'LTE':
      return value !== undefined && compare(value, against(filter.value)) <= 0;
    case 'GT':
      return value !== undefined && compare(value, against(filter.value)) > 0;
    case 'GTE':
      return value !== undefined && compare(value, against(filter.value)) >= 0;
    case 'BETWEEN':
      return (
        value !== undefined &&
        compare(value, against(filter.value)) >= 0 &&
        compare(value, against(filter.highValue)) <= 0
      );
    case 'IN':
      return (
        value !== undefined &&
        (filter.values ?? []).some((candidate) => compare(value, against(candidate)) === 0)
      );
    case 'NOT_IN':
      return (
        value === undefined ||
        !(filter.values ?? []).some((candidate) => compare(value, against(candidate)) === 0)
      );
    case 'CONTAINS_TOKEN':
      return (
        has &&
        raw
          .toLowerCase()
          .split(/\s+/)
          .includes((filter.value ?? '').toLowerCase().replaceAll('*', ''))
      );
    case 'NOT_CONTAINS_TOKEN':
      return (
        !has ||
        !raw
          .toLowerCase()
          .split(/\s+/)
          .includes((filter.value ?? '').toLowerCase())
      );
  }
}

/** Filter groups are ORed, filters inside a group ANDed; no groups matches everything. */
export function runSearch(
  objects: readonly StoredObject[],
  filterGroups: Filter[][],
  sorts: Sort[],
  definitions: Definitions,
): StoredObject[] {
  const hits = objects.filter(
    (object) =>
      filterGroups.length === 0 ||
      filterGroups.some((group) => group.every((filter) => matches(object, filter, definitions))),
  );
  const order: Sort[] =
    sorts.length > 0 ? sorts : [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }];
  return hits.sort((left, right) => {
    for (const sort of order) {
      const definition = definitions.get(sort.propertyName);
      const a = left.properties[sort.propertyName];
      const b = right.properties[sort.propertyName];
      // Empty values sort last in both directions.
      if (a == null || b == null) {
        if (a == null && b == null) continue;
        return a == null ? 1 : -1;
      }
      const result = compare(comparable(definition, a), comparable(definition, b));
      if (result !== 0) return sort.direction === 'DESCENDING' ? -result : result;
    }
    return Number(left.id) - Number(right.id);
  });
}
