// Compiles Lightning Web Components under vitest with @lwc/compiler, the compiler the platform runs.
// Written instead of @lwc/rollup-plugin because of what the plugin does inside Vite: it resolves
// `/`-rooted ids against the importer, Vite's CSS and HTML handling take `.css` / `.html`
// templates first, and `@salesforce/*` scoped imports need resolving. Templates and styles get
// `\0`-prefixed ids so no other plugin touches them.
import { transformSync } from '@lwc/compiler';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
export const LWC_ROOT = fileURLToPath(
  new URL('../../../salesforce-package/force-app/main/default/lwc/', import.meta.url),
);
const STUBS = join(here, 'stubs');
const ENGINE = fileURLToPath(import.meta.resolve('@lwc/engine-dom'));
const VIRTUAL = '\0lwc:';

/** `…/lwc/handoffPanel/handoffPanel.js` → namespace c, name handoffPanel. */
function component(file: string): { namespace: string; name: string } | undefined {
  if (file.startsWith(LWC_ROOT)) return { namespace: 'c', name: basename(dirname(file)) };
  const stub = join(STUBS, 'lightning') + sep;
  if (file.startsWith(stub)) return { namespace: 'lightning', name: basename(dirname(file)) };
  return undefined;
}

function moduleFile(root: string, name: string): string | undefined {
  const file = join(root, name, `${name}.js`);
  return existsSync(file) ? file : undefined;
}

export function lwc(): Plugin {
  return {
    name: 'handoff-lwc',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'lwc') return ENGINE;
      const [scope, ...rest] = source.split('/');
      const tail = rest.join('/');
      if (scope === 'c' && tail) return moduleFile(LWC_ROOT, tail);
      if (scope === 'lightning' && tail) {
        return moduleFile(join(STUBS, 'lightning'), tail) ?? join(STUBS, 'lightning', `${tail}.ts`);
      }
      // @salesforce/schema/…, @salesforce/customPermission/…, @salesforce/user/Id and friends.
      if (
        scope === '@salesforce' &&
        rest[0] !== 'wire-service-jest-util' &&
        rest[0] !== undefined
      ) {
        return `${VIRTUAL}salesforce/${tail}`;
      }
      const local = source.replace(/\?.*$/, '');
      if (importer && /\.(html|css)$/.test(local) && component(importer.replace(VIRTUAL, ''))) {
        const file = join(dirname(importer.replace(VIRTUAL, '')), local);
        // The compiler imports a component's template and style whether or not they exist.
        return existsSync(file) ? `${VIRTUAL}${file}` : `${VIRTUAL}empty:${file}`;
      }
      return undefined;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL)) return undefined;
      const rest = id.slice(VIRTUAL.length);
      if (rest.startsWith('salesforce/')) return salesforceModule(rest.slice('salesforce/'.length));
      if (rest.startsWith('empty:')) return 'export default undefined;';
      const meta = component(rest);
      if (!meta) return undefined;
      return compile(readFileSync(rest, 'utf8'), rest, meta);
    },
    transform(code, id) {
      if (!id.endsWith('.js')) return undefined;
      const meta = component(id);
      return meta ? compile(code, id, meta) : undefined;
    },
  };
}

function compile(code: string, file: string, meta: { namespace: string; name: string }) {
  const result = transformSync(code, file, { ...meta, enableDynamicComponents: false });
  return { code: result.code, map: result.map ?? null };
}

/**
 * Scoped modules as the platform gives them: schema imports are `{ objectApiName, fieldApiName }`,
 * custom permissions read a test-controlled switch, the user id a fixed test user.
 */
function salesforceModule(path: string): string {
  const [kind, ...name] = path.split('/');
  const ref = name.join('/');
  if (kind === 'schema') {
    const [objectApiName, fieldApiName] = ref.split('.');
    return fieldApiName
      ? `export default ${JSON.stringify({ objectApiName, fieldApiName })};`
      : `export default ${JSON.stringify({ objectApiName })};`;
  }
  if (kind === 'customPermission') {
    // A live binding, so a test can switch roles without reloading the engine.
    return `import { has, onChange } from ${JSON.stringify(join(STUBS, 'salesforce', 'permissions.ts'))};
let granted = has(${JSON.stringify(ref)});
onChange(() => { granted = has(${JSON.stringify(ref)}); });
export { granted as default };`;
  }
  if (kind === 'apex' && ref === '') {
    return `export * from ${JSON.stringify(join(STUBS, 'salesforce', 'apex.ts'))};`;
  }
  if (kind === 'user' && ref === 'Id') return `export default '005000000000001AAA';`;
  if (kind === 'i18n' && ref === 'timeZone') return `export default 'America/New_York';`;
  if (kind === 'i18n' && ref === 'locale') return `export default 'en-US';`;
  throw new Error(`No test module for @salesforce/${path}`);
}
