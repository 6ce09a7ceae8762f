// `npm run salesforce:export-history`: the org's opportunities written as the core's JSON Lines
// history export, read through the scanner's own reads, and read back by the backtest.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backtestPlaybooks } from '@handoff/shared';
import { main } from '../../../salesforce-package/tools/cli.js';
import { scannerPlaybook, SCANNER_PLAYBOOK_TEXT } from '../../fixtures/scanner-playbook.js';
import { NOW, seedOpportunities } from './dataset.js';
import { API_VERSION, CONSUMER_KEY, startTestOrg, TOOLS_USER, type TestOrg } from './org.js';

let org: TestOrg | undefined;
afterEach(async () => {
  await org?.close();
  org = undefined;
});

describe('handoff-salesforce export-history', () => {
  it('when run with --out, then the file holds the export line and a snapshot per candidate opportunity, which the backtest reads', async () => {
    org = await startTestOrg();
    seedOpportunities(org, 100);
    org.seed.record('Handoff_Playbook__c', {
      Name: 'Scanner tests',
      Active__c: true,
      Playbook_Text__c: SCANNER_PLAYBOOK_TEXT,
    });
    org.clock.set(NOW);
    const out = join(mkdtempSync(join(tmpdir(), 'sf-history-')), 'export.jsonl');
    const err: string[] = [];
    const code = await main(['export-history', '--out', out], {
      env: {
        SF_LOGIN_URL: org.emulator.url,
        SF_CLIENT_ID: CONSUMER_KEY,
        SF_USERNAME: TOOLS_USER,
        SF_JWT_KEY: org.auth.privateKey.replace(/\n/g, '\\n'),
        SF_API_VERSION: API_VERSION,
      },
      out: () => undefined,
      err: (line) => err.push(line),
      clock: org.clock,
      sleep: async () => undefined,
    });
    expect(code).toBe(0);
    // The scan test reads 80 of the 100 as candidates (stages where an SLA may run).
    expect(err).toEqual([`exported 80 opportunities to ${out}`]);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      type: 'export',
      format: 'handoff-history',
      version: 1,
      crm: 'salesforce',
      exportedAt: NOW,
    });
    expect(lines).toHaveLength(81);
    const first = JSON.parse(lines[1] ?? '') as {
      type: string;
      record: { crm: string; stageHistory: unknown[] };
    };
    expect(first.type).toBe('snapshot');
    expect(first.record.crm).toBe('salesforce');
    expect(first.record.stageHistory.length).toBeGreaterThan(0);
    const result = await backtestPlaybooks({
      old: scannerPlaybook(),
      new: scannerPlaybook(),
      history: lines,
    });
    expect(result).toMatchObject({ records: 80, changedRecords: 0 });
  });
});
