// The runtime entry bundled as cards and Lightning components get it: one definition for the
// size test and the benchmark.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export interface RuntimeBundle {
  bytes: number;
  text: string;
  /** Bytes of the output that come from zod. */
  zodBytes: number;
}

export async function bundleRuntime(): Promise<RuntimeBundle> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../../shared/src/runtime.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2021',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output');
  const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
  const zodBytes = Object.entries(inputs)
    .filter(([input]) => input.includes('node_modules/zod/'))
    .reduce((sum, [, { bytesInOutput }]) => sum + bytesInOutput, 0);
  return { bytes: file.contents.byteLength, text: file.text, zodBytes };
}
