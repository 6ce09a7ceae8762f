// `npm run serve:hubspot` end to end in a child process, and what its log keeps out.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../hubspot-app/backend/log.js';
import { GOOD_KEY, serve as start } from './serve.js';

describe('npm run serve:hubspot', () => {
  it('when a setting is missing or wrong, then it stops with a sentence naming it and no stack trace', async () => {
    const run = start({ PUBLIC_URL: 'nope' });
    expect(await run.exited).toBe(1);
    const { stderr } = run.output();
    expect(stderr).toContain('handoff: HUBSPOT_CLIENT_SECRET is not set');
    expect(stderr).toContain('handoff: PUBLIC_URL is not valid');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('when configured, then it serves /healthz, logs JSON and stops cleanly on SIGTERM', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const run = start({
      HUBSPOT_CLIENT_SECRET: 'a-secret-of-sixteen+',
      HUBSPOT_CLIENT_ID: 'client-1',
      HANDOFF_TOKEN_KEY: GOOD_KEY,
      PUBLIC_URL: 'https://api.handoff.example',
      PORT: String(port),
      HANDOFF_DATA_DIR: mkdtempSync(join(tmpdir(), 'handoff-serve-')),
    });
    let health: unknown;
    for (let i = 0; i < 100 && health === undefined; i++) {
      health = await fetch(`http://127.0.0.1:${port}/healthz`)
        .then((r) => r.json())
        .catch(() => undefined);
      if (health === undefined) await new Promise((r) => setTimeout(r, 100));
    }
    expect(health).toEqual({ ok: true });
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    const firstLine = run.output().stdout.split('\n')[0] ?? '';
    expect(JSON.parse(firstLine)).toMatchObject({ level: 30 });
  }, 20_000);
});

describe('the service log', () => {
  it('when a request or a token is logged, then no query string, email or token reaches the log', () => {
    let written = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.toString();
        done();
      },
    });
    const log = createLogger('info', sink);
    log.info(
      {
        req: {
          method: 'GET',
          url: '/v1/hubspot/records/deals/1?portalId=7&userEmail=dana%40example.com',
        },
      },
      'request',
    );
    log.info(
      { installation: { accessToken: 'secret-access', refreshToken: 'secret-refresh' } },
      'installed',
    );
    expect(written).toContain('"path":"/v1/hubspot/records/deals/1"');
    expect(written).not.toContain('dana');
    expect(written).not.toContain('secret-access');
    expect(written).not.toContain('secret-refresh');
  });
});
