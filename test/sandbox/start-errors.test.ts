// Starting problems a person can fix are one sentence, not a stack trace.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SandboxError } from '../../sandbox/server/errors.js';
import { startSandbox } from '../../sandbox/server/sandbox.js';

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
});
