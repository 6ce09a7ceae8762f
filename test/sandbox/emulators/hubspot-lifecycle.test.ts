// The emulator keeps HubSpot's documented rule for a contact's lifecycle stage: through the API it
// only moves forward in the stage order; to move it back, an integration clears it first
// (https://developers.hubspot.com/docs/api-reference/latest/crm/objects/contacts/guide).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setup, type Setup } from './helpers.js';

let env: Setup;
beforeAll(async () => {
  env = await setup();
});
afterAll(async () => env.emulator.close());

async function mql(): Promise<string> {
  const created = await env.client().crm.contacts.basicApi.create({
    properties: {
      email: `p${Math.random()}@example.com`,
      lifecyclestage: 'marketingqualifiedlead',
    },
    associations: [],
  });
  return created.id;
}

const stageOf = async (id: string) =>
  (await env.client().crm.contacts.basicApi.getById(id, ['lifecyclestage'])).properties
    .lifecyclestage;

describe("a contact's lifecycle stage through the API", () => {
  it('when it is set forward (MQL → SQL), then it moves', async () => {
    const id = await mql();
    await env.client().crm.contacts.basicApi.update(id, {
      properties: { lifecyclestage: 'salesqualifiedlead' },
    });
    expect(await stageOf(id)).toBe('salesqualifiedlead');
  });

  it('when it is set backward (MQL → lead), then the call succeeds and the stage stays MQL', async () => {
    const id = await mql();
    await env.client().crm.contacts.basicApi.update(id, {
      properties: { lifecyclestage: 'lead', jobtitle: 'CTO' },
    });
    expect(await stageOf(id)).toBe('marketingqualifiedlead');
    // The other properties of the same write are written.
    const read = await env.client().crm.contacts.basicApi.getById(id, ['jobtitle']);
    expect(read.properties.jobtitle).toBe('CTO');
  });

  it('when it is cleared first, then it may be set backward, and its history shows both writes', async () => {
    const id = await mql();
    const api = env.client().crm.contacts.basicApi;
    env.clock.advance(1_000);
    await api.update(id, { properties: { lifecyclestage: '' } });
    env.clock.advance(1_000);
    await api.update(id, { properties: { lifecyclestage: 'lead' } });
    expect(await stageOf(id)).toBe('lead');
    const read = await api.getById(id, [], ['lifecyclestage']);
    expect(read.propertiesWithHistory?.lifecyclestage?.map((e) => e.value)).toEqual([
      'lead',
      null,
      'marketingqualifiedlead',
    ]);
  });

  it('when a batch update sets one contact backward, then that one stays and the others move', async () => {
    const back = await mql();
    const forward = await mql();
    await env.client().crm.contacts.batchApi.update({
      inputs: [
        { id: back, properties: { lifecyclestage: 'subscriber' } },
        { id: forward, properties: { lifecyclestage: 'opportunity' } },
      ],
    });
    expect(await stageOf(back)).toBe('marketingqualifiedlead');
    expect(await stageOf(forward)).toBe('opportunity');
  });
});
