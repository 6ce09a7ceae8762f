import type { Clock } from '../plumbing/clock.js';
import { FaultSwitches } from '../plumbing/faults.js';
import { startHarness } from '../plumbing/http.js';
import { RequestLog } from '../plumbing/request-log.js';
import {
  RouteTable,
  type EmulatorRequest,
  type EmulatorResponse,
  type Route,
} from '../plumbing/router.js';
import { openDatabase } from '../plumbing/storage.js';
import { Catalog } from './catalog.js';
import type { HubSpotContext } from './context.js';
import { Crm } from './crm.js';
import {
  hubspotError,
  platformErrors,
  rateLimitHeaders,
  secondlyLimited,
  TEN_SECONDLY_MAX,
  TEN_SECONDLY_WINDOW_MS,
  tenSecondlyLimited,
} from './errors.js';
import { OAuth, type TokenPair, type Uninstall } from './oauth.js';
import { RollingWindow } from './rate-limit.js';
import { associationRoutes } from './routes/associations.js';
import { Presenter } from './routes/common.js';
import { objectRoutes } from './routes/objects.js';
import { pipelineAndOwnerRoutes } from './routes/pipelines-owners.js';
import { propertyRoutes } from './routes/properties.js';
import { searchRoutes } from './routes/search.js';
import { SCHEMA } from './schema.js';
import { missingScopes, scopeRule } from './scopes.js';
import { Seeder } from './seed.js';
import { ObjectStore } from './store.js';
import { Webhooks, type Delivery } from './webhooks.js';

export interface HubSpotEmulatorOptions {
  clock: Clock;
  /** SQLite file; `:memory:` (the default) forgets everything on close. */
  dbFile?: string;
  clientId?: string;
  appClientSecret?: string;
  appId?: number;
  /** Where dealstage-change webhooks go; can be set later with `webhooks.setTarget`. */
  webhookTargetUrl?: string;
  port?: number;
  /** Seed for ratio faults, so a run repeats. */
  faultSeed?: number;
  /** Upper bound for a timeout fault's hang. */
  maxHangMs?: number;
}

export interface CreatedPortal extends TokenPair {
  portalId: string;
  domain: string;
}

export interface HubSpotEmulator {
  url: string;
  clientId: string;
  clientSecret: string;
  appId: number;
  routes: readonly Route[];
  portals: {
    create(input?: { portalId?: string; domain?: string }): CreatedPortal;
    list(): string[];
  };
  issueToken(
    portalId: string,
    options?: { userId?: string; scopes?: readonly string[] },
  ): TokenPair;
  /**
   * What HubSpot's install redirect would hand the app, for the authorization_code grant. Pass the
   * scopes the install URL asked for (HubSpot grants those); without them the code grants all.
   */
  issueAuthorizationCode(
    portalId: string,
    redirectUri: string,
    options?: { userId?: string; scopes?: readonly string[] },
  ): string;
  /** Every app uninstall so far (HubSpot emails the account's Super Admins about each). */
  readonly uninstalls: readonly Uninstall[];
  seed: Seeder;
  faults: FaultSwitches;
  requestLog: RequestLog;
  webhooks: {
    setTarget(url: string | undefined): void;
    readonly deliveries: readonly Delivery[];
    settled(): Promise<void>;
    retryFailed(): void;
    /** A contact's privacy-compliant deletion in a portal: sends `contact.privacyDeletion` (webhooks.ts). */
    privacyDeletion(portalId: string, contactId: string): void;
  };
  /** Forgets the rate-limit windows (a test's fresh start without moving the clock). */
  resetRateLimits(): void;
  close(): Promise<void>;
}

const SEARCH_PER_SECOND = 5;
const NOT_AUTHENTICATED =
  'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview';

export async function startHubSpotEmulator(
  options: HubSpotEmulatorOptions,
): Promise<HubSpotEmulator> {
  const { clock } = options;
  const app = {
    clientId: options.clientId ?? 'handoff-emulator-client-id',
    clientSecret: options.appClientSecret ?? 'handoff-emulator-client-secret',
    appId: options.appId ?? 4_200_001,
  };
  const db = openDatabase(options.dbFile ?? ':memory:', SCHEMA);
  const store = new ObjectStore(db);
  const catalog = new Catalog(db);
  const oauth = new OAuth(db, clock, app);
  // An uninstalled app's webhooks stop: "unsubscribing any configured webhooks for that account"
  // (https://developers.hubspot.com/changelog/public-beta-new-api-for-uninstalling-a-public-app-from-a-hubspot-account).
  const webhooks = new Webhooks(clock, app, options.webhookTargetUrl, (portalId) =>
    oauth.installedIn(portalId),
  );
  const crm = new Crm(store, catalog, clock, (change) => webhooks.record(change));
  const context: HubSpotContext = {
    clock,
    store,
    catalog,
    crm,
    presenter: new Presenter(store, catalog),
  };
  const seed = new Seeder(context, () => webhooks.dispatch());
  const requestLog = new RequestLog();
  const faults = new FaultSwitches(options.faultSeed);
  const tenSecondly = new RollingWindow(clock, TEN_SECONDLY_MAX, TEN_SECONDLY_WINDOW_MS);
  const searches = new RollingWindow(clock, SEARCH_PER_SECOND, 1_000);
  const remaining = new WeakMap<EmulatorRequest, number>();

  const routes = new RouteTable().add(
    ...oauth.routes(),
    ...searchRoutes(context),
    ...objectRoutes(context),
    ...associationRoutes(context),
    ...propertyRoutes(context),
    ...pipelineAndOwnerRoutes(context),
  );

  function authenticate(request: EmulatorRequest, route: Route): EmulatorResponse | undefined {
    if (route.name.startsWith('oauth.')) return undefined;
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
    const resolved = token ? oauth.resolve(token) : undefined;
    if (!resolved) return hubspotError(401, 'INVALID_AUTHENTICATION', NOT_AUTHENTICATED);
    if ('expiredMsAgo' in resolved) {
      const seconds = Math.max(1, Math.round(resolved.expiredMsAgo / 1000));
      return hubspotError(
        401,
        'EXPIRED_AUTHENTICATION',
        `The OAuth token used to make this call expired ${seconds} second(s) ago.`,
      );
    }
    request.portalId = resolved.portalId;
    // A call the token was not granted the scope for: 403, per the table (a doc page per row).
    const rule = scopeRule(route.name, request.params);
    if (rule && !rule.anyOf.some((scope) => resolved.scopes.includes(scope)))
      return missingScopes(rule.anyOf);
    // Search has its own per-second limit and does not count toward the ten-second one.
    if (route.name === 'crm.objects.search')
      return searches.take(resolved.portalId) < 0 ? secondlyLimited() : undefined;
    const left = tenSecondly.take(resolved.portalId);
    if (left < 0) return tenSecondlyLimited(0);
    remaining.set(request, left);
    return undefined;
  }

  const harness = await startHarness({
    routes,
    clock,
    log: requestLog,
    faults,
    errors: platformErrors,
    before: authenticate,
    after: (request, _route, response) => {
      webhooks.dispatch();
      const left = remaining.get(request);
      return left === undefined
        ? response
        : { ...response, headers: { ...rateLimitHeaders(left), ...response.headers } };
    },
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.maxHangMs !== undefined ? { maxHangMs: options.maxHangMs } : {}),
  });

  const portalIds = (): string[] =>
    (
      db.prepare('SELECT id FROM portals ORDER BY CAST(id AS INTEGER)').all() as Array<{
        id: string;
      }>
    ).map((row) => row.id);

  return {
    url: harness.url,
    ...app,
    routes: routes.list(),
    portals: {
      create(input = {}) {
        const taken = portalIds();
        const portalId = input.portalId ?? String(Math.max(40_000_000, ...taken.map(Number)) + 1);
        if (taken.includes(portalId)) throw new Error(`portal ${portalId} already exists`);
        const domain = input.domain ?? `portal-${portalId}.example.com`;
        db.transaction(() => {
          db.prepare('INSERT INTO portals (id, domain, created_at) VALUES (?, ?, ?)').run(
            portalId,
            domain,
            clock.now(),
          );
          catalog.seedPortal(portalId, clock.now());
        })();
        return { portalId, domain, ...oauth.issueToken(portalId) };
      },
      list: portalIds,
    },
    issueToken: (portalId, tokenOptions = {}) =>
      oauth.issueToken(portalId, tokenOptions.userId, tokenOptions.scopes),
    issueAuthorizationCode: (portalId, redirectUri, codeOptions = {}) =>
      oauth.issueAuthorizationCode(portalId, redirectUri, codeOptions.userId, codeOptions.scopes),
    uninstalls: oauth.uninstalls,
    seed,
    faults,
    requestLog,
    webhooks: {
      setTarget: (url) => webhooks.setTarget(url),
      deliveries: webhooks.deliveries,
      settled: () => webhooks.settled(),
      retryFailed: () => webhooks.retryFailed(),
      privacyDeletion: (portalId, contactId) => webhooks.privacyDeletion(portalId, contactId),
    },
    resetRateLimits: () => {
      tenSecondly.reset();
      searches.reset();
    },
    async close() {
      await harness.close();
      await webhooks.settled();
      db.close();
    },
  };
}
