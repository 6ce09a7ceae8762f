// The README's start command, run as a person runs it: `npm start` prints the address, serves the
// page and its deals, and stops cleanly on Ctrl-C (SIGINT to its process group).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { personEnv, startCommand } from './start-command.js';

describe('npm start', () => {
  it('when run with PORT=0 and a fresh data folder, then it prints the URL, serves the page and stops on Ctrl-C', async () => {
    const started = await startCommand('npm start --silent', {
      cwd: join(import.meta.dirname, '..', '..'),
      env: personEnv({
        PORT: '0',
        HANDOFF_DATA_DIR: mkdtempSync(join(tmpdir(), 'handoff-npm-start-')),
      }),
    });
    const page = await fetch(started.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script type="module" src="/app.js">');
    const state = (await (await fetch(`${started.url}/api/state`)).json()) as { deals: unknown[] };
    expect(state.deals).toHaveLength(60);
    const ended = await started.interrupt();
    // npm itself ends by the signal it was sent; what matters is that the server stopped.
    expect([0, 'SIGINT']).toContain(ended.code ?? ended.signal);
    await expect(fetch(started.url)).rejects.toThrow();
  }, 90_000);
});
