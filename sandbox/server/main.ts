// `npm start`: the Handoff sandbox. PORT (default 4100), HANDOFF_DATA_DIR (default .handoff-data),
// `--reset` to start over with a fresh seed.
import { ensureCoreBuilt } from './core-build.js';
import { SandboxError } from './errors.js';

const DEFAULT_PORT = 4100;
const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT;
const dataDir = process.env.HANDOFF_DATA_DIR ?? '.handoff-data';
const reset = process.argv.includes('--reset');

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`handoff: PORT must be a port number, not "${process.env.PORT}".\n`);
  process.exit(2);
}

try {
  const started = Date.now();
  ensureCoreBuilt();
  // Imported after the core is built: the sandbox loads @handoff/shared from shared/dist.
  const { startSandbox } = await import('./sandbox.js');
  const sandbox = await startSandbox({ dataDir, port, reset, logLevel: process.env.LOG_LEVEL });
  process.stdout.write(
    `Handoff sandbox ${sandbox.seeded ? '(seeded) ' : ''}ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${sandbox.url}\n` +
      `Data in ${dataDir}${process.env.PORT ? '' : ` · port ${DEFAULT_PORT} by default, set PORT to change`} · Ctrl-C stops it.\n`,
  );
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void sandbox.close().then(() => process.exit(0));
    });
  }
} catch (error) {
  if (error instanceof SandboxError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
