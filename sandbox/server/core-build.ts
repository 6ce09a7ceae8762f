// `npm start` builds the core only when its sources are newer than shared/dist: `npm ci` already
// built it (prepare), and skipping tsc keeps a warm start well under five seconds.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function oldest(dir: string): number {
  let earliest = Infinity;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    earliest = Math.min(earliest, entry.isDirectory() ? oldest(path) : statSync(path).mtimeMs);
  }
  return earliest;
}

export function ensureCoreBuilt(): void {
  const dist = join(root, 'shared', 'dist');
  let stale: boolean;
  try {
    stale = newest(join(root, 'shared', 'src')) > oldest(dist);
  } catch {
    stale = true;
  }
  if (!stale) return;
  process.stdout.write('Building the core (shared/dist)…\n');
  const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0)
    throw new Error('building the core failed; run `npm run build` to see why');
}
