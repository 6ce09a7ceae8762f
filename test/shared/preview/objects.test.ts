// The preview over the whole lifecycle: records of every object are read, each group says which
// object its ids name (the SLA, criterion or handoff behind it lives on one), and the counts say how
// many of each were read — so tightening speed to lead shows the contacts it turns late.
import { describe, expect, it } from 'vitest';
import { previewPlaybookChange } from '../../../shared/src/preview/index.js';
import type { RecordSnapshot } from '../../../shared/src/shapes/index.js';
import { deal, handoffState, HOUR, MONDAY_10AM_NY } from '../builders.js';
import { defaultPlaybook } from '../fixtures.js';
import { edited, tighterCsSla } from './change.js';

// Monday 23 November 2026 in New York; the US calendar is open 09:00–17:00.
const mql: RecordSnapshot = {
  crm: 'hubspot',
  objectType: 'contacts',
  recordId: '7',
  stage: 'mql',
  fields: {},
  // An MQL since 09:00, nobody has called: at 12:00 three of speed to lead's four hours are gone.
  stageHistory: [
    { stage: 'lead', enteredAt: MONDAY_10AM_NY - 10 * 24 * HOUR },
    { stage: 'mql', enteredAt: MONDAY_10AM_NY - HOUR },
  ],
  handoffs: {},
};
// A deal with the same id: HubSpot numbers each object on its own.
const won = deal({
  recordId: '7',
  handoffs: {
    sales_to_cs: handoffState('submitted', {
      events: [{ type: 'submitted', at: MONDAY_10AM_NY, by: 'u-rep', actionId: 'a', details: {} }],
    }),
  },
});

const twoHourSpeedToLead = edited((raw) => {
  const sla = (raw.slas as { id: string; target: unknown }[]).find((s) => s.id === 'speed_to_lead');
  if (sla) sla.target = { unit: 'business_hours', amount: 2 };
});

describe('the preview over deals and contacts', () => {
  it('when speed to lead is tightened to 2 business hours, then the MQL 3 hours in goes breached, as a contact', () => {
    const preview = previewPlaybookChange({
      old: defaultPlaybook(),
      new: twoHourSpeedToLead,
      records: [won, mql],
      now: MONDAY_10AM_NY + 2 * HOUR,
    });
    expect(preview.objects).toEqual({ deal: 1, contact: 1 });
    expect(preview.records).toBe(2);
    expect(preview.timers).toEqual([
      expect.objectContaining({
        slaId: 'speed_to_lead',
        object: 'contact',
        from: 'at_risk',
        to: 'breached',
        recordIds: ['7'],
      }),
    ]);
    expect(preview.escalations.every((wave) => wave.object === 'contact')).toBe(true);
  });

  it("when the CS SLA is tightened, then the deal's group names deals, and the contact is read but unchanged", () => {
    const preview = previewPlaybookChange({
      old: defaultPlaybook(),
      new: edited(tighterCsSla),
      records: [won, mql],
      now: MONDAY_10AM_NY + 5 * HOUR,
    });
    expect(preview.objects).toEqual({ deal: 1, contact: 1 });
    expect(preview.timers.map((g) => [g.slaId, g.object, g.recordIds])).toEqual([
      ['cs_accepts_won_deal', 'deal', ['7']],
    ]);
  });
});
