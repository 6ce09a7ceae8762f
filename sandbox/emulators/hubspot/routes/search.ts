import type { EmulatorRequest, EmulatorResponse, Route } from '../../plumbing/router.js';
import { portalOf, type HubSpotContext } from '../context.js';
import { badRequest } from '../errors.js';
import {
  MAX_FILTER_GROUPS,
  MAX_FILTERS_PER_GROUP,
  MAX_FILTERS_TOTAL,
  OPERATORS,
  runSearch,
  SEARCH_MAX_PAGE,
  SEARCH_MAX_RESULTS,
  type Filter,
  type Operator,
  type Sort,
} from '../search.js';
import { isRecord, isResponse, parseAfter, parseLimit, typeParam } from './common.js';

function parseFilter(raw: unknown): Filter | EmulatorResponse {
  if (!isRecord(raw) || typeof raw.propertyName !== 'string')
    return badRequest('every filter needs a propertyName');
  const operator = raw.operator ?? 'EQ';
  if (!OPERATORS.includes(operator as Operator))
    return badRequest(`Unknown filter operator: ${String(operator)}`);
  const needsValues = operator === 'IN' || operator === 'NOT_IN';
  if (needsValues && !Array.isArray(raw.values))
    return badRequest(`${String(operator)} needs a values array`);
  const needsValue = !needsValues && operator !== 'HAS_PROPERTY' && operator !== 'NOT_HAS_PROPERTY';
  if (needsValue && raw.value === undefined)
    return badRequest(`${String(operator)} on ${raw.propertyName} needs a value`);
  return {
    propertyName: raw.propertyName,
    operator: operator as Operator,
    ...(raw.value !== undefined ? { value: String(raw.value) } : {}),
    ...(raw.highValue !== undefined ? { highValue: String(raw.highValue) } : {}),
    ...(Array.isArray(raw.values) ? { values: raw.values.map(String) } : {}),
  };
}

/** Sorts come as `{ propertyName, direction }` or, as the SDK types them, a bare (`-`-prefixed) name. */
function parseSort(raw: unknown): Sort | EmulatorResponse {
  if (typeof raw === 'string') {
    const descending = raw.startsWith('-');
    return {
      propertyName: descending ? raw.slice(1) : raw,
      direction: descending ? 'DESCENDING' : 'ASCENDING',
    };
  }
  if (!isRecord(raw) || typeof raw.propertyName !== 'string')
    return badRequest('every sort needs a propertyName');
  const direction = raw.direction ?? 'ASCENDING';
  if (direction !== 'ASCENDING' && direction !== 'DESCENDING')
    return badRequest(`Unknown sort direction: ${String(direction)}`);
  return { propertyName: raw.propertyName, direction };
}

function parseGroups(raw: unknown): Filter[][] | EmulatorResponse {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return badRequest('filterGroups must be an array');
  if (raw.length > MAX_FILTER_GROUPS)
    return badRequest(`Too many filter groups: ${raw.length} > ${MAX_FILTER_GROUPS}`);
  const groups: Filter[][] = [];
  for (const group of raw) {
    const filters = isRecord(group) && Array.isArray(group.filters) ? group.filters : undefined;
    if (!filters) return badRequest('every filter group needs a filters array');
    if (filters.length > MAX_FILTERS_PER_GROUP) {
      return badRequest(
        `Too many filters in a group: ${filters.length} > ${MAX_FILTERS_PER_GROUP}`,
      );
    }
    const parsed: Filter[] = [];
    for (const filter of filters) {
      const result = parseFilter(filter);
      if (isResponse(result)) return result;
      parsed.push(result);
    }
    groups.push(parsed);
  }
  const total = groups.reduce((sum, group) => sum + group.length, 0);
  if (total > MAX_FILTERS_TOTAL)
    return badRequest(`Too many filters: ${total} > ${MAX_FILTERS_TOTAL}`);
  return groups;
}

export function searchRoutes(context: HubSpotContext): Route[] {
  const search = (request: EmulatorRequest): EmulatorResponse => {
    const type = typeParam(request);
    if (isResponse(type)) return type;
    const body = request.body ?? {};
    if (!isRecord(body)) return badRequest('the search request must be an object');
    const groups = parseGroups(body.filterGroups);
    if (isResponse(groups)) return groups;
    const sorts: Sort[] = [];
    for (const raw of Array.isArray(body.sorts) ? body.sorts : []) {
      const sort = parseSort(raw);
      if (isResponse(sort)) return sort;
      sorts.push(sort);
    }
    const limit = parseLimit(body.limit, 10, SEARCH_MAX_PAGE);
    if (isResponse(limit)) return limit;
    const after = parseAfter(body.after);
    if (isResponse(after)) return after;
    if (after >= SEARCH_MAX_RESULTS) {
      return badRequest(
        `Search results are limited to ${SEARCH_MAX_RESULTS} per query; after=${after} is past that limit`,
      );
    }
    const portalId = portalOf(request);
    const definitions = new Map(
      context.catalog.properties(portalId, type).map((definition) => [definition.name, definition]),
    );
    let hits = runSearch(context.store.list(portalId, type), groups, sorts, definitions);
    if (typeof body.query === 'string' && body.query.length > 0) {
      const needle = body.query.toLowerCase();
      hits = hits.filter((object) =>
        Object.values(object.properties).some((value) => value?.toLowerCase().includes(needle)),
      );
    }
    const properties = Array.isArray(body.properties) ? body.properties.map(String) : undefined;
    const end = Math.min(after + limit, hits.length, SEARCH_MAX_RESULTS);
    const results = hits
      .slice(after, end)
      .map((object) => context.presenter.present(object, properties));
    const next =
      end < Math.min(hits.length, SEARCH_MAX_RESULTS)
        ? { paging: { next: { after: String(end) } } }
        : {};
    return { status: 200, body: { total: hits.length, results, ...next } };
  };
  return [
    {
      name: 'crm.objects.search',
      method: 'POST',
      path: '/crm/v3/objects/:objectType/search',
      docs: 'https://developers.hubspot.com/docs/api-reference/2026-03/crm/search-the-crm',
      handler: search,
    },
  ];
}
