// The UI API GraphQL endpoint for the query subset Handoff's components use:
// `uiapi { query { Object(where: {…}, first: N, orderBy: {…}, after: "…") { edges { node { Id
// Field { value displayValue } Parent__r { Field { value } } } } totalCount pageInfo { … } } } }`.
// Filters and ordering are translated to the emulator's SOQL engine (one query engine), and nodes
// are rendered from the store as the UI API renders field values.
// https://developer.salesforce.com/docs/platform/graphql/guide/graphql-about.html
import type { Route } from '../../plumbing/router.js';
import type { SalesforceContext } from '../context.js';
import { SalesforceFault } from '../errors.js';
import {
  GraphQLSyntaxError,
  parseGraphQL,
  type GqlValue,
  type Selection,
} from '../graphql-parse.js';
import type { FieldDef, ObjectDef } from '../schema.js';
import type { Condition, Literal, Query } from '../soql-parse.js';
import { relationshipName } from '../soql-run.js';
import type { StoredRecord } from '../store.js';
import { uiValue } from '../ui-records.js';

const DEFAULT_FIRST = 10;
const MAX_FIRST = 2000;
const OPERATORS: Record<string, string> = {
  eq: '=',
  ne: '!=',
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
  like: 'LIKE',
};

/** A query the emulator cannot answer, reported in the GraphQL `errors` list. */
class GraphQLError extends Error {
  constructor(
    message: string,
    readonly at?: { line: number; column: number },
  ) {
    super(message);
  }
}

type Json = unknown;

export function graphqlRoutes(context: SalesforceContext): Route[] {
  const { schema, store, access } = context;
  /** The session's user of the request being answered (requests run one at a time). */
  let user: string | undefined;
  const readable = (object: ObjectDef, field: FieldDef) =>
    !access || !user || access.readable(user, object, field);
  const visible = (object: ObjectDef, record: StoredRecord) =>
    !access || !user || access.record(user, object, record) !== 'none';

  function resolveVariables(value: GqlValue, variables: Record<string, Json>): Json {
    switch (value.kind) {
      case 'variable':
        if (!(value.name in variables))
          throw new GraphQLError(`Variable '$${value.name}' is not defined or has no value`);
        return variables[value.name];
      case 'scalar':
        return value.value;
      case 'enum':
        return value.value;
      case 'list':
        return value.values.map((v) => resolveVariables(v, variables));
      case 'object':
        return Object.fromEntries(
          Object.entries(value.fields).map(([k, v]) => [k, resolveVariables(v, variables)]),
        );
    }
  }

  function literal(field: FieldDef, value: Json): Literal {
    if (value === null) return { kind: 'null' };
    if (typeof value === 'boolean') return { kind: 'boolean', value };
    if (typeof value === 'number') return { kind: 'number', value };
    if (typeof value === 'string') {
      if (field.kind === 'date') return { kind: 'date', value };
      if (field.kind === 'datetime') return { kind: 'datetime', value };
      return { kind: 'string', value };
    }
    throw new GraphQLError(`Unsupported filter value ${JSON.stringify(value)} for ${field.name}`);
  }

  /** The field (or `Relationship.Field`) a filter key names, for literal typing. */
  function fieldAt(object: ObjectDef, path: string): FieldDef {
    const [first = '', second] = path.split('.');
    if (second === undefined) {
      const field = schema.field(object, first);
      if (!field) throw new GraphQLError(`Field '${first}' is undefined on ${object.name}_Filter`);
      return field;
    }
    const via = object.fields.find(
      (f) => f.kind === 'reference' && relationshipName(f).toLowerCase() === first.toLowerCase(),
    );
    const parent = via?.referenceTo ? schema.get(via.referenceTo) : undefined;
    const field = parent ? schema.field(parent, second) : undefined;
    if (!field) throw new GraphQLError(`Field '${path}' is undefined on ${object.name}_Filter`);
    return field;
  }

  function isRelationship(object: ObjectDef, name: string): boolean {
    return object.fields.some(
      (f) => f.kind === 'reference' && relationshipName(f).toLowerCase() === name.toLowerCase(),
    );
  }

  /** `where` → a SOQL condition; `prefix` is the parent relationship inside a nested filter. */
  function condition(object: ObjectDef, where: Json, prefix = ''): Condition {
    if (typeof where !== 'object' || where === null || Array.isArray(where))
      throw new GraphQLError('A filter must be an object');
    const parts: Condition[] = [];
    for (const [key, value] of Object.entries(where as Record<string, Json>)) {
      if (key === 'and' || key === 'or') {
        const list = Array.isArray(value) ? value : [value];
        parts.push({ kind: key, parts: list.map((v) => condition(object, v, prefix)) });
      } else if (key === 'not') {
        parts.push({ kind: 'not', part: condition(object, value, prefix) });
      } else if (!prefix && isRelationship(object, key)) {
        parts.push(condition(object, value, `${key}.`));
      } else {
        const path = `${prefix}${key}`;
        const field = fieldAt(object, path);
        if (typeof value !== 'object' || value === null)
          throw new GraphQLError(`The filter on ${path} needs an operator such as eq`);
        for (const [op, operand] of Object.entries(value as Record<string, Json>)) {
          if (op === 'in' || op === 'nin') {
            if (!Array.isArray(operand)) throw new GraphQLError(`${op} on ${path} takes a list`);
            parts.push({
              kind: 'in',
              field: path,
              negated: op === 'nin',
              values: operand.map((v) => literal(field, v)),
            });
            continue;
          }
          const soqlOp = OPERATORS[op];
          if (!soqlOp) throw new GraphQLError(`Operator '${op}' on ${path} is not supported`);
          parts.push({ kind: 'compare', field: path, op: soqlOp, value: literal(field, operand) });
        }
      }
    }
    if (parts.length === 1) return parts[0] as Condition;
    return { kind: 'and', parts };
  }

  function orderBy(object: ObjectDef, value: Json): Query['orderBy'] {
    if (value === undefined || value === null) return [];
    if (typeof value !== 'object' || Array.isArray(value))
      throw new GraphQLError('orderBy must be an object');
    return Object.entries(value as Record<string, Json>).map(([name, spec]) => {
      fieldAt(object, name);
      const s = (spec ?? {}) as { order?: string; nulls?: string };
      const descending = s.order === 'DESC';
      return {
        field: name,
        descending,
        nullsLast: s.nulls ? s.nulls === 'LAST' : descending,
      };
    });
  }

  function node(object: ObjectDef, record: StoredRecord, selections: Selection[]) {
    const out: Record<string, Json> = {};
    for (const s of selections) {
      const key = s.alias ?? s.name;
      if (s.name === 'Id') {
        out[key] = record.Id;
        continue;
      }
      if (s.name === '__typename') {
        out[key] = object.name;
        continue;
      }
      const found = schema.field(object, s.name);
      // A field without field-level security is not in the user's schema.
      const field = found && readable(object, found) ? found : undefined;
      if (found && !field)
        throw new GraphQLError(`Field '${s.name}' is undefined on ${object.name}`, s);
      if (field) {
        const value = uiValue(field, record[field.name]);
        out[key] = Object.fromEntries(
          s.selections.map((sub) => {
            const subKey = sub.alias ?? sub.name;
            if (sub.name === 'value') return [subKey, value];
            if (sub.name === 'displayValue')
              return [subKey, field.kind === 'picklist' && value !== null ? String(value) : null];
            throw new GraphQLError(`Field '${sub.name}' is undefined on ${field.name}`, sub);
          }),
        );
        continue;
      }
      const via = object.fields.find(
        (f) => f.kind === 'reference' && relationshipName(f).toLowerCase() === s.name.toLowerCase(),
      );
      const parent = via?.referenceTo ? schema.get(via.referenceTo) : undefined;
      if (!via || !parent || !readable(object, via))
        throw new GraphQLError(`Field '${s.name}' is undefined on ${object.name}`, s);
      const parentId = record[via.name];
      const parentRecord =
        typeof parentId === 'string' ? store.get(parent.name, parentId) : undefined;
      out[key] =
        parentRecord && visible(parent, parentRecord)
          ? node(parent, parentRecord, s.selections)
          : null;
    }
    return out;
  }

  function connection(selection: Selection, variables: Record<string, Json>) {
    const found = schema.get(selection.name);
    // An object the user may not read is not in their schema.
    const object =
      found && (!access || !user || access.object(user, found).read) ? found : undefined;
    if (!object)
      throw new GraphQLError(
        `Field '${selection.name}' in type 'RecordQuery' is undefined`,
        selection,
      );
    const args = Object.fromEntries(
      Object.entries(selection.args).map(([k, v]) => [k, resolveVariables(v, variables)]),
    );
    for (const name of Object.keys(args))
      if (!['where', 'first', 'orderBy', 'after', 'upperBound'].includes(name))
        throw new GraphQLError(`Argument '${name}' is not supported on ${object.name}`, selection);
    const first = args.first === undefined ? DEFAULT_FIRST : Number(args.first);
    if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST)
      throw new GraphQLError(`first must be between 1 and ${MAX_FIRST}`, selection);
    const offset = typeof args.after === 'string' ? Number(args.after) || 0 : 0;
    const query: Query = {
      fields: ['Id'],
      count: false,
      subqueries: [],
      from: object.name,
      ...(args.where !== undefined && args.where !== null
        ? { where: condition(object, args.where) }
        : {}),
      orderBy: orderBy(object, args.orderBy),
    };
    // upperBound: page up to that many records in all (Paginate with Upper-Bound Limit,
    // https://developer.salesforce.com/docs/platform/graphql/guide/paginate-use-upperbound.html).
    const bound = args.upperBound === undefined ? Infinity : Number(args.upperBound);
    const ids = context.soql
      .run(query, user)
      .records.map((r) => String(r.Id))
      .slice(0, bound);
    const page = ids.slice(offset, offset + first);
    const out: Record<string, Json> = {};
    for (const s of selection.selections) {
      const key = s.alias ?? s.name;
      if (s.name === 'totalCount') out[key] = ids.length;
      else if (s.name === 'edges') {
        const nodeSelection = s.selections.find((e) => e.name === 'node');
        out[key] = page.map((id, index) => {
          const edge: Record<string, Json> = {};
          for (const e of s.selections) {
            if (e.name === 'node')
              edge[e.alias ?? 'node'] = node(
                object,
                store.get(object.name, id) as StoredRecord,
                nodeSelection?.selections ?? [],
              );
            else if (e.name === 'cursor') edge[e.alias ?? 'cursor'] = String(offset + index + 1);
            else throw new GraphQLError(`Field '${e.name}' is undefined on ${object.name}Edge`, e);
          }
          return edge;
        });
      } else if (s.name === 'pageInfo') {
        const info: Record<string, Json> = {
          hasNextPage: offset + first < ids.length,
          hasPreviousPage: offset > 0,
          startCursor: page.length > 0 ? String(offset + 1) : null,
          endCursor: page.length > 0 ? String(offset + page.length) : null,
        };
        out[key] = Object.fromEntries(s.selections.map((p) => [p.alias ?? p.name, info[p.name]]));
      } else
        throw new GraphQLError(`Field '${s.name}' is undefined on ${object.name}Connection`, s);
    }
    return out;
  }

  function execute(source: string, variables: Record<string, Json>) {
    const root = parseGraphQL(source);
    const data: Record<string, Json> = {};
    for (const top of root) {
      if (top.name !== 'uiapi')
        throw new GraphQLError(`Field '${top.name}' in type 'Query' is undefined`, top);
      const uiapi: Record<string, Json> = {};
      for (const section of top.selections) {
        if (section.name !== 'query')
          throw new GraphQLError(
            `Only uiapi.query is emulated, not uiapi.${section.name}`,
            section,
          );
        const query: Record<string, Json> = {};
        for (const selection of section.selections)
          query[selection.alias ?? selection.name] = connection(selection, variables);
        uiapi[section.alias ?? 'query'] = query;
      }
      data[top.alias ?? 'uiapi'] = uiapi;
    }
    return data;
  }

  return [
    {
      name: 'uiapi.graphql',
      method: 'POST',
      path: '/services/data/:version/graphql',
      docs: 'https://developer.salesforce.com/docs/platform/graphql/guide/graphql-query-syntax.html',
      handler: (request) => {
        const body = (request.body ?? {}) as { query?: unknown; variables?: unknown };
        if (typeof body.query !== 'string')
          return {
            status: 400,
            body: [{ errorCode: 'INVALID_INPUT', message: 'The request body needs a query' }],
          };
        const variables =
          typeof body.variables === 'object' && body.variables !== null
            ? (body.variables as Record<string, Json>)
            : {};
        try {
          user = request.portalId;
          return { status: 200, body: { data: execute(body.query, variables), errors: [] } };
        } catch (error) {
          // GraphQL answers 200 with the errors listed, as the UI API GraphQL endpoint does.
          if (error instanceof GraphQLSyntaxError)
            return graphqlError(`Invalid Syntax: ${error.message}`, error, 'InvalidSyntax');
          if (error instanceof GraphQLError)
            return graphqlError(error.message, error.at, 'ValidationError');
          if (error instanceof SalesforceFault)
            return graphqlError(error.message, undefined, 'DataFetchingException');
          throw error;
        } finally {
          user = undefined;
        }
      },
    },
  ];
}

function graphqlError(
  message: string,
  at: { line: number; column: number } | undefined,
  errorType: string,
) {
  return {
    status: 200,
    body: {
      data: null,
      errors: [
        {
          message,
          locations: at ? [{ line: at.line, column: at.column }] : [],
          paths: [],
          extensions: { ErrorType: errorType },
        },
      ],
    },
  };
}
