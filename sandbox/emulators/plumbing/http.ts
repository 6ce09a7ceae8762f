import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/** How long an idle keep-alive connection stays open: longer than any client keeps one idle. */
export const KEEP_ALIVE_MS = 120_000;
import type { AddressInfo } from 'node:net';
import type { Clock } from './clock.js';
import type { FaultSpec, FaultSwitches } from './faults.js';
import type { RequestLog } from './request-log.js';
import type { EmulatorRequest, EmulatorResponse, Route, RouteTable } from './router.js';

/** The platform-specific bodies for the failures the harness itself produces. */
export interface PlatformErrors {
  notFound(method: string, path: string): EmulatorResponse;
  badRequest(message: string): EmulatorResponse;
  payloadTooLarge(limit: number): EmulatorResponse;
  rateLimited(): EmulatorResponse;
  serverError(status: number): EmulatorResponse;
}

export interface HarnessOptions {
  routes: RouteTable;
  clock: Clock;
  log: RequestLog;
  faults: FaultSwitches;
  errors: PlatformErrors;
  /** Runs after routing and fault switches, before the handler: authentication, rate limits. */
  before?: (request: EmulatorRequest, route: Route) => EmulatorResponse | undefined;
  /** Decorates every routed response (rate-limit headers). */
  after?: (request: EmulatorRequest, route: Route, response: EmulatorResponse) => EmulatorResponse;
  port?: number;
  maxBodyBytes?: number;
  /** Upper bound for a `timeout` fault, so a client without a timeout cannot hang a test forever. */
  maxHangMs?: number;
}

export interface Harness {
  url: string;
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') {
    return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
  }
  return JSON.parse(raw.toString('utf8')) as unknown;
}

/** The token of an `Authorization: Bearer …` header, which names the account a call is for. */
function bearerOf(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}

function send(response: ServerResponse, result: EmulatorResponse, malformed = false): void {
  const headers: Record<string, string> = { ...result.headers };
  if (result.body === undefined) {
    response.writeHead(result.status, headers).end();
    return;
  }
  let text = JSON.stringify(result.body);
  // A malformed body keeps the status and content type a client trusts, and cuts the JSON short.
  if (malformed) text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  headers['content-type'] = 'application/json;charset=utf-8';
  response.writeHead(result.status, headers).end(text);
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const { routes, clock, log, faults, errors } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const maxHangMs = options.maxHangMs ?? 30_000;
  const hanging = new Set<NodeJS.Timeout>();

  async function handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const started = performance.now();
    const at = clock.now();
    const url = new URL(incoming.url ?? '/', 'http://emulator');
    const method = (incoming.method ?? 'GET').toUpperCase();
    const match = routes.match(method, url.pathname);
    const request: EmulatorRequest = {
      method,
      path: url.pathname,
      params: match?.params ?? {},
      query: url.searchParams,
      headers: incoming.headers,
      body: undefined,
      rawBody: Buffer.alloc(0),
    };
    // Set once the fault switches have been consulted; the log records it either way.
    const hit: { fault?: FaultSpec } = {};
    const finish = (result: EmulatorResponse | undefined): void => {
      if (result) send(outgoing, result, hit.fault?.kind === 'malformed-json');
      log.record({
        method,
        path: url.pathname,
        query: url.search,
        status: result ? result.status : 0,
        at,
        durationMs: performance.now() - started,
        route: match?.route.name,
        portalId: request.portalId,
        fault: hit.fault?.kind,
      });
    };

    try {
      request.rawBody = await readBody(incoming, maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        finish(errors.payloadTooLarge(maxBodyBytes));
        incoming.resume();
        return;
      }
      throw error;
    }
    if (!match) return finish(errors.notFound(method, url.pathname));
    try {
      request.body = parseBody(request.rawBody, incoming.headers['content-type']);
    } catch {
      return finish(
        errors.badRequest('Invalid input JSON on line 1: the request body could not be parsed'),
      );
    }

    const fault = faults.take(match.route.name, bearerOf(request.headers.authorization));
    hit.fault = fault;
    if (fault?.kind === 'rate-limit') return finish(errors.rateLimited());
    if (fault?.kind === 'server-error') return finish(errors.serverError(fault.status ?? 500));
    if (fault?.kind === 'timeout') {
      // Hang until the client gives up (socket closes) or the bound passes; then drop the socket.
      const timer = setTimeout(
        () => {
          hanging.delete(timer);
          outgoing.socket?.destroy();
        },
        Math.min(fault.hangMs ?? maxHangMs, maxHangMs),
      );
      hanging.add(timer);
      outgoing.on('close', () => {
        clearTimeout(timer);
        hanging.delete(timer);
      });
      return finish(undefined);
    }

    const refused = options.before?.(request, match.route);
    if (refused) return finish(refused);
    let result: EmulatorResponse;
    try {
      result = await match.route.handler(request);
    } catch (error) {
      // An emulator bug must be visible to the test that hit it, not swallowed.
      console.error(`emulator route ${match.route.name} failed`, error);
      result = errors.serverError(500);
    }
    if (options.after) result = options.after(request, match.route, result);
    finish(result);
  }

  const server = createServer((incoming, outgoing) => {
    handle(incoming, outgoing).catch((error: unknown) => {
      console.error('emulator request failed', error);
      if (!outgoing.headersSent) send(outgoing, errors.serverError(500));
    });
  });

  // Node's 5 s default closes an idle keep-alive socket just as a client (or the Salesforce
  // front's forwarding agent) reuses it: a "socket hang up" under load (seen in CI's bulk scan).
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of hanging) clearTimeout(timer);
        hanging.clear();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
