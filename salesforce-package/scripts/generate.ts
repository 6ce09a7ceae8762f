// npm run generate:salesforce — writes the package's objects, permissions and validation rules from the
// core's transition table and the default playbook. `--check` only reports stale files (exit 1).
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePlaybookText } from '@handoff/shared';
import { GENERATED_DIRS, generateAll } from './files.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PLAYBOOK = fileURLToPath(new URL('../../shared/playbooks/default.yaml', import.meta.url));

const started = performance.now();
const parsed = parsePlaybookText(readFileSync(PLAYBOOK, 'utf8'));
if (!parsed.ok) {
  process.stderr.write(`The default playbook is invalid: ${JSON.stringify(parsed.issues)}\n`);
  process.exit(1);
}
const { files, skipped } = generateAll(parsed.playbook);
const onDisk = GENERATED_DIRS.flatMap((dir) => listFiles(join(ROOT, dir))).map((f) =>
  relative(ROOT, f),
);
const stale = [
  ...[...files].filter(([path, content]) => read(join(ROOT, path)) !== content).map(([p]) => p),
  ...onDisk.filter((path) => !files.has(path)),
];

if (process.argv.includes('--check')) {
  if (stale.length > 0) {
    process.stderr.write(
      `Stale generated metadata (run npm run generate:salesforce):\n  ${stale.join('\n  ')}\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`${files.size} generated files are up to date.\n`);
} else {
  for (const path of onDisk.filter((p) => !files.has(p))) rmSync(join(ROOT, path));
  for (const [path, content] of files) {
    mkdirSync(dirname(join(ROOT, path)), { recursive: true });
    writeFileSync(join(ROOT, path), content);
  }
  const ms = Math.round(performance.now() - started);
  process.stdout.write(`Wrote ${files.size} files (${stale.length} changed) in ${ms} ms.\n`);
}
for (const s of skipped) {
  process.stdout.write(
    `Not enforced by Salesforce, the panel checks it: ${s.stage}.${s.criterion} (${s.reason})\n`,
  );
}

function listFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
