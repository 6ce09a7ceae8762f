// `npm start` to a usable page: the page and its deal list answered. Cold = a fresh data folder
// (seed + page build); warm = the same folder again. Measured on the real start command.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { line, section } from './lib.js';

async function startToUsable(command: string, args: string[], dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(command, args, {
    env: { ...process.env, HANDOFF_DATA_DIR: dataDir, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
    // Its own process group, so SIGINT reaches npm and tsx's children as Ctrl-C in a terminal does.
    detached: true,
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (found) resolve(found[0]);
    });
    child.once('exit', (code) =>
      reject(new Error(`the sandbox exited (${code}) before it was ready`)),
    );
  });
  const [page, state] = await Promise.all([fetch(url), fetch(`${url}/api/state`)]);
  if (page.status !== 200 || state.status !== 200) throw new Error('the page is not usable');
  await state.json();
  const elapsed = performance.now() - started;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-(child.pid ?? 0), 'SIGINT');
  await exited;
  return elapsed;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export default async function (): Promise<void> {
  section('Sandbox start to a usable page (page + deal list answered)');
  const dataDir = mkdtempSync(join(tmpdir(), 'handoff-bench-'));
  const tsx = ['node_modules/.bin/tsx', ['sandbox/server/main.ts']] as const;
  try {
    line(
      'cold (fresh data folder: seed + page build)',
      seconds(await startToUsable(tsx[0], [...tsx[1]], dataDir)),
    );
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) warm.push(await startToUsable(tsx[0], [...tsx[1]], dataDir));
    line('warm (same folder), best of 3', seconds(Math.min(...warm)));
    line(
      'warm `npm start` (core build included)',
      seconds(await startToUsable('npm', ['start', '--silent'], dataDir)),
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
