// The Salesforce face of the sandbox page: the package's real Lightning Web Components compiled
// by rollup with @lwc/rollup-plugin, the real lightning-base-components, @lwc/synthetic-shadow
// (loaded first) and the SLDS stylesheet. Lightning Data Service, `@salesforce/*` scoped imports
// and `@salesforce/apex` resolve to the stand-ins in sandbox/page/salesforce/lds, which read and
// write the Salesforce emulator through the page server's `/sf/api`. The emulated org has the
// package installed under its namespace (sfdx-project.json), so the build does what the platform
// does for a namespaced package: schema imports, custom permissions and `gql` queries take the
// namespace; plain strings do not.
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
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import lwc from '@lwc/rollup-plugin';
import { transform } from 'esbuild';
import { rollup, type Plugin } from 'rollup';
import {
  namespacePrefix,
  qualify,
  qualifyGraphql,
} from '../../salesforce-package/scripts/namespace.js';

export interface Asset {
  type: string;
  body: string | Buffer;
  /** `cache-control` when the file may be kept (content-hashed names, the design system). */
  cacheControl?: string;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

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
/** Longer than any build on a loaded two-core machine. */
const STALE_LOCK_MS = 5 * 60_000;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

export interface SalesforceFrame {
  /**
   * `/sf/frame.html`, the built modules under `/sf/lwc/` and SLDS under `/sf/slds/` (the
   * stylesheet and the images it points at). Until the components are built, the frame's
   * bootstrap is a small script that says so and reloads.
   */
  serve(pathname: string): Asset | undefined;
  /** Settles when the components are built (or read from the cache); rejects when the build fails. */
  ready: Promise<void>;
}

/**
 * The Salesforce frame, its components loaded from the cache or built in the background: a cold
 * `npm start` does not wait for the build (the HubSpot half is usable at once), a warm one finds
 * it in a few milliseconds.
 */
export function salesforceFrame(): SalesforceFrame {
  let files: Record<string, Asset> | undefined;
  let failure: Error | undefined;
  const ready = loadSalesforceComponents().then(
    (loaded) => void (files = loaded),
    (error: Error) => {
      failure = error;
      process.stderr.write(`handoff: the Salesforce panel could not be built: ${error.message}\n`);
      throw error;
    },
  );
  // Whoever starts the sandbox may never wait on it; the failure is reported above.
  ready.catch(() => undefined);
  return {
    ready,
    serve(pathname) {
      if (pathname === '/sf/frame.html') {
        return { type: TYPES['.html'] as string, body: readFileSync(join(FRAME, 'frame.html')) };
      }
      if (pathname.startsWith('/sf/slds/')) return serveSlds(pathname);
      if (!pathname.startsWith('/sf/lwc/')) return undefined;
      if (files) return files[pathname];
      return pathname === '/sf/lwc/boot.js' ? waiting(failure) : undefined;
    },
  };
}

let loading: Promise<Record<string, Asset>> | undefined;

/** The built components (once per process), building them first when the cache has none. */
export function loadSalesforceComponents(): Promise<Record<string, Asset>> {
  loading ??= (async () => {
    const dir = join(CACHE, inputsHash());
    if (!existsSync(join(dir, 'boot.js'))) await buildOnce(dir);
    const files: Record<string, Asset> = {};
    for (const file of readdirSync(dir)) {
      files[`/sf/lwc/${file}`] = {
        type: typeOf(file),
        body: readFileSync(join(dir, file)),
        // Chunks are named by their content's hash; the entry (boot.js) is not.
        ...(file === 'boot.js' ? {} : { cacheControl: IMMUTABLE }),
      };
    }
    return files;
  })();
  return loading;
}

/** The frame's bootstrap while the components are being built: it says so and tries again. */
function waiting(failure: Error | undefined): Asset {
  const text = failure
    ? `The Salesforce panel could not be built: ${failure.message}`
    : 'Compiling the Salesforce panel (the first start after an install or a change to the components, about 10–30 s)…';
  const script = `const root = document.getElementById('root');
const note = document.createElement('div');
note.className = 'slds-notify slds-notify_alert ${failure ? 'slds-alert_error' : 'slds-alert_offline'}';
note.setAttribute('role', ${failure ? "'alert'" : "'status'"});
note.dataset.id = 'frame-building';
note.textContent = ${JSON.stringify(text)};
root.replaceChildren(note);
parent.postMessage({ type: 'handoff-sf-frame', height: document.documentElement.scrollHeight }, location.origin);
${failure ? '' : 'setTimeout(() => location.reload(), 2000);'}
`;
  return { type: TYPES['.js'] as string, body: script };
}

function serveSlds(pathname: string): Asset | undefined {
  const file = join(SLDS, pathname.slice('/sf/slds/'.length));
  // Only files inside the design system's assets folder.
  if (!file.startsWith(SLDS + sep) || !existsSync(file) || !statSync(file).isFile())
    return undefined;
  return { type: typeOf(file), body: readFileSync(file), cacheControl: 'public, max-age=3600' };
}

/**
 * Builds into `dir` unless another process is already doing it (several sandboxes start at once
 * under `npm test`): the first takes a lock directory holding its pid, the others wait for its
 * output. A lock whose process is gone (Ctrl-C during a build) or that is older than any build
 * is taken over.
 */
async function buildOnce(dir: string): Promise<void> {
  const lock = `${dir}.lock`;
  mkdirSync(CACHE, { recursive: true });
  for (;;) {
    if (existsSync(join(dir, 'boot.js'))) return;
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
    } catch {
      if (abandoned(lock)) rmSync(lock, { recursive: true, force: true });
      // Unref'd: a test that closes its sandbox early need not wait for another's build.
      else await new Promise((resolve) => setTimeout(resolve, 500).unref());
      continue;
    }
    try {
      if (!existsSync(join(dir, 'boot.js'))) await build(dir);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
    return;
  }
}

function abandoned(lock: string): boolean {
  const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
  if (since === undefined) return false;
  if (Date.now() - since > STALE_LOCK_MS) return true;
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    // Taken a moment ago, its pid not written yet.
    return false;
  }
  return pid > 0 && !alive(pid);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function build(dir: string): Promise<void> {
  const started = Date.now();
  process.stdout.write('Compiling the Salesforce panel in the background (first start only)…\n');
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
  renameSync(partial, dir);
  // Older builds go (one cached build is enough), and what killed builds left; builds running in
  // other processes keep their lock and partial output.
  for (const entry of readdirSync(CACHE)) {
    const path = join(CACHE, entry);
    const pid = Number(/\.partial-(\d+)$/.exec(entry)?.[1] ?? 0);
    const left = entry.endsWith('.lock') ? abandoned(path) : pid > 0 ? !alive(pid) : path !== dir;
    if (left) rmSync(path, { recursive: true, force: true });
  }
  process.stdout.write(
    `Salesforce panel compiled in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
  );
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
          "export { default as HandoffAdmin } from 'c/handoffAdmin';\n" +
          "export { default as HandoffQueue } from 'c/handoffQueue';\n"
        );
      }
      if (id.startsWith(`${VIRTUAL}@salesforce/`)) {
        return scopedModule(id.slice(`${VIRTUAL}@salesforce/`.length));
      }
      return undefined;
    },
    async transform(code, id) {
      let out = code;
      // Component ids carry the LWC plugin's `?specifier=c/name` query.
      const file = id.split('?')[0] ?? id;
      if (file.startsWith(LWC_ROOT) && file.endsWith('.js') && out.includes('gql`')) {
        const namespace = namespacePrefix();
        out = out.replace(/\bgql`([^`]*)`/g, (_, query: string) => {
          return `gql\`${qualifyGraphql(query, namespace)}\``;
        });
      }
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
 * fieldApiName }` in the org's names (the package's own with its namespace); the user, time zone and custom permissions come from the viewer's session,
 * which the frame reads before the components load. Undefined: not ours (the library's own
 * labels and gates are mapped by its package configuration).
 */
function scopedModule(path: string): string | undefined {
  const session = JSON.stringify(join(LDS, 'session.ts'));
  const [kind, ...rest] = path.split('/');
  const ref = rest.join('/');
  const namespace = namespacePrefix();
  if (kind === 'schema') {
    const [object = '', ...field] = ref.split('.').map((name) => qualify(name, namespace));
    const value =
      field.length > 0
        ? { objectApiName: object, fieldApiName: field.join('.') }
        : { objectApiName: object };
    return `export default ${JSON.stringify(value)};`;
  }
  if (kind === 'customPermission') {
    // A component names its own package's permission without the namespace; the org has it with.
    // (https://developer.salesforce.com/docs/platform/lwc/guide/create-get-permissions.html)
    const name = JSON.stringify(qualify(ref, namespace));
    return `import { hasPermission } from ${session};\nexport default hasPermission(${name});`;
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
  add(fileURLToPath(new URL('../../salesforce-package/scripts/namespace.ts', import.meta.url)));
  hash.update(`namespace:${namespacePrefix()}`);
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
