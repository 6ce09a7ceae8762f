// The README's start command, run as a person runs it: `npm start` prints the address, serves the
// page and its deals, and stops cleanly on Ctrl-C (SIGINT to its process group).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm start', () => {
  it('when run with PORT=0 and a fresh data folder, then it prints the URL, serves the page and stops on Ctrl-C', async () => {
    const child = spawn('npm', ['start', '--silent'], {
      cwd: join(import.meta.dirname, '..', '..'),
      env: {
        ...process.env,
        PORT: '0',
        HANDOFF_DATA_DIR: mkdtempSync(join(tmpdir(), 'handoff-npm-start-')),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const found = /Handoff sandbox .*ready in [\d.]+ s: (http:\/\/127\.0\.0\.1:\d+)/.exec(
          output,
        );
        if (found?.[1]) resolve(found[1]);
      });
      void exited.then(() => reject(new Error(`npm start exited early:\n${output}`)));
    });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script type="module" src="/app.js">');
    const state = (await (await fetch(`${url}/api/state`)).json()) as { deals: unknown[] };
    expect(state.deals).toHaveLength(60);
    process.kill(-(child.pid ?? 0), 'SIGINT');
    // npm itself ends by the signal it was sent; what matters is that the server stopped.
    expect([0, 'SIGINT']).toContain((await exited).code ?? (await exited).signal);
    await expect(fetch(url)).rejects.toThrow();
  }, 90_000);
});
