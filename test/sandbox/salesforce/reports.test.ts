// The packaged reports' numbers on the sandbox's seed, computed by the Salesforce emulator from the
// report metadata (filters, groupings, aggregates) over the Handoff__c records the scanner wrote the
// SLA outcomes to, equal what the core's computeMetrics says over the same org's records read as
// the scanner reads them (tools/snapshot.ts). The totals were checked by hand against the seed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  computeMetrics,
  evaluateRecord,
  median,
  needsAttention,
  parsePlaybook,
  type Playbook,
  type RecordSnapshot,
} from '@handoff/shared';
import { orgNames } from '../../../salesforce-package/tools/names.js';
import { HANDOFF_FIELDS, opportunitySnapshot } from '../../../salesforce-package/tools/snapshot.js';
import type { ReportResult } from '../../../sandbox/emulators/salesforce/reports.js';
import { runPackagedReport } from '../../../sandbox/server/salesforce/reports.js';
import { startSandbox, type Sandbox } from '../../../sandbox/server/sandbox.js';

/** The seeded Salesforce users' zone: a report groups date-times by month in it. */
const ZONE = 'America/New_York';
const names = orgNames();

describe('packaged reports over the sandbox seed', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'handoff-sf-reports-'));
  let sandbox: Sandbox;
  let snapshots: RecordSnapshot[];
  let playbook: Playbook;
  let now: number;
  const run = (name: string): ReportResult =>
    runPackagedReport(sandbox.salesforce.emulator, name, ZONE);

  beforeAll(async () => {
    sandbox = await startSandbox({ dataDir, port: 0 });
    // The scanner writes the outcomes the seed's headers do not carry yet (as the first scan would).
    await sandbox.salesforce.scan();
    now = sandbox.clock.now();
    // The org's active playbook, as the scanner and the panels read it.
    const active = sandbox.salesforce.emulator
      .records(names.field('Handoff_Playbook__c'))
      .find((r) => r[names.field('Active__c')] === true);
    const parsed = parsePlaybook(JSON.parse(String(active?.[names.field('Playbook_Text__c')])));
    if (!parsed.ok) throw new Error('the org’s active playbook must parse');
    playbook = parsed.playbook;
    const api = sandbox.salesforce.toolsApi();
    const rows = await api.queryAll(
      [
        'SELECT Id, Name, StageName, OwnerId, CreatedDate,',
        '(SELECT StageName, CreatedDate FROM OpportunityHistories ORDER BY CreatedDate),',
        `(SELECT ${HANDOFF_FIELDS.map((f) => names.field(f)).join(', ')} FROM ${names.handoffs})`,
        'FROM Opportunity',
      ].join(' '),
    );
    snapshots = rows.flatMap((row) => opportunitySnapshot(playbook, names, row) ?? []);
  }, 180_000);
  afterAll(async () => {
    await sandbox?.close();
  });

  /** computeMetrics over the calendar month `yyyy-mm` in the users' zone (November 2026 is EST). */
  const monthWindow = (month: string) => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    return { from: Date.UTC(y, m - 1, 1, 5), to: Date.UTC(y, m, 1, 5) };
  };
  const cell = (result: ReportResult, down: string[], across: string[] = []) =>
    result.cells.find((c) => JSON.stringify([c.down, c.across]) === JSON.stringify([down, across]));

  it("when SLA attainment by month runs, then each accept SLA's met and met-late counts are computeMetrics' for that month", () => {
    const report = run('SLA_Attainment_By_Month');
    // By hand from the seed (sandbox/server/seed): the AE accepted q0–q6 after 1, 1, 2, 2, 3, 3 and
    // 5 business hours of 4 (one late); CS accepted w0–w6 within a business day and w7–w9 after
    // 2–3 days (three late). Everything stopped in November 2026.
    expect(report.cells.map((c) => [...c.down, ...c.across, c.rowCount])).toEqual([
      ['ae_accepts_new_deal', '2026-11', 'met', 6],
      ['ae_accepts_new_deal', '2026-11', 'met_late', 1],
      ['cs_accepts_won_deal', '2026-11', 'met', 7],
      ['cs_accepts_won_deal', '2026-11', 'met_late', 3],
    ]);
    for (const c of report.cells) {
      const [sla = '', month = ''] = c.down;
      const metrics = computeMetrics(playbook, snapshots, monthWindow(month), now);
      const core = metrics.slas.find((s) => s.id === sla);
      const met = cell(report, [sla, month], ['met'])?.rowCount ?? 0;
      const late = cell(report, [sla, month], ['met_late'])?.rowCount ?? 0;
      expect({ sla, completed: met + late, metOnTime: met }).toEqual({
        sla,
        completed: core?.completed,
        metOnTime: core?.metOnTime,
      });
    }
  });

  it("when time to accept runs, then each handoff's count and the median of its rows' business minutes are computeMetrics'", () => {
    const report = run('Time_To_Accept');
    const records = sandbox.salesforce.emulator.records(names.handoff);
    const minutes = (ids: string[]) =>
      ids.map((id) =>
        Number(records.find((r) => r.Id === id)?.[names.field('Business_Minutes_To_Accept__c')]),
      );
    const metrics = computeMetrics(playbook, snapshots, { from: 0, to: now + 1 }, now);
    // By hand: the AE's waits 60, 60, 120, 120, 180, 180, 300 (median 120); CS's 60, 120, 180, 240,
    // 330, 120 and 180 (w5 and w6 from their resubmission, the one a header keeps), 960, 1440, 1200
    // (median 210, average 483).
    expect(
      report.cells.map((c) => [
        c.down[0],
        c.rowCount,
        median(minutes(c.rows)),
        Object.values(c.aggregates)[0],
      ]),
    ).toEqual([
      ['sales_to_cs', 10, 210, 483],
      ['sdr_to_ae', 7, 120, 145.71428571428572],
    ]);
    for (const c of report.cells) {
      const core = metrics.handoffs.find((h) => h.id === c.down[0])?.timeToAccept;
      expect([c.rowCount, (median(minutes(c.rows)) ?? 0) * 60_000]).toEqual([
        core?.count,
        core?.medianMs,
      ]);
    }
  });

  it('when rejection reasons run, then each handoff counts its own reasons, as computeMetrics does', () => {
    const report = run('Rejection_Reasons');
    const metrics = computeMetrics(playbook, snapshots, { from: 0, to: now + 1 }, now);
    const fromCore = metrics.handoffs.flatMap((h) =>
      h.rejectionReasons.map((r) => [h.id, r.id, r.count]),
    );
    // By hand: w5 and w21 missing information, w6 promises unclear, w20 wrong contacts; a9 not qualified.
    expect(report.cells.map((c) => [...c.down, c.rowCount])).toEqual([
      ['sales_to_cs', 'missing_information', 2],
      ['sales_to_cs', 'promises_unclear', 1],
      ['sales_to_cs', 'wrong_contacts', 1],
      ['sdr_to_ae', 'not_qualified', 1],
    ]);
    expect(report.cells.map((c) => [...c.down, c.rowCount]).sort()).toEqual(fromCore.sort());
  });

  it('when open breached handoffs run, then each accept SLA counts the timers breached now, as the core’s needsAttention does', () => {
    const report = run('Open_Breached_Handoffs');
    const views = snapshots.map((snapshot) => ({
      view: evaluateRecord(playbook, snapshot, { userId: 'report-test', roles: [] }, now),
      name: snapshot.recordId,
    }));
    const attention = needsAttention(playbook, views, now);
    const accept = new Set(report.cells.map((c) => c.down[0]));
    expect(report.cells.map((c) => [c.down[0], c.rowCount])).toEqual([
      ['ae_accepts_new_deal', 1],
      ['cs_accepts_won_deal', 1],
    ]);
    expect(attention.bySla.filter((s) => accept.has(s.id)).map((s) => [s.id, s.breached])).toEqual(
      report.cells.map((c) => [c.down[0], c.rowCount]),
    );
  });
});
