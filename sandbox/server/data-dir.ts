// The data folder: created on first start, checked writable, emptied by --reset (under its lock).
import { accessSync, constants, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SandboxError } from './errors.js';

export const DATA_FILE = 'handoff.db';

/** Creates the data folder if needed and checks it can be written; answers the folder. */
export function checkDataDir(dir: string): string {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new SandboxError(
      `handoff: cannot write to the data folder ${dir} (${code}); set HANDOFF_DATA_DIR to a folder you can write.`,
    );
  }
  return dir;
}

export function prepareDataDir(dir: string, reset: boolean): string {
  checkDataDir(dir);
  const file = join(dir, DATA_FILE);
  if (reset) for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  return file;
}
