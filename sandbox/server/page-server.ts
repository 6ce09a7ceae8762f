// The sandbox page's own server: the bundled page (at `/`, `/deals/<id>`, `/companies/<id>`, `/contacts/<id>`,
// `/settings`, `/dashboard`: one page whose address says what it shows), a small JSON API (deals,
// people, clock, dashboard, a deal's notes and tasks), and the card host the preview's
// `hubspot.fetch` goes through. Unknown pages are HTML pages with 404; unknown API paths JSON 404s.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HubSpotEmulator } from '../emulators/hubspot/index.js';
import type { ManualClock } from '../emulators/plumbing/clock.js';
import type { Store } from '../../hubspot-app/backend/store/index.js';
import type { CardHost } from './card-host.js';
import { nextInstant, type ClockMove } from './clock-controls.js';
import { CrmReader } from './crm-reader.js';
import { SandboxError } from './errors.js';
import type { SandboxMeta } from './meta.js';
import type { PageBundle } from './page-bundle.js';
import type { PlaybookCopies } from './playbook-copies.js';
import { dashboardMetrics, readPortal } from './portal-view.js';

export interface PageServerOptions {
  port: number;
  page: PageBundle;
  meta: SandboxMeta;
  clock: ManualClock;
  store: Store;
  emulator: HubSpotEmulator;
  host: CardHost;
  drain: () => Promise<void>;
  scan: () => Promise<void>;
  saveClock: () => void;
  /** The Salesforce door: `/sf/session`, `/sf/opportunity`, `/sf/api/*` (salesforce/proxy.ts). */
  salesforce?: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
  /** Both CRMs' copies of the playbook, and the push of HubSpot's to Salesforce as `userId`. */
  playbooks?: { read(): Promise<PlaybookCopies>; push(userId: string): Promise<PlaybookCopies> };
}

type Handler = (body: unknown, url: URL) => Promise<{ status?: number; body: unknown }>;

export async function startPageServer(options: PageServerOptions) {
  const { meta, clock, store } = options;
  const reader = new CrmReader(options.emulator, meta.portalId);
  const portal = () => readPortal(store, reader, meta.portalId, clock.now());
  const routes: Record<string, Handler> = {
    'GET /api/state': async () => {
      const view = await portal();
      return {
        body: {
          portalId: meta.portalId,
          now: clock.now(),
          timeZone: 'America/New_York',
          people: meta.people,
          deals: view.rows,
          contacts: view.contacts,
          // Salesforce links name Opportunities; the page opens the same deal (seeded in both CRMs).
          opportunities: Object.fromEntries(
            Object.entries(meta.salesforce?.opportunities ?? {}).flatMap(([key, opportunityId]) =>
              meta.deals[key] ? [[opportunityId, meta.deals[key]]] : [],
            ),
          ),
        },
      };
    },
    'GET /api/metrics': async () => {
      const now = clock.now();
      return { body: dashboardMetrics(await portal(), now) };
    },
    'GET /api/activity': async (_body, url) => {
      // A deal's (`?deal=`) or a contact's (`?contact=`) tasks and notes.
      const contactId = url.searchParams.get('contact');
      const dealId = contactId ?? url.searchParams.get('deal') ?? '';
      const from = contactId === null ? 'deals' : 'contacts';
      const [tasks, notes, owners] = await Promise.all([
        engagements(reader, dealId, from, 'tasks', [
          'hs_task_subject',
          'hs_task_status',
          'hs_task_body',
          'hs_timestamp',
          'hubspot_owner_id',
        ]),
        engagements(reader, dealId, from, 'notes', ['hs_note_body', 'hs_timestamp']),
        reader.ownerNames(),
      ]);
      // As a task list reads: open ones first, soonest due first; each with its assignee's name.
      const open = (t: Record<string, string | null>) => t.hs_task_status !== 'COMPLETED';
      const listed = tasks
        .map((t): Record<string, string | null> => ({
          ...t,
          owner_name: owners.get(t.hubspot_owner_id ?? '') ?? null,
        }))
        .sort(
          (a, b) =>
            Number(open(b)) - Number(open(a)) ||
            String(a.hs_timestamp).localeCompare(String(b.hs_timestamp)),
        );
      return { body: { tasks: listed, notes } };
    },
    'POST /api/clock': async (body) => {
      const { playbook } = await portal();
      clock.set(nextInstant(clock, playbook, body as ClockMove));
      await options.scan();
      options.saveClock();
      return { body: { now: clock.now() } };
    },
    // An SDR logs a call on a contact in HubSpot, now: its "Last contacted" moves (what a logged
    // call, email or meeting does), which stops the speed-to-lead clock.
    'POST /api/contacts/call': async (body) => {
      const contactId = String((body as { contactId?: unknown } | undefined)?.contactId ?? '');
      if (!/^\d+$/.test(contactId) || !(await exists('contacts', contactId)))
        throw new SandboxError(`No contact "${contactId}" in this sandbox to log a call on.`);
      options.emulator.seed.touchContact(meta.portalId, contactId, clock.now());
      return { body: { contactId, at: clock.now() } };
    },
    'GET /api/playbooks': async () => ({ body: await options.playbooks?.read() }),
    'POST /api/playbooks/push': async (body) => ({
      body: await options.playbooks?.push(String((body as { userId?: unknown })?.userId ?? '')),
    }),
    'POST /host/fetch': async (body) => {
      const request = body as { url: string; method: string; body?: unknown; userId: string };
      const answer = await options.host.fetch(request);
      // HubSpot's writes go out soon after an action; here, right after the card's answer.
      if (request.method !== 'GET') void options.drain().catch(() => undefined);
      return { body: answer };
    },
  };

  /** The page's own addresses: the app where the record exists, a 404 page that says what is not. */
  async function pageAt(pathname: string): Promise<{ status: number; html: string }> {
    const app = String(options.page.files['/index.html']?.body ?? '');
    if (pathname === '/settings' || pathname === '/dashboard') return { status: 200, html: app };
    if (pathname === '/app' || pathname === '/app/dashboard') return { status: 200, html: app };
    const record = /^\/(deals|companies|contacts)\/([^/]+)\/?$/.exec(pathname);
    if (record?.[1] && record[2]) {
      const [, type, id] = record;
      const what = type === 'deals' ? 'deal' : type === 'contacts' ? 'contact' : 'company';
      if (/^\d+$/.test(id) && (await exists(type, id))) return { status: 200, html: app };
      return {
        status: 404,
        html: notFoundPage(
          `No ${what} ${decodeURIComponent(id)} in this sandbox`,
          `The sandbox's HubSpot portal has no ${what} with the id ${decodeURIComponent(id)}.`,
        ),
      };
    }
    return {
      status: 404,
      html: notFoundPage('No such page', `The sandbox has no page at ${pathname}.`),
    };
  }
  async function exists(type: string, id: string): Promise<boolean> {
    try {
      return (await reader.read(type, [id], ['hs_object_id'])).some((r) => r.id === id);
    } catch {
      return false;
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const asset =
      options.page.files[url.pathname === '/' ? '/index.html' : url.pathname] ??
      (req.method === 'GET' ? options.page.serve?.(url.pathname) : undefined);
    if (req.method === 'GET' && asset) {
      res.writeHead(200, {
        'content-type': asset.type,
        'cache-control': asset.cacheControl ?? 'no-store',
      });
      return res.end(asset.body);
    }
    if (url.pathname.startsWith('/sf/') && options.salesforce) {
      try {
        if (await options.salesforce(req, res, url)) return;
      } catch (error) {
        return send(res, 502, {
          error: `The Salesforce emulator failed to answer: ${(error as Error).message}`,
        });
      }
    }
    const route = routes[`${req.method} ${url.pathname}`];
    if (!route && req.method === 'GET' && !/^\/(api|host|sf)\//.test(url.pathname)) {
      return sendPage(res, await pageAt(url.pathname));
    }
    if (!route) return send(res, 404, { error: 'Not found.' });
    // The sandbox clock stands still between moves, so HubSpot's rolling 10-second window would
    // never roll: each click (seconds apart for a person) starts a fresh window.
    options.emulator.resetRateLimits();
    try {
      const text = await readBody(req);
      const answer = await route(text === '' ? undefined : JSON.parse(text), url);
      send(res, answer.status ?? 200, answer.body);
    } catch (error) {
      const message =
        error instanceof SandboxError ? error.message : 'The sandbox failed to answer.';
      send(res, error instanceof SandboxError ? 400 : 500, {
        error: message,
        detail: (error as Error).message,
      });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new SandboxError(
              `handoff: port ${options.port} is already in use; set PORT to another.`,
            )
          : error,
      ),
    );
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function engagements(
  reader: CrmReader,
  dealId: string,
  fromType: string,
  type: string,
  properties: string[],
) {
  const ids = (await reader.associations([dealId], type, fromType)).get(dealId) ?? [];
  const records = await reader.read(type, ids, properties);
  return records
    .map((r): Record<string, string | null> => ({ id: r.id, ...r.properties }))
    .sort((a, b) => String(b.hs_timestamp).localeCompare(String(a.hs_timestamp)));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

function sendPage(res: ServerResponse, page: { status: number; html: string }) {
  res.writeHead(page.status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(page.html);
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A page (not JSON) for an address the sandbox does not know, with the way back to the deals. */
function notFoundPage(title: string, sentence: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(title)} · Handoff sandbox</title>
    <link rel="stylesheet" href="/app.css" />
  </head>
  <body>
    <main class="not-found" data-testid="not-found">
      <h1>${escapeHtml(title)}</h1>
      <p>${escapeHtml(sentence)}</p>
      <p><a href="/">Back to the deals</a></p>
    </main>
  </body>
</html>
`;
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
