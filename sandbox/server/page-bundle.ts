// The preview page, bundled at start with esbuild: the real card and settings entry files, with
// `@hubspot/ui-extensions` resolved to the sandbox's preview host (sandbox/page/host); and the
// Salesforce frame (lwc-bundle.ts: the package's components compiled with the LWC engine).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { salesforceFrame, type Asset } from './lwc-bundle.js';

export interface PageBundle {
  files: Record<string, Asset>;
  /** Files answered when asked for: the Salesforce frame (built in the background) and SLDS. */
  serve?(pathname: string): Asset | undefined;
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export async function buildPage(): Promise<PageBundle> {
  const salesforce = salesforceFrame();
  const result = await buildHubSpotPage();
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'));
  if (!js) throw new Error('the page bundle is empty');
  return {
    files: {
      '/index.html': {
        type: 'text/html; charset=utf-8',
        body: readFileSync(here('../page/index.html'), 'utf8'),
      },
      '/app.css': {
        type: 'text/css; charset=utf-8',
        body: readFileSync(here('../page/app.css'), 'utf8'),
      },
      '/app.js': { type: 'text/javascript; charset=utf-8', body: js.text },
    },
    serve: salesforce.serve,
  };
}

function buildHubSpotPage() {
  return build({
    entryPoints: [here('../page/main.tsx')],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    outfile: 'app.js',
    sourcemap: 'inline',
    logLevel: 'silent',
    // Development build: the preview host throws on unknown components and props.
    define: { 'process.env.NODE_ENV': '"development"' },
    alias: {
      '@hubspot/ui-extensions/crm': here('../page/host/crm.tsx'),
      '@hubspot/ui-extensions/pages': here('../page/host/pages.tsx'),
      '@hubspot/ui-extensions': here('../page/host/ui-extensions.tsx'),
    },
  });
}
