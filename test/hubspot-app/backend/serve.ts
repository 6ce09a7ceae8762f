// `npm run serve:hubspot` as a child process, for the tests of start-up and shutdown: the real
// main.ts under tsx, with only the environment a test gives it.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../../hubspot-app/backend/main.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

/** 32 bytes that look random (a fixed digest, so a run repeats): an acceptable HANDOFF_TOKEN_KEY. */
export const GOOD_KEY = createHash('sha256').update('handoff test key').digest('base64');
/** Another acceptable key: not the one GOOD_KEY's seals open with. */
export const OTHER_KEY = createHash('sha256').update('handoff other key').digest('base64');

export interface Served {
  child: ReturnType<typeof spawn>;
  exited: Promise<number | null>;
  output(): { stderr: string; stdout: string };
}

export function serve(env: Record<string, string>): Served {
  const child = spawn(TSX, [MAIN], {
    // Metrics on a port of the system's choosing, so services started side by side do not collide.
    env: { PATH: process.env.PATH ?? '', METRICS_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stderr, stdout }) };
}

/** Polls /healthz until the child answers (or gives up after ~15 s of tries). */
export async function healthy(port: number): Promise<boolean> {
  for (let i = 0; i < 150; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

export const randomPort = () => 20000 + Math.floor(Math.random() * 20000);
