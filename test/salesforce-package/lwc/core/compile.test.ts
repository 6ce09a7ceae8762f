import { XMLValidator } from 'fast-xml-parser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LWC_DIR, bundles, compileBundle } from '../compile.js';

// What deployed code may take from `lwc` (Salesforce knowledge article 005385014).
const LWC_EXPORTS = new Set(['LightningElement', 'api', 'track', 'wire', 'unwrap']);

describe('Lightning component bundles', () => {
  it('are the panel, its parts, the reject modal, the admin panel with its forms and change preview, the queue and the core', () => {
    expect(bundles()).toEqual([
      'handoffAccount',
      'handoffAdmin',
      'handoffChangePreview',
      'handoffCore',
      'handoffPanel',
      'handoffPlaybookForms',
      'handoffPlaybookStamp',
      'handoffQueue',
      'handoffRecord',
      'handoffRejectModal',
      'handoffSection',
    ]);
  });

  it.each(bundles())('%s compiles with @lwc/compiler and has a meta file', (bundle) => {
    expect(compileBundle(bundle).length).toBeGreaterThan(0);
    const meta = readFileSync(join(LWC_DIR, bundle, `${bundle}.js-meta.xml`), 'utf8');
    // SDR silently repairs broken XML, so well-formedness is checked here.
    expect(XMLValidator.validate(meta)).toBe(true);
    expect(meta).toContain('<apiVersion>66.0</apiVersion>');
  });

  it.each(bundles().filter((b) => b !== 'handoffCore'))(
    '%s imports only what the platform allows from lwc and logs nothing',
    (bundle) => {
      const source = readFileSync(join(LWC_DIR, bundle, `${bundle}.js`), 'utf8');
      const named = /import\s*\{([^}]*)\}\s*from\s*'lwc'/.exec(source)?.[1] ?? '';
      for (const name of named
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean)) {
        expect(LWC_EXPORTS.has(name)).toBe(true);
      }
      expect(source).not.toMatch(/console\./);
    },
  );
});
