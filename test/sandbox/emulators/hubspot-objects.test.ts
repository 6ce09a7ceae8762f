import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectHubSpotError, failure, raw, setup, START, type Setup } from './helpers.js';

let env: Setup;
beforeEach(async () => {
  env = await setup();
});
afterEach(async () => {
  await env.emulator.close();
});

const iso = (ms: number) => new Date(ms).toISOString();

describe('deals and companies through @hubspot/api-client', () => {
  it('when a deal is created, then get by id returns the requested properties, null when unset', async () => {
    const client = env.client();
    const created = await client.crm.deals.basicApi.create({
      properties: { dealname: 'Acme renewal', amount: '5000', dealstage: 'qualifiedtobuy' },
      associations: [],
    });
    expect(created.id).toMatch(/^\d+$/);
    expect(created.properties).toMatchObject({
      dealname: 'Acme renewal',
      pipeline: 'default',
      createdate: iso(START),
    });

    const deal = await client.crm.deals.basicApi.getById(created.id, [
      'dealname',
      'amount',
      'closedate',
      'nonexistent',
    ]);
    expect(deal.properties).toEqual({
      dealname: 'Acme renewal',
      amount: '5000',
      closedate: null,
      hs_object_id: created.id,
      createdate: iso(START),
      hs_lastmodifieddate: iso(START),
    });
    expect(deal.createdAt).toEqual(new Date(START));
  });

  it('when dealstage changes, then hs_v2_date_entered/exited follow the emulator clock and history lists newest first', async () => {
    const client = env.client();
    const { id } = await client.crm.deals.basicApi.create({
      properties: { dealname: 'D', dealstage: 'appointmentscheduled' },
      associations: [],
    });
    env.clock.advance(3_600_000);
    // An hour later the 30-minute access token has expired: take a fresh one, as the backend would.
    const later = env.client({
      accessToken: env.emulator.issueToken(env.portal.portalId).accessToken,
    });
    await later.crm.deals.basicApi.update(id, { properties: { dealstage: 'contractsent' } });

    const deal = await later.crm.deals.basicApi.getById(
      id,
      [
        'dealstage',
        'hs_v2_date_entered_appointmentscheduled',
        'hs_v2_date_exited_appointmentscheduled',
        'hs_v2_date_entered_contractsent',
        'hs_lastmodifieddate',
      ],
      ['dealstage'],
    );
    expect(deal.properties).toMatchObject({
      dealstage: 'contractsent',
      hs_v2_date_entered_appointmentscheduled: iso(START),
      hs_v2_date_exited_appointmentscheduled: iso(START + 3_600_000),
      hs_v2_date_entered_contractsent: iso(START + 3_600_000),
      hs_lastmodifieddate: iso(START + 3_600_000),
    });
    expect(
      deal.propertiesWithHistory?.dealstage?.map((entry) => [entry.value, entry.timestamp]),
    ).toEqual([
      ['contractsent', new Date(START + 3_600_000)],
      ['appointmentscheduled', new Date(START)],
    ]);
  });

  it('when seeded with a stage history, then the stage dates and history match it', async () => {
    const { emulator, portal } = env;
    const dealId = emulator.seed.deal(portal.portalId, {
      properties: { dealname: 'Seeded', amount: '100' },
      stageHistory: [
        { stage: 'qualifiedtobuy', at: START - 86_400_000 * 3 },
        { stage: 'presentationscheduled', at: START - 86_400_000 },
      ],
    });
    const deal = await env
      .client()
      .crm.deals.basicApi.getById(
        dealId,
        ['createdate', 'hs_v2_date_entered_presentationscheduled'],
        ['dealstage'],
      );
    expect(deal.properties.createdate).toBe(iso(START - 86_400_000 * 3));
    expect(deal.properties.hs_v2_date_entered_presentationscheduled).toBe(iso(START - 86_400_000));
    expect(deal.propertiesWithHistory?.dealstage).toHaveLength(2);
  });

  it('when values are invalid, then 400 VALIDATION_ERROR names each property and nothing changes', async () => {
    const client = env.client();
    const { id } = await client.crm.deals.basicApi.create({
      properties: { dealname: 'Keep' },
      associations: [],
    });
    const error = await failure(
      client.crm.deals.basicApi.update(id, {
        properties: {
          dealname: 'Changed',
          amount: 'lots',
          dealstage: 'nope',
          hs_lastmodifieddate: '1',
          made_up: 'x',
        },
      }),
    );
    expect(error.code).toBe(400);
    expectHubSpotError(error.body, 'VALIDATION_ERROR');
    const codes = (error.body.errors as Array<{ code: string }>).map((entry) => entry.code);
    expect(codes).toEqual([
      'INVALID_DECIMAL',
      'INVALID_OPTION',
      'READ_ONLY_VALUE',
      'PROPERTY_DOESNT_EXIST',
    ]);
    const deal = await client.crm.deals.basicApi.getById(id, ['dealname']);
    expect(deal.properties.dealname).toBe('Keep');
  });

  it('when an id is unknown, then 404 with the error shape; an unknown object type is a 400', async () => {
    const client = env.client();
    const missing = await failure(client.crm.deals.basicApi.getById('999'));
    expect(missing.code).toBe(404);
    expectHubSpotError(missing.body, 'OBJECT_NOT_FOUND');
    const badType = await raw(env.emulator, '/crm/v3/objects/spaceships/1', {
      token: env.portal.accessToken,
    });
    expect(badType.status).toBe(400);
    expectHubSpotError(badType.json(), 'VALIDATION_ERROR');
  });

  it('when a route is unknown, then 404 in the HubSpot error shape', async () => {
    const response = await raw(env.emulator, '/crm/v3/objects/deals/1/frobnicate', {
      token: env.portal.accessToken,
    });
    expect(response.status).toBe(404);
    expectHubSpotError(response.json(), 'OBJECT_NOT_FOUND');
  });

  it('when batch reading, then found records come back, missing ones as a 207 error, and 101 inputs are refused', async () => {
    const client = env.client();
    const ids = ['A', 'B'].map((name) =>
      env.emulator.seed.deal(env.portal.portalId, { properties: { dealname: name } }),
    );
    const ok = await client.crm.deals.batchApi.read({
      inputs: ids.map((id) => ({ id })),
      properties: ['dealname'],
      propertiesWithHistory: [],
    });
    expect(ok.results.map((deal) => deal.properties.dealname).sort()).toEqual(['A', 'B']);

    const partial = await client.crm.deals.batchApi.read({
      inputs: [{ id: ids[0] ?? '' }, { id: '12345' }],
      properties: [],
      propertiesWithHistory: [],
    });
    expect(partial.results).toHaveLength(1);
    expect(partial).toMatchObject({
      numErrors: 1,
      errors: [{ category: 'OBJECT_NOT_FOUND', context: { ids: ['12345'] } }],
    });

    const tooMany = Array.from({ length: 101 }, (_, index) => ({ id: String(index + 1) }));
    const error = await failure(
      client.crm.deals.batchApi.read({
        inputs: tooMany,
        properties: [],
        propertiesWithHistory: [],
      }),
    );
    expect(error.code).toBe(400);
    expectHubSpotError(error.body, 'VALIDATION_ERROR');
  });

  it('when batch updating, then all inputs change together, and one invalid value refuses the whole batch', async () => {
    const client = env.client();
    const [a = '', b = ''] = ['A', 'B'].map((name) =>
      env.emulator.seed.deal(env.portal.portalId, { properties: { dealname: name } }),
    );
    const updated = await client.crm.deals.batchApi.update({
      inputs: [
        { id: a, properties: { amount: '10' } },
        { id: b, properties: { amount: '20' } },
      ],
    });
    expect(updated.results.map((deal) => deal.properties.amount).sort()).toEqual(['10', '20']);

    const refused = await failure(
      client.crm.deals.batchApi.update({
        inputs: [
          { id: a, properties: { amount: '11' } },
          { id: b, properties: { amount: 'x' } },
        ],
      }),
    );
    expect(refused.code).toBe(400);
    const check = await client.crm.deals.batchApi.read({
      inputs: [{ id: a }],
      properties: ['amount'],
      propertiesWithHistory: [],
    });
    expect(check.results[0]?.properties.amount).toBe('10');

    const tooMany = Array.from({ length: 101 }, () => ({ id: a, properties: { amount: '1' } }));
    expect((await failure(client.crm.deals.batchApi.update({ inputs: tooMany }))).code).toBe(400);
  });

  it('when listing companies, then pages of `limit` follow the after cursor', async () => {
    for (const name of ['C1', 'C2', 'C3'])
      env.emulator.seed.company(env.portal.portalId, { name, domain: `${name}.example` });
    const client = env.client();
    const first = await client.crm.companies.basicApi.getPage(2, undefined, ['name']);
    expect(first.results.map((company) => company.properties.name)).toEqual(['C1', 'C2']);
    const second = await client.crm.companies.basicApi.getPage(2, first.paging?.next?.after, [
      'name',
    ]);
    expect(second.results.map((company) => company.properties.name)).toEqual(['C3']);
    expect(second.paging).toBeUndefined();
  });
});
