// The sandbox's two faces agree: for a seeded deal at one instant, the record view the HubSpot card
// API answers and the one the Salesforce panel's own adapter (salesforce-package/scripts/handoff-core)
// builds from the emulator's records — read through /sf/api as the panel's LDS wires read them — give
// the same stage, criteria verdicts, handoff states and timer states. Then the clock moves and the
// jsforce scanner raises the escalation Task in Salesforce, and the faces still agree. The org has
// the package under its namespace, so the reads go as the panel's do: LDS strings qualified by the
// core's orgNames (from the schema import's objectApiName), the gql query as the platform rewrites it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordView } from '@handoff/shared';
import { startSandbox, type Sandbox } from '../../../sandbox/server/sandbox.js';
import { ny } from '../../../sandbox/server/seed/time.js';
import { faceReads } from '../face-reads.js';

/**
 * What both faces must agree on. `slas` narrows the timers to those SLAs, the ones a check speaks
 * about (a won deal's current stage). The panel reads Stage History, so the timers of earlier stages
 * (the SDR → AE timer of a won deal) agree too: test/sandbox/faces.test.ts compares every timer.
 */
function verdicts(view: RecordView, slas?: readonly string[]) {
  return {
    stage: view.currentStage?.id,
    exitCriteria: view.exitCriteria.map((v) => [v.id, v.outcome]),
    nextEntryCriteria: view.nextEntryCriteria.map((v) => [v.id, v.outcome]),
    mayAdvance: view.mayAdvance,
    handoffs: view.handoffs.map((h) => [h.id, h.status]),
    timers: view.timers
      .filter((t) => !slas || slas.includes(t.slaId))
      .map((t) => [t.slaId, t.state, t.dueAt]),
  };
}

/** The SLAs a won deal's timers run under in its current stage: the rep's, then CS's. */
const WON_SLAS = ['rep_submits_cs_handoff', 'cs_accepts_won_deal'];

describe('the two faces of the sandbox', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'handoff-sf-faces-'));
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ dataDir, port: 0 });
  }, 120_000);
  afterAll(async () => {
    await sandbox?.close();
  });

  const { sf, hubspotView, salesforceView } = faceReads(() => sandbox);

  // a9 is rejected: its paused timer agrees because the header records the rejection's time
  // (Rejected_At__c), which the scanner's status write-back does not move.
  it('when anyone looks at deals in their first stage (submitted, in progress, not started, rejected), then every verdict and timer agrees', async () => {
    for (const [deal, viewer] of [
      ['a7', 'rep4'],
      ['a5', 'admin'],
      ['a0', 'cs1'],
      ['a9', 'admin'],
    ] as const) {
      const hubspot = verdicts(await hubspotView(deal, viewer));
      expect(verdicts(await salesforceView(deal, viewer))).toEqual(hubspot);
      expect(hubspot.stage).toBe('appointment_scheduled');
      expect(hubspot.timers.length).toBeGreaterThan(0);
    }
  });

  /** What each viewer may do on each handoff: the role checks of both faces. */
  const actions = (view: RecordView) =>
    view.handoffs.map((h) => [h.id, h.actions.filter((a) => a.allowed).map((a) => a.type)]);

  it('when the deal’s AE and a CS manager look at a submitted SDR → AE handoff, then both faces let the AE accept or reject it and the CS manager neither', async () => {
    const a7 = await hubspotView('a7', 'rep4');
    expect(a7.handoffs.map((h) => [h.id, h.status])).toEqual([['sdr_to_ae', 'submitted']]);
    expect(actions(a7)).toEqual([['sdr_to_ae', ['accept', 'reject']]]);
    expect(actions(await salesforceView('a7', 'rep4'))).toEqual(actions(a7));
    const byCs = await hubspotView('a7', 'cs1');
    expect(actions(byCs)).toEqual([['sdr_to_ae', []]]);
    expect(actions(await salesforceView('a7', 'cs1'))).toEqual(actions(byCs));
  });

  it('when a rep looks at deals further along and a lost one, then the criteria verdicts agree (close date included)', async () => {
    for (const deal of ['pre0', 'dec0', 'con0', 'l0']) {
      const hubspot = verdicts(await hubspotView(deal, 'rep1'), []);
      expect(verdicts(await salesforceView(deal, 'rep1'), [])).toEqual(hubspot);
    }
    // Decision maker bought in: the close date is set on both sides, the proposal is not.
    expect(verdicts(await hubspotView('dec0', 'rep1'), []).exitCriteria).toEqual([
      ['proposal_sent', 'fail'],
      ['close_date', 'pass'],
    ]);
  });

  // w17: won Monday 16 Nov 14:00, the CS checklist submitted 15 minutes later (seed/scripts.ts).
  it('when a CS manager looks at a submitted won deal at the seeded instant, then both faces give the same verdicts and timers', async () => {
    const hubspot = verdicts(await hubspotView('w17', 'cs1'), WON_SLAS);
    const salesforce = verdicts(await salesforceView('w17', 'cs1'), WON_SLAS);
    expect(salesforce).toEqual(hubspot);
    expect(hubspot.stage).toBe('closed_won');
    expect(hubspot.handoffs).toContainEqual(['sales_to_cs', 'submitted']);
    // Submitted Monday 14:15 (CS's clock starts there); one business day (8 h) later is Tuesday
    // 14:15; at risk from 75 % (Tuesday 12:15), so at 11:00 it is still running.
    expect(hubspot.timers).toContainEqual([
      'cs_accepts_won_deal',
      'running',
      ny('2026-11-17', '14:15'),
    ]);
  });

  // Reworked deals (w5, w6) are left out: a header keeps only the last submission, where the rep's
  // clock stopped and CS's started (see test/sandbox/faces.test.ts, REWORKED).
  it('when a rep looks at won deals in progress, not started and rejected, then both faces agree too', async () => {
    for (const deal of ['w14', 'w13', 'w20', 'w21']) {
      expect(verdicts(await salesforceView(deal, 'rep2'), WON_SLAS)).toEqual(
        verdicts(await hubspotView(deal, 'rep2'), WON_SLAS),
      );
    }
  });

  it('when the clock moves a business day past w13’s deadline, then the jsforce scanner raises its escalation Tasks in Salesforce and the faces still agree', async () => {
    const w13 = sandbox.meta.salesforce?.opportunities.w13 ?? '';
    const tasksOf = async () =>
      (
        await sf<{ records: { OwnerId: string; Priority: string; Status: string }[] }>(
          'admin',
          `query?q=${encodeURIComponent(`SELECT Id, OwnerId, Priority, Status FROM Task WHERE WhatId = '${w13}'`)}`,
        )
      ).records;
    // w13 was won Tuesday 09:00 and not handed off: at 11:00 the rep has used 2 of 8 hours.
    expect(await tasksOf()).toEqual([]);
    const moved = await fetch(`${sandbox.url}/api/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ by: 'business_day' }),
    });
    expect(moved.status).toBe(200);
    expect(sandbox.clock.now()).toBe(ny('2026-11-18', '11:00'));
    const tasks = await tasksOf();
    // The ball is with the rep who owns w13 (nothing is submitted, so CS has no clock and no task):
    // 8 business hours from Tuesday 09:00 are due Tuesday 17:00, at risk from 15:00 (75 %). By
    // Wednesday 11:00 both happened: the breach (a task for the admin) supersedes the owner's
    // at-risk level, which the scan sees only now, so that level creates no task of its own.
    const admin = sandbox.meta.salesforce?.users.admin;
    expect(tasks.map((t) => [t.OwnerId, t.Priority, t.Status])).toEqual([
      [admin, 'High', 'Not Started'],
    ]);
    const after = verdicts(await hubspotView('w13', 'cs1'), WON_SLAS);
    expect(after.timers).toEqual([
      ['rep_submits_cs_handoff', 'breached', ny('2026-11-17', '17:00')],
    ]);
    expect(verdicts(await salesforceView('w13', 'cs1'), WON_SLAS)).toEqual(after);
    for (const deal of ['a7', 'a0'])
      expect(verdicts(await salesforceView(deal, 'rep1'))).toEqual(
        verdicts(await hubspotView(deal, 'rep1')),
      );
  });
});
