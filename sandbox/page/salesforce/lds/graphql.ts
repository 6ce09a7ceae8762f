// Stand-in for `lightning/graphql`: the graphql wire posts `{ query, variables, operationName }` to
// the GraphQL API and provisions `{ data, errors, refresh }`; `gql` keeps the query text.
// https://developer.salesforce.com/docs/platform/lwc/guide/reference-graphql.html
import type { FetchResponse } from './session.js';
import { uiApi } from './session.js';
import { LdsAdapter, refreshProvisioned, type Config } from './wire.js';

interface GraphqlAnswer {
  data?: unknown;
  errors?: unknown[];
}

export class graphql extends LdsAdapter {
  protected read(config: Config) {
    if (!ready(config)) return undefined;
    const body = {
      query: config.query,
      variables: config.variables ?? {},
      ...(config.operationName ? { operationName: config.operationName } : {}),
    };
    return () => uiApi<GraphqlAnswer>('graphql', { method: 'POST', body });
  }

  protected override provision(answer: unknown, error: FetchResponse | undefined) {
    const value: Record<string, unknown> = {};
    if (error) {
      const body = error.body as GraphqlAnswer | null;
      value.errors = Array.isArray(body?.errors) ? body.errors : [error.body];
    } else {
      const { data, errors } = answer as GraphqlAnswer;
      value.data = data;
      value.errors = errors && errors.length > 0 ? errors : undefined;
    }
    value.refresh = () => refreshProvisioned(value);
    return value;
  }
}

/** A query whose variables are still undefined (a `$` parameter not yet set) waits, as LDS does. */
function ready(config: Config): boolean {
  const variables = (config.variables ?? {}) as Record<string, unknown>;
  return typeof config.query === 'string' && Object.values(variables).every((v) => v !== undefined);
}

export function gql(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? String(values[i]) : ''), '');
}

export function refreshGraphQL(result: unknown): Promise<void> {
  return refreshProvisioned(result);
}
