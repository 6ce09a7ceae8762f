// The README's start command, run as a person runs it: `npm start` prints the address, serves the
// page and its deals, refuses a second start on the same data folder, and stops cleanly on Ctrl-C
// (SIGINT to its process group).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { personEnv, startCommand } from './start-command.js';

describe('npm start', () => {
  it('when run with PORT=0 and a fresh data folder, then it prints the URL, serves the page, refuses a second start on that folder and stops on Ctrl-C', async () => {
    const cwd = join(import.meta.dirname, '..', '..');
    const dataDir = mkdtempSync(join(tmpdir(), 'handoff-npm-start-'));
    const env = personEnv({ PORT: '0', HANDOFF_DATA_DIR: dataDir });
    const started = await startCommand('npm start --silent', { cwd, env });
    const page = await fetch(started.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script type="module" src="/app.js">');
    const state = (await (await fetch(`${started.url}/api/state`)).json()) as { deals: unknown[] };
    expect(state.deals).toHaveLength(60);
    const second = spawnSync('npm', ['start', '--silent'], { cwd, env, encoding: 'utf8' });
    expect(second.status).not.toBe(0);
    expect(second.stderr.trim()).toMatch(
      new RegExp(
        `^handoff: the data folder ${dataDir} is in use by another sandbox \\(process \\d+\\); `,
      ),
    );
    const ended = await started.interrupt();
    // npm itself ends by the signal it was sent; what matters is that the server stopped.
    expect([0, 'SIGINT']).toContain(ended.code ?? ended.signal);
    await expect(fetch(started.url)).rejects.toThrow();
  }, 90_000);
});
