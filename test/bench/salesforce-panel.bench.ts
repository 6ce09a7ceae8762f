// The Salesforce panel: the size of c/handoffCore and of each component before and after the LWC
// compiler's re-print (Salesforce caps a component's JavaScript file at 1 MB: "Component JavaScript
// File" in the LWC developer guide), and how fast the panel turns LDS records into what its
// templates show.
import { parsePlaybookText } from '@handoff/shared';
import { readFileSync } from 'node:fs';
import { buildSnapshot, panelModel } from '../../salesforce-package/scripts/handoff-core/entry.js';
import { evaluateRecord } from '@handoff/shared/runtime';
import { bundles, compileBundle } from '../salesforce-package/lwc/compile.js';
import { line, measure, section } from './lib.js';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export default function (): void {
  section('Salesforce panel (LWC bundles through @lwc/compiler)');
  for (const bundle of bundles()) {
    const files = compileBundle(bundle);
    const source = files.reduce((sum, f) => sum + f.sourceBytes, 0);
    const compiled = files.reduce((sum, f) => sum + f.compiledBytes, 0);
    const largest = Math.max(...files.map((f) => f.compiledBytes));
    line(
      bundle,
      `${kb(source)} source → ${kb(compiled)} compiled (${files.length} files, largest ${kb(largest)})`,
    );
  }

  const text = readFileSync(
    new URL('../../shared/playbooks/default.yaml', import.meta.url),
    'utf8',
  );
  const parsed = parsePlaybookText(text);
  if (!parsed.ok) throw new Error('the default playbook must parse');
  const playbook = parsed.playbook;
  const field = (value: unknown) => ({ value });
  const opportunity = {
    id: '006000000000001AAA',
    fields: {
      StageName: field('Closed Won'),
      Amount: field(50000),
      ARR__c: field(48000),
      LastStageChangeDate: field('2026-11-19T15:00:00.000Z'),
    },
  };
  const header = {
    id: 'a01000000000001AAA',
    fields: {
      Handoff_Id__c: field('sales_to_cs'),
      Status__c: field('in_progress'),
      Version__c: field(2),
    },
  };
  const viewer = { userId: '005000000000001AAA', roles: ['sales_rep'] };
  const now = Date.parse('2026-11-20T16:00:00.000Z');
  const m = measure('records → snapshot → view → panel model', () =>
    panelModel(
      evaluateRecord(
        playbook,
        buildSnapshot(playbook, { opportunity, handoffs: [header], items: {} }),
        viewer,
        now,
      ),
      'America/New_York',
    ),
  );
  line(m.name, `${Math.round(m.opsPerSecond).toLocaleString('en-US')} renders/s`);
}
