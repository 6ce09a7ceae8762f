// The emulator's front door. The shared harness answers JSON only, so the few endpoints that speak
// XML (the Metadata API's SOAP) are answered here; every other request is passed to the harness as is.
import { createServer, request as forward, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../plumbing/clock.js';
import { KEEP_ALIVE_MS } from '../plumbing/http.js';
import type { RequestLog } from '../plumbing/request-log.js';

export interface RawResponse {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

export interface RawRoute {
  name: string;
  method: 'GET' | 'POST';
  pattern: RegExp;
  docs: string;
  handler(request: {
    headers: IncomingMessage['headers'];
    body: string;
    path: string;
    query: URLSearchParams;
  }): RawResponse;
}

export async function startFront(options: {
  backend: string;
  routes: readonly RawRoute[];
  clock: Clock;
  log: RequestLog;
}): Promise<{ url: string; close(): Promise<void> }> {
  const backend = new URL(options.backend);
  const server = createServer((incoming, outgoing) => {
    const parsed = new URL(incoming.url ?? '/', 'http://front');
    const path = parsed.pathname;
    const route = options.routes.find((r) => r.method === incoming.method && r.pattern.test(path));
    if (!route) {
      const upstream = forward(
        {
          host: backend.hostname,
          port: backend.port,
          method: incoming.method,
          path: incoming.url,
          headers: incoming.headers,
          // A connection per forwarded request: a reused one may be closed under it (socket hang up).
          agent: false,
        },
        (response) => {
          outgoing.writeHead(response.statusCode ?? 502, response.headers);
          response.pipe(outgoing);
        },
      );
      upstream.on('error', () => outgoing.destroy());
      incoming.pipe(upstream);
      return;
    }
    const chunks: Buffer[] = [];
    const at = options.clock.now();
    const started = performance.now();
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const result = route.handler({
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        path,
        query: parsed.searchParams,
      });
      outgoing.writeHead(result.status, result.headers).end(result.body);
      options.log.record({
        method: incoming.method ?? 'POST',
        path,
        query: parsed.search,
        status: result.status,
        at,
        durationMs: performance.now() - started,
        route: route.name,
        portalId: undefined,
        fault: undefined,
      });
    });
  });
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
