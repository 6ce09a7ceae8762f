// npm run build:handoff-core -w @handoff/salesforce-package —
// bundles the core's runtime entry, zod/mini and the Salesforce adapter (handoff-core/) into the
// js-only LWC module c/handoffCore, readable. `--check` only reports whether it is stale (exit 1).
import { build, type Plugin } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORE_DIR = fileURLToPath(
  new URL('../force-app/main/default/lwc/handoffCore/', import.meta.url),
);
export const CORE_FILE = `${CORE_DIR}handoffCore.js`;
const ENTRY = fileURLToPath(new URL('./handoff-core/entry.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Security review reads the file: a line longer than this is not readable code any more. */
export const MAX_LINE = 400;

/**
 * The core's modules are side-effect free, so schemas the panels never use (the RecordView and
 * API shapes, which only type the code here) are left out of the bundle.
 */
const SHARED_MODULE = /[\\/]shared[\\/](dist|src)[\\/]/;
export const lean: Plugin = {
  name: 'handoff-core-lean',
  setup(b) {
    b.onResolve({ filter: /^(@handoff\/shared|\.\.?\/)/ }, async (args) => {
      const fromShared =
        args.path.startsWith('@handoff/shared') || SHARED_MODULE.test(args.importer);
      if (args.pluginData === lean || !fromShared) return undefined;
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: lean,
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return SHARED_MODULE.test(resolved.path)
        ? { path: resolved.path, sideEffects: false }
        : undefined;
    });
  },
};

/** Names the sources, so a reviewer of the generated file knows where to read and what to run. */
const HEADER = `// c/handoffCore: GENERATED, do not edit. Its TypeScript source:
// - salesforce-package/scripts/handoff-core/entry.ts, the Salesforce adapter (LDS records <-> core);
// - shared/src/runtime.ts, the core (@handoff/shared/runtime, bundled from its tsc output in
//   shared/dist/src), with its schemas on zod/mini (zod ${zodVersion()}).
// Each module below opens with a comment naming its file. Built (esbuild, ESM, es2021, not
// minified) by salesforce-package/scripts/build-handoff-core.ts; rebuild with
//   npm run build && npm run build:handoff-core -w @handoff/salesforce-package
`;

function zodVersion(): string {
  const file = fileURLToPath(import.meta.resolve('zod/package.json'));
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

export const CORE_META = `<?xml version="1.0" encoding="UTF-8"?>
<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>66.0</apiVersion>
    <isExposed>false</isExposed>
</LightningComponentBundle>
`;

/**
 * The module as it must be on disk: readable (not minified), one line per statement, each
 * module's path in a comment, paths relative to the repository whatever the working directory.
 */
export async function buildHandoffCore(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    absWorkingDir: ROOT,
    bundle: true,
    minify: false,
    format: 'esm',
    // LWC's compiler rejects class static blocks and #private methods, which es2021 lowers.
    target: 'es2021',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
    charset: 'utf8',
    plugins: [lean],
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output');
  const text = HEADER + file.text;
  const long = text.split('\n').findIndex((line) => line.length > MAX_LINE);
  if (long >= 0) {
    throw new Error(
      `handoffCore.js line ${long + 1} is longer than ${MAX_LINE} characters; split the source it comes from`,
    );
  }
  return text;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await buildHandoffCore();
  const meta = `${CORE_DIR}handoffCore.js-meta.xml`;
  const stale = read(CORE_FILE) !== text || read(meta) !== CORE_META;
  if (process.argv.includes('--check')) {
    if (stale) {
      process.stderr.write(
        'handoffCore.js is stale: run npm run build:handoff-core -w @handoff/salesforce-package\n',
      );
      process.exit(1);
    }
    process.stdout.write('handoffCore is up to date.\n');
  } else {
    mkdirSync(dirname(CORE_FILE), { recursive: true });
    writeFileSync(CORE_FILE, text);
    writeFileSync(meta, CORE_META);
    process.stdout.write(
      `Wrote handoffCore.js (${(Buffer.byteLength(text) / 1024).toFixed(1)} KB).\n`,
    );
  }
}
