// `npm run build:backend`: the backend service as one plain-JavaScript file, hubspot-app/dist/main.js
// (with its source map), for `node hubspot-app/dist/main.js` where no dev dependency is installed.
// Every pure-JavaScript dependency is bundled in; only what cannot be bundled stays a package:
// better-sqlite3, a native module that must be built for the Node that runs it. dist/package.json
// lists those packages at the versions hubspot-app pins, so `npm install --omit=dev` in dist/ (the
// Dockerfile does) installs exactly them.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;

/** Not bundled: native code (better-sqlite3), and pg's optional native binding we never use. */
export const EXTERNAL_PACKAGES = ['better-sqlite3'] as const;
const NEVER_LOADED = ['pg-native'];

const app = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
  dependencies: Record<string, string>;
  engines: Record<string, string>;
};

mkdirSync(dist, { recursive: true });
await build({
  entryPoints: [`${root}backend/main.ts`],
  outfile: `${dist}/main.js`,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  // Stack traces name the TypeScript lines (node reads the map with --enable-source-maps).
  sourcesContent: false,
  external: [...EXTERNAL_PACKAGES, ...NEVER_LOADED],
  // Bundled CommonJS packages call require() for Node's modules; ESM has none, so give it one.
  banner: {
    js: "import { createRequire as __handoffCreateRequire } from 'node:module'; const require = __handoffCreateRequire(import.meta.url);",
  },
  // The default playbook is read from @handoff/shared's files when run from source; the bundle
  // carries its text, since no @handoff/shared is installed beside it.
  define: {
    HANDOFF_DEFAULT_PLAYBOOK_TEXT: JSON.stringify(
      readFileSync(`${root}../shared/playbooks/default.yaml`, 'utf8'),
    ),
  },
  logLevel: 'warning',
});

writeFileSync(
  `${dist}/package.json`,
  `${JSON.stringify(
    {
      name: '@handoff/hubspot-backend',
      private: true,
      type: 'module',
      description: 'The built HubSpot backend (npm run build:backend): node main.js',
      engines: app.engines,
      dependencies: Object.fromEntries(
        EXTERNAL_PACKAGES.map((name) => [name, app.dependencies[name]]),
      ),
    },
    null,
    2,
  )}\n`,
);
process.stdout.write(`built ${dist}/main.js\n`);
