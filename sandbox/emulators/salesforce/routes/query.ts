import type { Route } from '../../plumbing/router.js';
import type { SalesforceContext } from '../context.js';
import { batchSizeOf } from '../cursors.js';
import { respond, sfError } from '../errors.js';
import { parseSoql } from '../soql-parse.js';

const QUERY_DOCS =
  'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_query.htm';

export function queryRoutes(context: SalesforceContext): Route[] {
  const base = '/services/data/:version';
  return [
    {
      name: 'data.query',
      method: 'GET',
      path: `${base}/query`,
      docs: QUERY_DOCS,
      handler: (request) =>
        respond(() => {
          const soql = request.query.get('q');
          if (!soql) return sfError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
          const query = parseSoql(soql);
          const result = context.soql.run(query, request.portalId);
          if (query.count)
            return { status: 200, body: { totalSize: result.totalSize, done: true, records: [] } };
          const batch = batchSizeOf(request.headers['sforce-query-options']);
          return { status: 200, body: context.cursors.first(result.records, batch) };
        }),
    },
    {
      name: 'data.queryMore',
      method: 'GET',
      path: `${base}/query/:locator`,
      docs: QUERY_DOCS,
      handler: (request) =>
        respond(() => ({ status: 200, body: context.cursors.more(request.params.locator ?? '') })),
    },
    {
      name: 'data.limits',
      method: 'GET',
      path: `${base}/limits`,
      docs: 'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_limits.htm',
      handler: () => ({
        status: 200,
        body: {
          DailyApiRequests: {
            Max: context.limits.max,
            Remaining: Math.max(0, context.limits.max - context.limits.used),
          },
        },
      }),
    },
  ];
}
