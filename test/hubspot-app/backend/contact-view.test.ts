// Issue 19, marketing → sales on HubSpot contacts, through the backend over real HTTP against the
// emulator (token scoped exactly as the app declares): a contact's stage comes from its lifecycle
// stage and that property's history, speed to lead stops at its first touch (HubSpot's "Last
// contacted", whose history holds every logged call, email or meeting), and the MQL handoff is
// filled by marketing and accepted by sales on the contact itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordView } from '@handoff/shared';
import { startHarness, type Harness } from './harness.js';

const HOUR = 3_600_000;
// New York is UTC−5 in November 2026; the harness's clock is Monday 23 November, 10:00 there.
const ny = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour + 5, minute);
let h: Harness;
let marketer: string;

const person = {
  firstname: 'Dana',
  lastname: 'Lee',
  email: 'dana@acme.example',
  jobtitle: 'VP Operations',
  company: 'Acme',
};

function contact(properties: Record<string, string>, mqlAt = ny(23, 9), touches: number[] = []) {
  return h.emulator.seed.contact(h.portalId, {
    properties,
    lifecycle: [
      { stage: 'lead', at: ny(16, 10) },
      { stage: 'marketingqualifiedlead', at: mqlAt },
    ],
    touches,
  });
}

const view = async (id: string, as = h.users.rep) => {
  const answer = await h.call('GET', `/v1/hubspot/records/contacts/${id}`, { as });
  return { status: answer.status, view: answer.body as RecordView };
};

beforeAll(async () => {
  h = await startHarness();
  marketer = String(
    h.emulator.seed.owner(h.portalId, {
      email: 'mia@example.com',
      firstName: 'Mia',
      lastName: 'Marketer',
      teams: [{ name: 'Marketing' }],
    }).userId,
  );
}, 60_000);
afterAll(async () => h.close());

describe('a HubSpot contact in the marketing → sales seam', () => {
  it('when a contact became an MQL at 09:00 and nobody has called, then speed to lead runs: 1 business hour used, due at 13:00, waiting on the SDR', async () => {
    const { status, view: v } = await view(contact(person));
    expect(status).toBe(200);
    expect(v.stages.map((s) => s.id)).toEqual(['lead', 'mql', 'sql']);
    expect(v.currentStage?.id).toBe('mql');
    expect(v.handoffs.map((x) => x.id)).toEqual(['mql_to_sales']);
    const timer = v.timers.find((t) => t.slaId === 'speed_to_lead');
    expect(timer).toMatchObject({ state: 'running', consumedMs: HOUR, dueAt: ny(23, 13) });
    expect(timer?.waitsOn?.role).toBe('sdr');
    // Deal SLAs do not run on a contact.
    expect(v.timers.map((t) => t.slaId)).toEqual(['speed_to_lead']);
  });

  it('when sales logged a call at 09:30, then speed to lead stopped there, met in 30 business minutes; a touch before the MQL does not count', async () => {
    const id = contact(person, ny(23, 9), [ny(18, 11), ny(23, 9, 30)]);
    const timer = (await view(id)).view.timers.find((t) => t.slaId === 'speed_to_lead');
    expect(timer).toMatchObject({ state: 'met', completedAt: ny(23, 9, 30), consumedMs: HOUR / 2 });
  });

  it('when a lead has no company yet, then the card says the MQL needs one, by name', async () => {
    const id = h.emulator.seed.contact(h.portalId, {
      properties: { firstname: 'Sam', email: 'sam@example.com', jobtitle: 'Analyst' },
      lifecycle: [{ stage: 'lead', at: ny(20, 10) }],
    });
    const { status, view: v } = await view(id);
    expect(status).toBe(200);
    expect(v.currentStage?.id).toBe('lead');
    expect(v.nextStage?.id).toBe('mql');
    const company = v.nextEntryCriteria.find((c) => c.id === 'company_name');
    expect(company).toMatchObject({ outcome: 'fail', severity: 'block' });
    expect(company?.reason).toBe('Company is empty; it must be filled in.');
    expect(v.nextEntryCriteria.find((c) => c.id === 'job_title')?.outcome).toBe('pass');
  });

  it('when a contact is in a lifecycle stage the playbook does not follow on contacts, then a sentence says which', async () => {
    const id = h.emulator.seed.contact(h.portalId, {
      properties: person,
      lifecycle: [{ stage: 'evangelist', at: ny(20, 10) }],
    });
    const answer = await h.call('GET', `/v1/hubspot/records/contacts/${id}`, { as: h.users.rep });
    expect(answer.status).toBe(422);
    expect(JSON.stringify(answer.body)).toContain(
      "This contact's lifecycle stage (evangelist) is not one the playbook follows on contacts.",
    );
  });

  it('when marketing fills and submits the brief, then the AE accepts it on the contact; an AE may not submit it, and the deal store is untouched', async () => {
    const id = contact(person);
    let n = 0;
    const act = (as: string, action: Record<string, unknown>, expectedVersion?: number) =>
      h.call('POST', `/v1/hubspot/records/contacts/${id}/actions`, {
        as,
        body: { handoffId: 'mql_to_sales', actionId: `m${++n}`, action, expectedVersion },
      });
    const answers = { source: 'Pricing webinar', engaged_with: 'Pricing page', fit: 'Good' };
    for (const [itemId, value] of Object.entries(answers))
      expect((await act(marketer, { type: 'set_item', itemId, value })).status).toBe(200);
    const refused = await act(h.users.rep, { type: 'submit' });
    expect(refused.status).toBe(403);
    const submitted = await act(marketer, { type: 'submit' });
    expect(submitted.status).toBe(200);
    expect((submitted.body as RecordView).handoffs[0]?.status).toBe('submitted');
    const accepted = await act(h.users.rep, { type: 'accept' });
    expect(accepted.status).toBe(200);
    expect((accepted.body as RecordView).handoffs[0]?.status).toBe('accepted');
    // Stored under the contact: a deal with the same id has no handoffs.
    expect(
      await h.store.getHandoffs({ portalId: h.portalId, objectType: 'deal', recordId: id }),
    ).toEqual({});
    expect((await view(id)).view.handoffs[0]?.status).toBe('accepted');
  });
});
