// One vocabulary on both faces: for every seeded deal, what the HubSpot card renders (the core's
// recordDisplay of the card API's view, as DealView computes it) and what the Salesforce panel
// renders (panelModel of the view the panel's adapter builds from the emulator's records, read as
// its LDS wires read them, Stage History included) say the same: next step, timers (label, state,
// due line, who they wait on), handoff statuses, progress, collapsed lines (with why, when a
// settled handoff was rejected) and action labels.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDisplay, type RecordView } from '@handoff/shared';
import { panelModel } from '../../salesforce-package/scripts/handoff-core/entry.js';
import { startSandbox, type Sandbox } from '../../sandbox/server/sandbox.js';
import { faceReads } from './face-reads.js';

/** The sandbox portal's zone and the Salesforce users' zone: both faces read New York time. */
const ZONE = 'America/New_York';

/**
 * Handoffs that went round twice (rejected, reworked, submitted again): a Handoff__c header keeps
 * only the latest submission, so the first one — where the rep's clock stopped and CS's started —
 * is not on the Salesforce face. Their timers differ by that; everything else must agree.
 */
const REWORKED = ['w5', 'w6'];

interface Face {
  nextStep: unknown;
  timers: unknown[];
  handoffs: unknown[];
}

/** The card's words for a view: recordDisplay, as DealView renders it. */
function cardFace(view: RecordView): Face {
  const shown = recordDisplay(view, ZONE);
  return {
    nextStep: shown.nextStep && {
      whose: shown.nextStep.whose,
      what: shown.nextStep.what,
      when: shown.nextStep.when,
      state: shown.nextStep.stateLabel,
      action: shown.nextStep.action && [
        shown.nextStep.action.label,
        shown.nextStep.action.disabled,
      ],
    },
    timers: shown.timers.map((t) => [
      t.label,
      t.stateLabel,
      t.waitsOn ? `${t.detail} ${t.waitsOn}.` : t.detail,
    ]),
    handoffs: shown.handoffs.map((h) => ({
      label: h.label,
      status: h.statusLabel,
      progress: h.progress.text,
      settled: h.settledLine,
      settledRejection: h.settledRejection,
      next: h.nextLine,
      actions: h.actions.map((a) => a.label),
    })),
  };
}

/** The panel's words for a view: panelModel, as c/handoffRecord and c/handoffSection bind them. */
function panelFace(view: RecordView): Face {
  const model = panelModel(view, ZONE);
  const step = model.nextStep;
  return {
    // The panel's template tests the strip for absence; the card's model says null.
    nextStep: step
      ? {
          whose: step.whose,
          what: step.what,
          when: step.when,
          state: step.stateLabel,
          action: step.action && [step.action.label, step.action.disabled],
        }
      : null,
    timers: model.timers.map((t) => [t.label, t.stateLabel, t.detail]),
    handoffs: model.handoffs.map((h) => ({
      label: h.label,
      status: h.statusLabel,
      progress: h.progressText,
      settled: h.settledLine,
      settledRejection: h.settledRejection,
      next: h.nextLine,
      actions: h.actions.map((a) => a.label),
    })),
  };
}

describe('both faces, every seeded deal', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'handoff-faces-'));
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ dataDir, port: 0 });
  }, 120_000);
  afterAll(async () => {
    await sandbox?.close();
  });

  const { hubspotView, salesforceView } = faceReads(() => sandbox);

  /** Each deal seen by its owner; won deals also by a CS manager, who acts on them next. */
  const viewings = () =>
    Object.keys(sandbox.meta.deals).flatMap((deal) => [
      [deal, 'admin'] as const,
      ...(deal.startsWith('w') ? [[deal, 'cs1'] as const] : []),
    ]);

  it('when anyone looks at any seeded deal, then both faces show the same next step, timers, statuses, progress, collapsed lines and buttons', async () => {
    const seen = viewings();
    expect(seen.length).toBe(60 + 22);
    const differing: string[] = [];
    for (const [deal, viewer] of seen) {
      const card = cardFace(await hubspotView(deal, viewer));
      const panel = panelFace(await salesforceView(deal, viewer));
      if (REWORKED.includes(deal)) {
        expect({ ...panel, timers: [] }, `${deal} as ${viewer}`).toEqual({ ...card, timers: [] });
        expect(panel.timers.map((t) => (t as string[])[0])).toEqual(
          card.timers.map((t) => (t as string[])[0]),
        );
      } else if (JSON.stringify(panel) !== JSON.stringify(card)) {
        differing.push(deal);
        expect(panel, `${deal} as ${viewer}`).toEqual(card);
      }
    }
    expect(differing).toEqual([]);
  }, 300_000);

  it('when a CS manager opens a submitted won deal, then both faces put the review first: their move, by CS’s due time, with Accept', async () => {
    const card = cardFace(await hubspotView('w17', 'cs1'));
    expect(card.nextStep).toEqual({
      whose: 'Your move',
      what: 'Review the Sales → CS handoff: accept or reject it',
      // Submitted Monday 14:15; one business day (8 h) later is Tuesday 14:15.
      when: 'Due today, 2:15 PM',
      state: 'On track',
      action: ['Accept', false],
    });
    expect(panelFace(await salesforceView('w17', 'cs1')).nextStep).toEqual(card.nextStep);
  });

  it('when the rep opens a won deal not yet handed off, then both faces say it is the rep’s move against the rep’s own clock, and the SDR → AE handoff is one line', async () => {
    const card = cardFace(await hubspotView('w10', 'rep3'));
    expect(card.nextStep).toMatchObject({
      whose: 'Your move',
      what: 'Complete and submit the Sales → CS handoff',
      state: 'At risk',
    });
    expect(card.handoffs[0]).toMatchObject({
      label: 'SDR → AE',
      settled: 'Not started — No longer due: the record is at Closed won.',
    });
    expect(card.timers.map((t) => (t as string[])[0])).toEqual([
      'SDR submits the new deal',
      'Rep submits the CS handoff',
    ]);
    expect(panelFace(await salesforceView('w10', 'rep3'))).toEqual(card);
  });

  // Last: it moves a seeded deal, which the tests above read as seeded.
  it('when a won deal whose Sales → CS handoff CS rejected goes back to Contract sent, then both faces fold it to the same line and say who rejected it, when and why', async () => {
    const hubspotToken = sandbox.emulator.issueToken(sandbox.meta.portalId).accessToken;
    const moved = await fetch(
      `${sandbox.emulator.url}/crm/v3/objects/deals/${sandbox.meta.deals.w20 ?? ''}`,
      {
        method: 'PATCH',
        headers: { authorization: `Bearer ${hubspotToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ properties: { dealstage: 'contractsent' } }),
      },
    );
    expect(moved.status).toBe(200);
    const opportunity = sandbox.meta.salesforce?.opportunities.w20 ?? '';
    const movedToo = await fetch(`${sandbox.url}/sf/api/ui-api/records/${opportunity}`, {
      method: 'PATCH',
      headers: { 'X-Handoff-Viewer': 'admin', 'content-type': 'application/json' },
      body: JSON.stringify({ fields: { StageName: 'Negotiation/Review' } }),
    });
    expect(movedToo.status).toBe(200);
    const card = cardFace(await hubspotView('w20', 'admin'));
    expect(card.handoffs[1]).toMatchObject({
      label: 'Sales → CS',
      settled: 'Rejected — No longer due: the record is at Contract sent.',
      settledRejection: expect.stringMatching(
        /^Rejected by .+ on Nov 12, 2026, 2:00 PM: Champion or sponsor not reachable — “The champion left the company last week\.”$/,
      ),
    });
    expect(panelFace(await salesforceView('w20', 'admin')).handoffs).toEqual(card.handoffs);
  });
});
