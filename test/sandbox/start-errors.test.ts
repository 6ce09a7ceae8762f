// Starting problems a person can fix are one sentence, not a stack trace.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SandboxError } from '../../sandbox/server/errors.js';
import { LOCK_FILE, lockDataDir } from '../../sandbox/server/lock.js';
import { startSandbox } from '../../sandbox/server/sandbox.js';

/** The id of a process that has ended (a short child, waited for). */
function endedPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('starting the sandbox', () => {
  it('when the data folder cannot be created, then it says which folder and what to set', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'handoff-file-'));
    const blocker = join(parent, 'not-a-folder');
    writeFileSync(blocker, '');
    const started = startSandbox({ dataDir: join(blocker, 'data'), port: 0 });
    await expect(started).rejects.toBeInstanceOf(SandboxError);
    await expect(started).rejects.toThrow(
      /cannot write to the data folder .*not-a-folder.*HANDOFF_DATA_DIR/,
    );
  });

  it.skipIf(process.getuid?.() === 0)(
    'when the data folder is read-only, then it says so (root may write anywhere)',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'handoff-ro-'));
      chmodSync(dir, 0o500);
      await expect(startSandbox({ dataDir: dir, port: 0 })).rejects.toThrow(
        /cannot write to the data folder/,
      );
    },
  );

  it('when the port is taken, then it names the port and PORT', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const started = startSandbox({ dataDir: mkdtempSync(join(tmpdir(), 'handoff-port-')), port });
      await expect(started).rejects.toThrow(
        `handoff: port ${port} is already in use; set PORT to another.`,
      );
    } finally {
      blocker.close();
    }
  }, 60_000);

  it('when another sandbox holds the data folder, then it names the folder, the process and HANDOFF_DATA_DIR, and touches nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'handoff-locked-'));
    // This test's own process stands for the running sandbox: it is alive.
    writeFileSync(join(dir, LOCK_FILE), `${process.pid}\n`);
    const started = startSandbox({ dataDir: dir, port: 0, reset: true });
    await expect(started).rejects.toBeInstanceOf(SandboxError);
    await expect(started).rejects.toThrow(
      `handoff: the data folder ${dir} is in use by another sandbox (process ${process.pid}); ` +
        'stop that one (Ctrl-C in its terminal) or set HANDOFF_DATA_DIR to another folder.',
    );
    expect(existsSync(join(dir, 'handoff.db'))).toBe(false);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
  });

  it('when the lock was left by a process that has ended, then it is stale: taken over, and removed on release', () => {
    const dir = mkdtempSync(join(tmpdir(), 'handoff-stale-'));
    writeFileSync(join(dir, LOCK_FILE), `${endedPid()}\n`);
    const lock = lockDataDir(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    expect(() => lockDataDir(dir)).toThrow(/is in use by another sandbox/);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
});
