// Every Lightning component bundle through @lwc/compiler, as the platform compiles it: sizes
// before and after, and any error. Shared by the compile test and the benchmark.
import { transformSync } from '@lwc/compiler';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LWC_DIR = fileURLToPath(
  new URL('../../../salesforce-package/force-app/main/default/lwc/', import.meta.url),
);

export interface CompiledFile {
  bundle: string;
  file: string;
  sourceBytes: number;
  compiledBytes: number;
}

export function bundles(): string[] {
  return readdirSync(LWC_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('__'))
    .map((e) => e.name)
    .sort();
}

/** Compiles each .js, .html and .css file of a bundle; throws the compiler's error as it is. */
export function compileBundle(bundle: string): CompiledFile[] {
  const dir = join(LWC_DIR, bundle);
  return readdirSync(dir)
    .filter((f) => /\.(js|html|css)$/.test(f))
    .sort()
    .map((file) => {
      const source = readFileSync(join(dir, file), 'utf8');
      const { code } = transformSync(source, file, { namespace: 'c', name: bundle });
      return {
        bundle,
        file,
        sourceBytes: Buffer.byteLength(source),
        compiledBytes: Buffer.byteLength(code),
      };
    });
}
