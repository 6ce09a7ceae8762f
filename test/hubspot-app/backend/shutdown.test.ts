// Shutdown of `npm run serve:hubspot` on SIGTERM (issue 17 item 9): it stops accepting at once,
// closes idle keep-alive sockets, lets the request in flight finish, and exits — well before a
// keep-alive timeout (72 s) could hold it.
import { request, Agent, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOOD_KEY, healthy, randomPort, serve } from './serve.js';

/** Resolves 'refused' once nothing listens on the port any more, 'accepted' while something does. */
function tryConnect(port: number): Promise<'accepted' | 'refused'> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('accepted');
    });
    socket.once('error', () => resolve('refused'));
  });
}

async function untilRefused(port: number): Promise<void> {
  while ((await tryConnect(port)) === 'accepted') await new Promise((r) => setTimeout(r, 50));
}

describe('shutting down on SIGTERM', () => {
  it('when SIGTERM arrives with an idle keep-alive socket and a request in flight, then it stops accepting, answers the request and exits', async () => {
    const port = randomPort();
    const run = serve({
      HUBSPOT_CLIENT_SECRET: 'a-secret-of-sixteen+',
      HUBSPOT_CLIENT_ID: 'client-1',
      HANDOFF_TOKEN_KEY: GOOD_KEY,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      PORT: String(port),
      HANDOFF_DATA_DIR: mkdtempSync(join(tmpdir(), 'handoff-shutdown-')),
    });
    expect(await healthy(port)).toBe(true);

    // A keep-alive socket, idle after its answer, as HubSpot's or a proxy's pool would hold it.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const idleClosed = new Promise<void>((resolve) => {
      const first = request({ port, host: '127.0.0.1', path: '/healthz', agent }, (response) => {
        response.resume();
        response.on('end', () => undefined);
      });
      first.on('socket', (socket) => socket.once('close', () => resolve()));
      first.end();
    });

    // A request in flight: its body is half sent when SIGTERM arrives, the rest once the server
    // has stopped accepting.
    let stoppedAccepting: () => void = () => undefined;
    const untilSigtermRefused = new Promise<void>((resolve) => (stoppedAccepting = resolve));
    const body = JSON.stringify([{ eventId: 1, padding: 'x'.repeat(2_000) }]);
    const answered = new Promise<IncomingMessage>((resolve, reject) => {
      const inFlight = request(
        {
          port,
          host: '127.0.0.1',
          path: '/webhooks',
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': body.length },
        },
        resolve,
      );
      inFlight.on('error', reject);
      inFlight.write(body.slice(0, 1_000));
      void untilSigtermRefused.then(() => inFlight.end(body.slice(1_000)));
    });

    await new Promise((r) => setTimeout(r, 200));
    run.child.kill('SIGTERM');
    await untilRefused(port);
    expect(await tryConnect(port)).toBe('refused');
    stoppedAccepting();

    const response = await answered;
    response.resume();
    // Answered (the webhook is not signed, so 401), and the answer ends its connection.
    expect(response.statusCode).toBe(401);
    expect(response.headers.connection).toBe('close');
    await idleClosed;
    expect(await run.exited).toBe(0);
    expect(run.output().stdout).toContain('shutting down');
    agent.destroy();
  }, 30_000);
});
