// The Salesforce face of the sandbox page: the package's real Lightning Web Components compiled
// by rollup with @lwc/rollup-plugin, the real lightning-base-components, @lwc/synthetic-shadow
// (loaded first) and the SLDS stylesheet. Lightning Data Service, `@salesforce/*` scoped imports
// and `@salesforce/apex` resolve to the stand-ins in sandbox/page/salesforce/lds, which read and
// write the Salesforce emulator through the page server's `/sf/api`.
//
// A build takes 20–30 s on two cores, so its output is kept in node_modules/.cache under a hash
// of everything it is made from; a warm start only reads the files.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import lwc from '@lwc/rollup-plugin';
import { transform } from 'esbuild';
import { rollup, type Plugin } from 'rollup';

export interface Asset {
  type: string;
  body: string | Buffer;
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const require = createRequire(import.meta.url);

const ROOT = here('../../');
const LWC_ROOT = join(ROOT, 'salesforce-package/force-app/main/default/lwc');
const FRAME = here('../page/salesforce');
const LDS = join(FRAME, 'lds');
const CACHE = join(ROOT, 'node_modules/.cache/handoff-sandbox-lwc');
const PACKAGES = [
  'lightning-base-components',
  '@lwc/engine-dom',
  '@lwc/synthetic-shadow',
  '@lwc/rollup-plugin',
  '@lwc/compiler',
  'rollup',
  'esbuild',
];
const ENGINE = packageFile('@lwc/engine-dom', 'dist/index.js');
const SLDS = packageFile('@salesforce-ux/design-system', 'assets');

/** Platform modules answered by the sandbox's stand-ins instead of Salesforce. */
const STAND_INS: Record<string, string> = {
  'lightning/uiRecordApi': 'uiRecordApi.ts',
  'lightning/uiRelatedListApi': 'uiRelatedListApi.ts',
  'lightning/graphql': 'graphql.ts',
  'lightning/uiObjectInfoApi': 'uiObjectInfoApi.ts',
  '@salesforce/apex': 'apex.ts',
};
const VIRTUAL = '\0handoff-sf:';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

export interface SalesforceFrame {
  /** `/sf/frame.html` and the built modules under `/sf/lwc/`. */
  files: Record<string, Asset>;
  /** SLDS under `/sf/slds/` (stylesheet and the images it points at), read when asked for. */
  serve(pathname: string): Asset | undefined;
  /** Whether this start built the components (false: read from the cache). */
  built: boolean;
}

export async function buildSalesforceFrame(): Promise<SalesforceFrame> {
  const key = inputsHash();
  const dir = join(CACHE, key);
  let built = false;
  if (!existsSync(join(dir, 'boot.js'))) {
    await build(dir);
    built = true;
  }
  const files: Record<string, Asset> = {
    '/sf/frame.html': {
      type: TYPES['.html'] as string,
      body: readFileSync(join(FRAME, 'frame.html')),
    },
  };
  for (const file of readdirSync(dir)) {
    files[`/sf/lwc/${file}`] = { type: typeOf(file), body: readFileSync(join(dir, file)) };
  }
  return { files, serve: serveSlds, built };
}

function serveSlds(pathname: string): Asset | undefined {
  if (!pathname.startsWith('/sf/slds/')) return undefined;
  const file = join(SLDS, pathname.slice('/sf/slds/'.length));
  // Only files inside the design system's assets folder.
  if (!file.startsWith(SLDS + sep) || !existsSync(file) || !statSync(file).isFile())
    return undefined;
  return { type: typeOf(file), body: readFileSync(file) };
}

async function build(dir: string): Promise<void> {
  process.stdout.write('Building the Salesforce panel (first start only, about 30 s)…\n');
  const bundle = await rollup({
    input: { boot: join(FRAME, 'boot.ts') },
    plugins: [
      standIns(),
      lwc({
        rootDir: LWC_ROOT,
        // The frame's own TypeScript and the engine are not components.
        exclude: [`${FRAME}/**`, '**/node_modules/@lwc/**'],
        // Not @lwc/wire-service, the plugin's third default: the engine has wires built in.
        defaultModules: [{ npm: '@lwc/engine-dom' }, { npm: '@lwc/synthetic-shadow' }],
        modules: [
          ...components().map((name) => ({
            name: `c/${name}`,
            path: join(LWC_ROOT, name, `${name}.js`),
          })),
          { npm: 'lightning-base-components' },
        ],
      }),
    ],
    onwarn(warning, warn) {
      // lightning-base-components and the engine trip these by design; the library's templates
      // also draw compiler warnings (duplicate slots) that are Salesforce's to fix.
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
      if (warning.id?.includes(`${sep}lightning-base-components${sep}`)) return;
      warn(warning);
    },
  });
  // Written next to the final folder and renamed, so an interrupted build never looks finished.
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  await bundle.write({
    dir: partial,
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
  });
  await bundle.close();
  // Older builds go: one cached build is enough.
  if (existsSync(CACHE)) {
    for (const old of readdirSync(CACHE)) {
      if (join(CACHE, old) !== partial) rmSync(join(CACHE, old), { recursive: true, force: true });
    }
  }
  mkdirSync(dirname(dir), { recursive: true });
  renameSync(partial, dir);
}

/** Resolves platform modules to the sandbox's stand-ins and prepares code for the browser. */
function standIns(): Plugin {
  return {
    name: 'handoff-salesforce-stand-ins',
    resolveId(source, importer) {
      if (source === 'lwc' || source === '@lwc/engine-dom') return ENGINE;
      if (source === 'handoff-sf:components') return `${VIRTUAL}components`;
      const standIn = STAND_INS[source];
      if (standIn) return join(LDS, standIn);
      if (source.startsWith('@salesforce/')) {
        const scoped = scopedModule(source.slice('@salesforce/'.length));
        if (scoped !== undefined) return `${VIRTUAL}${source}`;
      }
      // The frame's TypeScript imports its siblings as `.js`, as NodeNext wants.
      if (importer?.startsWith(FRAME) && source.startsWith('.') && source.endsWith('.js')) {
        const ts = join(dirname(importer), source.replace(/\.js$/, '.ts'));
        if (existsSync(ts)) return ts;
      }
      return undefined;
    },
    load(id) {
      if (id === `${VIRTUAL}components`) {
        return (
          "export { default as HandoffPanel } from 'c/handoffPanel';\n" +
          "export { default as HandoffAdmin } from 'c/handoffAdmin';\n"
        );
      }
      if (id.startsWith(`${VIRTUAL}@salesforce/`)) {
        return scopedModule(id.slice(`${VIRTUAL}@salesforce/`.length));
      }
      return undefined;
    },
    async transform(code, id) {
      let out = code;
      if (id.endsWith('.ts')) {
        out = (await transform(code, { loader: 'ts', format: 'esm', target: 'es2022' })).code;
      }
      // The library reads import.meta.env.SSR (a Vite-ism); the engine reads NODE_ENV.
      if (out.includes('import.meta.env.SSR')) out = out.replaceAll('import.meta.env.SSR', 'false');
      if (out.includes('process.env.NODE_ENV')) {
        out = out.replaceAll('process.env.NODE_ENV', '"production"');
      }
      return out === code ? undefined : { code: out, map: null };
    },
  };
}

/**
 * Scoped imports as the platform gives them: schema references are `{ objectApiName,
 * fieldApiName }`; the user, time zone and custom permissions come from the viewer's session,
 * which the frame reads before the components load. Undefined: not ours (the library's own
 * labels and gates are mapped by its package configuration).
 */
function scopedModule(path: string): string | undefined {
  const session = JSON.stringify(join(LDS, 'session.ts'));
  const [kind, ...rest] = path.split('/');
  const ref = rest.join('/');
  if (kind === 'schema') {
    const [objectApiName, ...field] = ref.split('.');
    const value =
      field.length > 0 ? { objectApiName, fieldApiName: field.join('.') } : { objectApiName };
    return `export default ${JSON.stringify(value)};`;
  }
  if (kind === 'customPermission') {
    return `import { hasPermission } from ${session};\nexport default hasPermission(${JSON.stringify(ref)});`;
  }
  if (kind === 'gate' && ref === 'bc.260.enableComboboxElementInternals') {
    // The library's npm build opens every gate; this one makes the combobox call
    // attachInternals, which synthetic shadow refuses (Lightning Experience runs the combobox in
    // native shadow). Closed, the combobox works as it did before the gate.
    return 'export default { isOpen: () => false };';
  }
  if (kind === 'user' && ref === 'Id') {
    return `import { session } from ${session};\nexport default session().userId;`;
  }
  if (kind === 'i18n' && ref === 'timeZone') {
    return `import { session } from ${session};\nexport default session().timeZone;`;
  }
  return undefined;
}

function components(): string[] {
  return readdirSync(LWC_ROOT).filter((name) => existsSync(join(LWC_ROOT, name, `${name}.js`)));
}

/** Everything the build output depends on: our sources, this file, and the packages' versions. */
function inputsHash(): string {
  const hash = createHash('sha256');
  const add = (file: string) => {
    hash.update(relative(ROOT, file));
    hash.update(readFileSync(file));
  };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else add(path);
    }
  };
  walk(LWC_ROOT);
  walk(FRAME);
  add(fileURLToPath(import.meta.url));
  for (const name of PACKAGES) hash.update(`${name}@${packageVersion(name)}`);
  return hash.digest('hex').slice(0, 16);
}

function packageRoot(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

function packageFile(name: string, path: string): string {
  return join(packageRoot(name), path);
}

function packageVersion(name: string): string {
  return (
    JSON.parse(readFileSync(packageFile(name, 'package.json'), 'utf8')) as { version: string }
  ).version;
}

function typeOf(file: string): string {
  return TYPES[extname(file)] ?? 'application/octet-stream';
}
