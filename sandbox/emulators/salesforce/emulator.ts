import type { Clock } from '../plumbing/clock.js';
import { FaultSwitches } from '../plumbing/faults.js';
import { startHarness } from '../plumbing/http.js';
import { RequestLog } from '../plumbing/request-log.js';
import { RouteTable, type EmulatorRequest, type Route } from '../plumbing/router.js';
import { openDatabase } from '../plumbing/storage.js';
import { Access, type AccessSetup } from './access.js';
import type { SalesforceContext } from './context.js';
import { BulkQueries } from './bulk.js';
import { Cursors } from './cursors.js';
import { startFront, type RawResponse, type RawRoute } from './front.js';
import { convertLead, convertLeadResponse, parseLeadConverts } from './convert.js';
import { MetadataApi, soapFault } from './metadata.js';
import { invalidSession, platformErrors, requestLimitExceeded, sfError } from './errors.js';
import { Sessions, type ConnectedApp } from './oauth.js';
import { Org } from './org.js';
import { graphqlRoutes } from './routes/graphql.js';
import { queryRoutes } from './routes/query.js';
import { sobjectRoutes } from './routes/sobjects.js';
import { uiApiRoutes } from './routes/ui-api.js';
import { Schema, type FieldDef, type ObjectDef } from './schema.js';
import { Seeder } from './seed.js';
import { SoqlRunner } from './soql-run.js';
import { RecordStore, STORE_SCHEMA } from './store.js';
import { Validator, type ValidationSetup } from './validation.js';

export interface SalesforceEmulatorOptions {
  clock: Clock;
  /** SQLite file; `:memory:` (the default) forgets everything on close. */
  dbFile?: string;
  /** The one API version served; requests for another get 404, as for a retired version. */
  apiVersion?: string;
  /** Custom objects the org has (the package's), on top of the standard ones. */
  customObjects?: readonly ObjectDef[];
  /** Custom fields on standard objects, e.g. the playbook's Opportunity fields. */
  customFields?: Record<string, FieldDef[]>;
  connectedApps?: readonly ConnectedApp[];
  /** How long an access token lives on the emulator clock (org session timeout). */
  sessionLifetimeMs?: number;
  /** The org's DailyApiRequests maximum. */
  dailyApiLimit?: number;
  port?: number;
  faultSeed?: number;
  maxHangMs?: number;
  /**
   * Validation rules run on every API write (REST, collections, UI API) for the session's user,
   * with `$Permission.X` from the permission sets assigned to them. Seeding bypasses them.
   */
  validation?: ValidationSetup;
  /**
   * Enforce object permissions and field-level security (from the permission sets: `validation`'s
   * and these) and record sharing on every API read and write (see access.ts). Off when absent.
   */
  access?: AccessSetup;
}

export interface SalesforceEmulator {
  /** Both the login URL and the instance URL. */
  url: string;
  apiVersion: string;
  routes: readonly Route[];
  /** The SOAP endpoints, answered in XML by the front door rather than the JSON harness. */
  soapRoutes: readonly Pick<RawRoute, 'name' | 'method' | 'docs'>[];
  seed: Seeder;
  faults: FaultSwitches;
  requestLog: RequestLog;
  /** An access token for a user, as a developer's `sf org display` would give. */
  issueToken(username: string): string;
  sessions: { expireAll(): void; readonly minted: number };
  limits: { used: number; max: number };
  /** The custom permissions a user holds through permission set assignments (empty without `validation`). */
  customPermissions(userId: string): string[];
  /** Direct reads for assertions (bypass the API, its limits and the log). */
  records(type: string): Record<string, unknown>[];
  close(): Promise<void>;
}

export async function startSalesforceEmulator(
  options: SalesforceEmulatorOptions,
): Promise<SalesforceEmulator> {
  const { clock } = options;
  const apiVersion = options.apiVersion ?? '66.0';
  const db = openDatabase(options.dbFile ?? ':memory:', STORE_SCHEMA);
  const schema = new Schema(options.customObjects, options.customFields);
  const store = new RecordStore(db, schema, clock);
  const validator = options.validation
    ? new Validator(schema, store, options.validation, () => clock.now())
    : undefined;
  const access = options.access
    ? new Access(
        schema,
        store,
        [...(options.validation?.permissionSets ?? []), ...(options.access.permissionSets ?? [])],
        options.access,
      )
    : undefined;
  const org = new Org(store, validator, access);
  const limits = { used: 0, max: options.dailyApiLimit ?? 100_000 };
  const context: SalesforceContext = {
    clock,
    apiVersion,
    schema,
    store,
    org,
    soql: new SoqlRunner(schema, store, apiVersion, access),
    cursors: new Cursors(clock, apiVersion),
    limits,
    ...(access ? { access } : {}),
  };
  let url = '';
  const sessions = new Sessions(
    clock,
    store,
    options.connectedApps ?? [],
    options.sessionLifetimeMs ?? 2 * 60 * 60_000,
    () => url,
  );
  const bulk = new BulkQueries(context);
  const routes = new RouteTable().add(
    ...sessions.routes(),
    ...bulk.routes(),
    ...queryRoutes(context),
    ...sobjectRoutes(context),
    ...uiApiRoutes(context),
    ...graphqlRoutes(context),
  );
  const requestLog = new RequestLog();
  const faults = new FaultSwitches(options.faultSeed);

  function before(request: EmulatorRequest, route: Route) {
    if (route.name.startsWith('oauth.')) return undefined;
    if (request.params.version !== `v${apiVersion}`)
      return sfError(404, 'NOT_FOUND', 'The requested resource does not exist');
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
    const session = token ? sessions.resolve(token) : undefined;
    if (!session) return invalidSession();
    request.portalId = session.userId;
    if (limits.used >= limits.max) return requestLimitExceeded();
    limits.used++;
    return undefined;
  }

  const harness = await startHarness({
    routes,
    clock,
    log: requestLog,
    faults,
    errors: platformErrors,
    before,
    // Every API response reports the org's daily usage (Sforce-Limit-Info), refusals included.
    after: (request, route, response) =>
      route.name.startsWith('oauth.')
        ? response
        : {
            ...response,
            headers: {
              'sforce-limit-info': `api-usage=${limits.used}/${limits.max}`,
              ...response.headers,
            },
          },
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.maxHangMs !== undefined ? { maxHangMs: options.maxHangMs } : {}),
  });
  const metadata = new MetadataApi((object, field) => {
    const def = schema.get(object);
    return def !== undefined && schema.field(def, field) !== undefined;
  });
  const soapRoutes: RawRoute[] = [
    {
      name: 'bulk2.query.results',
      method: 'GET',
      pattern: /^\/services\/data\/v\d+\.\d\/jobs\/query\/\w+\/results$/,
      docs: 'https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/query_get_job_results.htm',
      handler: ({ headers, path, query }): RawResponse => {
        const fake = {
          headers,
          params: { version: path.split('/')[3] ?? '' },
        } as unknown as EmulatorRequest;
        const refused = before(fake, { name: 'bulk2.query.results' } as Route);
        if (refused)
          return {
            status: refused.status,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(refused.body),
          };
        const response: RawResponse = bulk.results(path.split('/')[6] ?? '', query);
        return {
          ...response,
          headers: {
            ...(response.headers ?? {}),
            'sforce-limit-info': `api-usage=${limits.used}/${limits.max}`,
          },
        };
      },
    },
    {
      name: 'partner.soap.convertLead',
      method: 'POST',
      pattern: /^\/services\/Soap\/u\/\d+\.\d$/,
      docs: 'https://developer.salesforce.com/docs/atlas.en-us.api.meta/object_ref/sforce_api_calls_convertlead.htm',
      handler: ({ body }) => {
        const session = sessions.resolve(MetadataApi.sessionOf(body) ?? '');
        if (!session)
          return soapFault(
            'INVALID_SESSION_ID',
            'Invalid Session ID found in SessionHeader: Illegal Session',
          );
        if (!/<(\w+:)?convertLead[\s>]/.test(body))
          return soapFault('UNKNOWN_EXCEPTION', 'only convertLead is emulated on the partner API');
        if (limits.used >= limits.max)
          return soapFault('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
        limits.used++;
        const results = parseLeadConverts(body).map((request) =>
          convertLead(org, store, request, clock.now()),
        );
        return {
          status: 200,
          headers: { 'content-type': 'text/xml;charset=UTF-8' },
          body: convertLeadResponse(results),
        };
      },
    },
    {
      name: 'metadata.soap',
      method: 'POST',
      pattern: /^\/services\/Soap\/m\/\d+\.\d$/,
      docs: 'https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_deploy.htm',
      handler: ({ body, path }) => {
        if (!path.endsWith(`/${apiVersion}`))
          return soapFault(
            'UNSUPPORTED_API_VERSION',
            `API version ${path.split('/').pop() ?? ''} is not served`,
          );
        const session = sessions.resolve(MetadataApi.sessionOf(body) ?? '');
        if (!session)
          return soapFault(
            'INVALID_SESSION_ID',
            'Invalid Session ID found in SessionHeader: Illegal Session',
          );
        if (limits.used >= limits.max)
          return soapFault('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
        limits.used++;
        return metadata.handle(body);
      },
    },
  ];
  const front = await startFront({
    backend: harness.url,
    routes: soapRoutes,
    clock,
    log: requestLog,
  });
  url = front.url;

  return {
    url,
    apiVersion,
    routes: routes.list(),
    soapRoutes: soapRoutes.map(({ name, method, docs }) => ({ name, method, docs })),
    seed: new Seeder(org, store),
    faults,
    requestLog,
    issueToken: (username) => sessions.issue(username),
    sessions: {
      expireAll: () => sessions.expireAll(),
      get minted() {
        return sessions.minted;
      },
    },
    limits,
    customPermissions: (userId) => [...(validator?.permissionsOf(userId) ?? [])].sort(),
    records: (type) => [...store.all(type)].map((record) => ({ ...record })),
    async close() {
      await front.close();
      await harness.close();
      db.close();
    },
  };
}
