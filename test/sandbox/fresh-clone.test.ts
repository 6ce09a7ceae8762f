// The README's quick start, word for word, on a fresh clone: the start command is read from the
// README's first code block, run in a `git clone` of this checkout's HEAD (what a person gets), and
// must serve the page with the seeded deals; then the README's playbook command runs there, as
// documented (`npx handoff-playbook …`), on the default playbook. It installs everything, so it
// takes a few minutes.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { personEnv, startCommand } from './start-command.js';

const root = join(import.meta.dirname, '..', '..');

/** The quick start's start line (the one that runs `npm start`), without its comment. */
function quickStartCommand(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const line = block.split('\n').find((l) => /\bnpm start\b/.test(l));
  if (!line) throw new Error('README.md: no `npm start` line in the Quick start code block');
  return line.replace(/\s+#.*$/, '').trim();
}

function isGitCheckout(): boolean {
  try {
    execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: root, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const inCheckout = isGitCheckout();

// `.ci/run` is itself the quick start's first half on a fresh clone: a clean checkout of main, then
// `npm ci`. It says so (HANDOFF_FRESH_CHECKOUT=1), and the second half then runs in that checkout
// instead of a second clone and a second install (measured 246–355 s of the suite's time).
const freshCheckout = process.env.HANDOFF_FRESH_CHECKOUT === '1';
if (!inCheckout)
  console.error('fresh-clone test skipped: this copy is not a git checkout to clone.');

describe('the README quick start on a fresh clone', () => {
  const work = mkdtempSync(join(tmpdir(), 'handoff-clone-'));
  // A whole node_modules to remove: slow on a loaded machine.
  afterAll(() => rmSync(work, { recursive: true, force: true }), 180_000);

  it.runIf(inCheckout)(
    'when a person clones the repository and runs the start command, then the page serves 60 deals, and npx handoff-playbook validates the default playbook',
    async () => {
      const command = quickStartCommand();
      expect(command).toMatch(/^npm ci && npm start\b/);
      let clone = root;
      if (freshCheckout) {
        // What runs is what is committed: nothing but ignored build output beside it.
        expect(
          execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }),
        ).toBe('');
      } else {
        clone = join(work, 'handoff');
        execFileSync('git', ['clone', '--quiet', root, clone]);
      }
      const started = await startCommand(
        freshCheckout ? command.replace(/^npm ci && /, '') : command,
        {
          cwd: clone,
          env: personEnv({ PORT: '0', HANDOFF_DATA_DIR: join(work, 'data') }),
        },
      );
      const page = await fetch(started.url);
      expect(page.status).toBe(200);
      const state = (await (await fetch(`${started.url}/api/state`)).json()) as {
        deals: unknown[];
      };
      expect(state.deals).toHaveLength(60);
      const ended = await started.interrupt();
      expect([0, 'SIGINT']).toContain(ended.code ?? ended.signal);

      // npm links bins before `prepare` builds dist/: the command must be linked all the same.
      expect(existsSync(join(clone, 'node_modules', '.bin', 'handoff-playbook'))).toBe(true);
      // The README's own example of the command, on the playbook every clone has.
      const validate = 'npx handoff-playbook validate shared/playbooks/default.yaml';
      expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(validate);
      const checked = spawnSync('sh', ['-c', validate], {
        cwd: clone,
        env: personEnv({}),
        encoding: 'utf8',
      });
      expect(checked.stderr).toBe('');
      expect(checked.stdout).toMatch(/^shared\/playbooks\/default\.yaml: valid — /);
      expect(checked.status).toBe(0);
    },
    600_000,
  );
});
