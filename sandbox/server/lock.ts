// One sandbox per data folder: a lock file holding the running process's id. Two processes on one
// SQLite file would each seed, scan and move the clock under the other; the second one is refused
// with a sentence instead. A lock whose process is gone (killed, crashed) is stale and taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { SandboxError } from './errors.js';

export const LOCK_FILE = 'sandbox.lock';

export interface DataDirLock {
  release(): void;
}

/** Takes the data folder's lock for this process, or says which process holds it. */
export function lockDataDir(dir: string): DataDirLock {
  const file = join(dir, LOCK_FILE);
  // Two tries: the second after removing a stale lock (another starter may win that race).
  for (let attempt = 0; attempt < 2; attempt += 1) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      if (holder !== undefined && isAlive(holder)) {
        throw new SandboxError(
          `handoff: the data folder ${dir} is in use by another sandbox (process ${holder}); ` +
            'stop that one (Ctrl-C in its terminal) or set HANDOFF_DATA_DIR to another folder.',
        );
      }
      rmSync(file, { force: true });
      continue;
    }
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    let released = false;
    return {
      release() {
        if (released) return;
        released = true;
        // Only our own lock: a stale-lock takeover by another process must not be undone.
        if (readHolder(file) === process.pid) rmSync(file, { force: true });
      },
    };
  }
  throw new SandboxError(
    `handoff: could not take the lock ${file}; another sandbox is starting on the same data folder.`,
  );
}

function readHolder(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    // Signal 0 checks the process exists without touching it; EPERM means it exists as another user.
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
