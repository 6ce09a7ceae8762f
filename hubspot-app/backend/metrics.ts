// The service's Prometheus metrics (prom-client), every name prefixed handoff_. Labels stay bounded:
// routes are Fastify's templates (/v1/hubspot/records/:objectType/:objectId), never raw paths, and
// portal labels name installed portals only. Backlog and scan lateness are read from the store
// when Prometheus scrapes, so every instance sharing a database reports the same numbers for them.
import { createServer, type Server } from 'node:http';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Clock } from './clock.js';
import type { Store } from './store/index.js';

export class Metrics {
  readonly registry = new Registry();

  readonly requests = new Counter({
    name: 'handoff_http_requests_total',
    help: 'HTTP requests answered, by route template, method and status code.',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'handoff_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route template and method.',
    labelNames: ['route', 'method'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15],
    registers: [this.registry],
  });
  readonly cardViews = new Counter({
    name: 'handoff_card_views_total',
    help: 'Card views served (GET of a record), by object type and status code.',
    labelNames: ['object_type', 'status'] as const,
    registers: [this.registry],
  });
  readonly actions = new Counter({
    name: 'handoff_actions_total',
    help: 'Checklist and handoff actions posted from the card, by status code.',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });
  readonly crmCalls = new Counter({
    name: 'handoff_crm_calls_total',
    help: 'HubSpot CRM client calls (each may page or retry inside), by portal.',
    labelNames: ['portal'] as const,
    registers: [this.registry],
  });
  readonly crmRateLimited = new Counter({
    name: 'handoff_crm_rate_limited_total',
    help: 'HubSpot CRM calls that ended in a 429 (rate limited), by portal.',
    labelNames: ['portal'] as const,
    registers: [this.registry],
  });
  readonly tokenRefreshes = new Counter({
    name: 'handoff_token_refreshes_total',
    help: 'OAuth access token refreshes, by outcome (ok, refused: the portal left, failed).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor(store: Store, clock: Clock) {
    collectDefaultMetrics({ register: this.registry, prefix: 'handoff_' });
    const registers = [this.registry];
    new Gauge({
      name: 'handoff_outbox_depth',
      help: 'Writes to HubSpot waiting in the outbox (pending or failed).',
      registers,
      async collect() {
        this.set((await store.outboxBacklog()).depth);
      },
    });
    new Gauge({
      name: 'handoff_outbox_oldest_age_seconds',
      help: 'Age of the oldest write waiting in the outbox (0 when none waits).',
      registers,
      async collect() {
        const { oldestAt } = await store.outboxBacklog();
        this.set(oldestAt === null ? 0 : Math.max(0, clock.now() - oldestAt) / 1000);
      },
    });
    new Gauge({
      name: 'handoff_scanner_lag_seconds',
      help: "How late each portal's scan is against its schedule (0: on time).",
      labelNames: ['portal'] as const,
      registers,
      async collect() {
        this.reset();
        for (const [portal, lateMs] of await store.scanLateness(clock.now()))
          this.set({ portal }, lateMs / 1000);
      },
    });
  }

  /** The text Prometheus scrapes. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  /** Serves GET /metrics on its own port (METRICS_PORT, on 127.0.0.1 unless told otherwise). */
  async listen(host: string, port: number): Promise<Server> {
    const server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Only GET /metrics here.\n');
        return;
      }
      this.text().then(
        (body) => response.writeHead(200, { 'content-type': this.registry.contentType }).end(body),
        (error: unknown) =>
          response
            .writeHead(503, { 'content-type': 'text/plain' })
            .end(`Metrics could not be read (${(error as Error).message}).\n`),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    return server;
  }
}
