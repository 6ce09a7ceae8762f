// The composition root: one place that wires store, tokens, CRM clients, roles, provisioning,
// outbox and HTTP routes. main.ts runs it from the environment; tests and the sandbox from code.
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { requiredScopes } from '../scopes.js';
import type { Clock } from './clock.js';
import { buildServer } from './http/server.js';
import { hubspotCrm, type Crm } from './hubspot/crm.js';
import { RoleResolver } from './hubspot/roles.js';
import { OAuthClient } from './installations/oauth-client.js';
import { TokenManager } from './installations/tokens.js';
import { OutboxWorker } from './outbox/worker.js';
import { provision } from './provisioning/provision.js';
import type { Store } from './store/index.js';
import { portalPlaybook } from './use-cases/context.js';
import type { Deps } from './deps.js';
import { RateBudget } from './scanner/budget.js';
import { Scanner, type ScannerOptions, type ScanReport } from './scanner/scan.js';
import { scanDue } from './scanner/schedule.js';
import { SummarizingScanner } from './scanner/summarizing.js';
import { defaultPlaybook } from './default-playbook.js';
import { registerReadiness, within } from './http/health.js';
import { Metrics } from './metrics.js';
import { CrmError } from './hubspot/crm.js';
import { TokenVault, type TokenKey } from './installations/vault.js';

export interface ServiceOptions {
  store: Store;
  clock: Clock;
  log: FastifyBaseLogger;
  apiBase: string;
  publicUrl: string;
  clientId: string;
  clientSecret: string;
  /** 32 bytes, base64: seals tokens at rest; or several keys with ids, the newest first (rotation). */
  tokenKey: string | readonly TokenKey[];
  /** Where the keys came from, for start-up sentences (default HANDOFF_TOKEN_KEY). */
  tokenKeySetting?: string;
  authorizeUrl: string;
  /** Drain the outbox on a timer (ms); 0 leaves draining to the caller (tests). */
  outboxIntervalMs?: number;
  /** Drain right after each action commits (default true); tests drain by hand to inject faults first. */
  drainAfterCommit?: boolean;
  /** Scan every installed portal on a timer (ms); 0 leaves scanning to the caller. */
  scanIntervalMs?: number;
  /** A full scan of every candidate at least this often (ms; default daily); scans in between read what changed. */
  reconcileEveryMs?: number;
  /** How the scanner waits for its rate budget; the sandbox and tests move their manual clock. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * How long one HubSpot call (its retries included) may take: `card` for card requests, which
   * must answer within hubspot.fetch's 15 s; `background` for the outbox and the scanner.
   */
  hubspotTimeoutMs?: { card?: number; background?: number };
}

export interface Service {
  app: FastifyInstance;
  tokens: TokenManager;
  outbox: OutboxWorker;
  provisionPortal(portalId: string): Promise<string[]>;
  scanner: Scanner;
  /** Scans the portals that are due and no other instance has claimed (what the scan timer runs). */
  scanDue(): Promise<ScanReport[]>;
  budget: RateBudget;
  /** Prometheus metrics (main.ts serves them on METRICS_PORT). */
  metrics: Metrics;
  /**
   * Stops accepting at once, lets requests, drains and scans in flight finish for up to `graceMs`,
   * then drops what is left. Answers whether everything finished in time.
   */
  close(options?: { graceMs?: number }): Promise<{ graceful: boolean }>;
}

/** How long close() lets work in flight finish: main.ts must exit within 10 s of SIGTERM. */
export const SHUTDOWN_GRACE_MS = 8_000;

export function createService(options: ServiceOptions): Service {
  const { store, clock, log } = options;
  const vault = new TokenVault(options.tokenKey);
  const redirectUri = `${options.publicUrl.replace(/\/$/, '')}/oauth/callback`;
  const timeouts = { card: 5_000, background: 10_000, ...options.hubspotTimeoutMs };
  const oauth = new OAuthClient({
    apiBase: options.apiBase,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    redirectUri,
    timeoutMs: timeouts.card,
  });
  const tokens = new TokenManager(store, vault, oauth, clock);
  const metrics = new Metrics(store, clock);
  tokens.onRefresh = (outcome) => metrics.tokenRefreshes.inc({ outcome });
  const crmWith =
    (retries: number, timeoutMs: number) =>
    async (portalId: string): Promise<Crm | null> => {
      const token = await tokens.accessToken(portalId);
      return token
        ? measured(hubspotCrm(options.apiBase, token, { retries, timeoutMs }), portalId, metrics)
        : null;
    };
  const budget = new RateBudget(clock);
  // Card requests count against the portal's budget (the scanner leaves them a reserve) but never wait.
  const crmFor = async (portalId: string): Promise<Crm | null> => {
    const crm = await crmWith(3, timeouts.card)(portalId);
    return crm ? counted(crm, () => budget.recordCard(portalId)) : null;
  };
  const roles = new RoleResolver(clock, async (portalId) =>
    ((await crmFor(portalId)) ?? { getOwners: async () => [] }).getOwners(),
  );
  const outbox = new OutboxWorker(store, crmWith(1, timeouts.background), clock, log);

  async function provisionPortal(portalId: string): Promise<string[]> {
    const crm = await crmFor(portalId);
    const playbook = (await portalPlaybook(deps, portalId)) ?? defaultPlaybook();
    if (!crm) return [];
    const result = await provision(crm, playbook, clock.now());
    await store.putSettings(portalId, result.settings, clock.now());
    return result.created;
  }

  // Drains may overlap: the worker gives each portal one lane, so a portal whose write hangs
  // never holds up the drain another portal's action starts.
  const kick = () => {
    void outbox
      .drain()
      .catch((error: unknown) =>
        log.warn({ err: { message: (error as Error).message } }, 'outbox drain failed'),
      );
  };
  const deps: Deps = {
    store,
    clock,
    crmFor,
    roles,
    log,
    afterCommit: options.drainAfterCommit === false ? undefined : kick,
    provision: async (id) => void (await provisionPortal(id)),
    uninstallApp: (id) => tokens.uninstall(id),
  };

  // Names this instance's scan claims and leases among the instances sharing the database.
  const holder = `scanner-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const scannerOptions: ScannerOptions = {
    store,
    clock,
    crmFor: crmWith(1, timeouts.background),
    playbookFor: (portalId) => portalPlaybook(deps, portalId),
    provision: async (portalId) => void (await provisionPortal(portalId)),
    roles,
    budget,
    log,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    holder,
    ...(options.reconcileEveryMs ? { reconcileEveryMs: options.reconcileEveryMs } : {}),
  };
  const scanner = new Scanner(scannerOptions);
  // Scheduled scans also keep the queue's and dashboard's record summaries (scanner/summarizing.ts).
  const scheduled = new SummarizingScanner(scannerOptions);
  const scanAll = () =>
    scanDue(scheduled, {
      store,
      clock,
      log,
      holder,
      intervalMs: options.scanIntervalMs || 60_000,
    });
  let scanning: Promise<unknown> | undefined;
  // Polled more often than the interval, so a portal comes up soon after it is due.
  const scanTimer = options.scanIntervalMs
    ? setInterval(
        () => {
          scanning ??= scanAll().finally(() => (scanning = undefined));
        },
        Math.max(1_000, options.scanIntervalMs / 4),
      )
    : undefined;
  scanTimer?.unref();

  const app = buildServer(deps, {
    clientSecret: options.clientSecret,
    publicUrl: options.publicUrl,
    oauth: {
      clientId: options.clientId,
      authorizeUrl: options.authorizeUrl,
      redirectUri,
      scopes: requiredScopes,
      stateSecret: options.clientSecret,
      clock,
      exchange: (code) => oauth.exchangeCode(code, clock.now()),
      onInstalled: async (grant) => {
        await tokens.save(grant);
        await provisionPortal(grant.portalId);
      },
    },
  });
  registerReadiness(app, {
    store: async () => {
      const pending = await within(store.pendingMigrations(), 2_000, 'The database').catch(
        (error: unknown) => {
          throw new Error(`the database does not answer: ${(error as Error).message}`);
        },
      );
      return pending.length === 0
        ? undefined
        : `The database schema is behind this build: migration${pending.length > 1 ? 's' : ''} ${pending.join(', ')} not applied (a restart applies them).`;
    },
    tokenKey: async () => {
      if (tokens.keyVerified) return undefined;
      const problem = await tokens.sealProblem(options.tokenKeySetting);
      return problem ?? undefined;
    },
  });
  // Route templates, not raw paths, keep the label set bounded; unmatched URLs count as one route.
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const status = String(reply.statusCode);
    metrics.requests.inc({ route, method: request.method, status });
    metrics.latency.observe({ route, method: request.method }, reply.elapsedTime / 1000);
    if (route.endsWith('/records/:objectType/:objectId') && request.method === 'GET')
      metrics.cardViews.inc({
        object_type: cardObjectType((request.params as { objectType?: string }).objectType),
        status,
      });
    if (route.endsWith('/records/:objectType/:objectId/actions')) metrics.actions.inc({ status });
  });
  const timer = options.outboxIntervalMs ? setInterval(kick, options.outboxIntervalMs) : undefined;
  timer?.unref();
  let closing = false;
  // While closing, every answer ends its connection, so no keep-alive socket outlives the request.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });

  return {
    app,
    tokens,
    outbox,
    provisionPortal,
    scanner,
    scanDue: scanAll,
    budget,
    metrics,
    async close(closeOptions = {}) {
      const graceMs = closeOptions.graceMs ?? SHUTDOWN_GRACE_MS;
      closing = true;
      if (timer) clearInterval(timer);
      if (scanTimer) clearInterval(scanTimer);
      // Stop accepting first: Fastify closes the listener (and the idle keep-alive sockets) and
      // lets requests in flight finish; sockets that turn idle afterwards are swept as they do.
      const closed = app.close();
      const sweep = setInterval(() => app.server.closeIdleConnections(), 50);
      let graceTimer: NodeJS.Timeout | undefined;
      const late = new Promise<false>((resolve) => {
        graceTimer = setTimeout(() => resolve(false), graceMs);
      });
      try {
        const graceful = await Promise.race([
          Promise.all([closed, scanning, outbox.idle()]).then(() => true),
          late,
        ]);
        // Past the grace, whatever still holds a socket is cut; the scanner's lease and the
        // outbox's stored items make the unfinished work safe to resume at the next start.
        if (!graceful) app.server.closeAllConnections();
        await closed;
        return { graceful };
      } finally {
        clearInterval(sweep);
        clearTimeout(graceTimer);
      }
    },
  };
}

/** The same CRM, with every call reported first (for the shared rate budget). */
function counted(crm: Crm, count: () => void): Crm {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, fn] of Object.entries(crm)) {
    wrapped[name] =
      typeof fn === 'function'
        ? (...args: unknown[]) => {
            count();
            return (fn as (...a: unknown[]) => unknown).apply(crm, args);
          }
        : fn;
  }
  return wrapped as unknown as Crm;
}

/** Object types a card can be on; anything else is one label, so a caller cannot mint label values. */
function cardObjectType(objectType: string | undefined): string {
  return objectType &&
    ['deals', 'deal', 'companies', 'company', 'contacts', 'contact'].includes(objectType)
    ? objectType
    : 'other';
}

/** The same CRM, with every call and every 429 counted for the portal (metrics). */
function measured(crm: Crm, portal: string, metrics: Metrics): Crm {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, fn] of Object.entries(crm)) {
    wrapped[name] =
      typeof fn === 'function'
        ? async (...args: unknown[]) => {
            metrics.crmCalls.inc({ portal });
            try {
              return await (fn as (...a: unknown[]) => Promise<unknown>).apply(crm, args);
            } catch (error) {
              if (error instanceof CrmError && error.status === 429)
                metrics.crmRateLimited.inc({ portal });
              throw error;
            }
          }
        : fn;
  }
  return wrapped as unknown as Crm;
}
