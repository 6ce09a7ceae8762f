import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/objects/notes/index.js';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/objects/tasks/index.js';
import {
  PropertyCreateTypeEnum,
  PropertyCreateFieldTypeEnum,
} from '@hubspot/api-client/lib/codegen/crm/properties/index.js';
import { expectHubSpotError, failure, setup, START, type Setup } from './helpers.js';

let env: Setup;
beforeEach(async () => {
  env = await setup();
});
afterEach(async () => {
  await env.emulator.close();
});

const HUBSPOT_DEFINED = AssociationSpecAssociationCategoryEnum.HubspotDefined;

describe('associations, properties, pipelines, owners, notes and tasks', () => {
  it('when a deal is linked to companies, then v4 lists them both ways and batch read returns them per deal', async () => {
    const { seed } = env.emulator;
    const portalId = env.portal.portalId;
    const acme = seed.company(portalId, { name: 'Acme' });
    const globex = seed.company(portalId, { name: 'Globex' });
    const deal = seed.deal(portalId, { companyIds: [acme] });
    const lonely = seed.deal(portalId);
    const client = env.client();
    await client.crm.associations.v4.basicApi.createDefault('deals', deal, 'companies', globex);

    const page = await client.crm.associations.v4.basicApi.getPage('deals', deal, 'companies');
    expect(
      page.results.map((entry) => [entry.toObjectId, entry.associationTypes[0]?.typeId]),
    ).toEqual([
      [Number(acme), 5],
      [Number(globex), 5],
    ]);
    const back = await client.crm.associations.v4.basicApi.getPage('companies', acme, 'deals');
    expect(back.results.map((entry) => entry.toObjectId)).toEqual([Number(deal)]);

    const batch = await client.crm.associations.v4.batchApi.getPage('deals', 'companies', {
      inputs: [{ id: deal }, { id: lonely }],
    });
    expect(batch.results.map((entry) => [entry._from.id, entry.to.length])).toEqual([
      [deal, 2],
      [lonely, 0],
    ]);
  });

  it('when a custom property and group are created, then they are listed, usable on deals, and duplicates are 409', async () => {
    const properties = env.client().crm.properties;
    await properties.groupsApi.create('deals', {
      name: 'handoff',
      label: 'Handoff',
      displayOrder: 1,
    });
    const groups = await properties.groupsApi.getAll('deals');
    expect(groups.results.map((group) => group.name)).toContain('handoff');

    const definition = {
      name: 'handoff_sla_status',
      label: 'SLA status',
      type: PropertyCreateTypeEnum.String,
      fieldType: PropertyCreateFieldTypeEnum.Text,
      groupName: 'handoff',
    };
    const created = await properties.coreApi.create('deals', definition);
    expect(created).toMatchObject({
      name: 'handoff_sla_status',
      groupName: 'handoff',
      type: 'string',
    });
    const all = await properties.coreApi.getAll('deals');
    expect(all.results.map((property) => property.name)).toEqual(
      expect.arrayContaining(['dealstage', 'hs_v2_date_entered_closedwon', 'handoff_sla_status']),
    );

    const duplicate = await failure(properties.coreApi.create('deals', definition));
    expect(duplicate.code).toBe(409);
    expectHubSpotError(duplicate.body, 'OBJECT_ALREADY_EXISTS');
    const badGroup = await failure(
      properties.coreApi.create('deals', { ...definition, name: 'other', groupName: 'missing' }),
    );
    expect(badGroup.code).toBe(400);

    const deal = await env.client().crm.deals.basicApi.create({
      properties: { handoff_sla_status: 'at_risk' },
      associations: [],
    });
    expect(
      (await env.client().crm.deals.basicApi.getById(deal.id, ['handoff_sla_status'])).properties
        .handoff_sla_status,
    ).toBe('at_risk');
  });

  it('when pipelines are read, then the default pipeline and a seeded one come with ordered stages', async () => {
    env.emulator.seed.pipeline(env.portal.portalId, {
      id: 'onboarding',
      label: 'Onboarding',
      stages: [
        { id: 'kickoff', label: 'Kickoff' },
        { id: 'live', label: 'Live', metadata: { isClosed: 'true', probability: '1.0' } },
      ],
    });
    const pipelines = env.client().crm.pipelines;
    const all = await pipelines.pipelinesApi.getAll('deals');
    expect(all.results.map((pipeline) => pipeline.id)).toEqual(['default', 'onboarding']);
    expect(all.results[0]?.stages.map((stage) => stage.id)).toContain('closedwon');
    const stages = await pipelines.pipelineStagesApi.getAll('deals', 'onboarding');
    expect(
      stages.results.map((stage) => [stage.id, stage.displayOrder, stage.metadata?.isClosed]),
    ).toEqual([
      ['kickoff', 0, 'false'],
      ['live', 1, 'true'],
    ]);
    expect((await failure(pipelines.pipelinesApi.getById('deals', 'nope'))).code).toBe(404);
    // A deal in the seeded pipeline must use its stages.
    const wrong = await failure(
      env.client().crm.deals.basicApi.create({
        properties: { pipeline: 'onboarding', dealstage: 'closedwon' },
        associations: [],
      }),
    );
    expect(wrong.code).toBe(400);
  });

  it('when owners are read, then each carries its teams with one primary, and email filters', async () => {
    const portalId = env.portal.portalId;
    env.emulator.seed.owner(portalId, {
      email: 'rep@acme.example',
      firstName: 'Rae',
      teams: [{ name: 'Sales' }],
    });
    env.emulator.seed.owner(portalId, {
      email: 'csm@acme.example',
      teams: [{ name: 'Sales' }, { name: 'Customer Success', primary: true }],
    });
    const owners = env.client().crm.owners.ownersApi;
    const page = await owners.getPage();
    expect(page.results).toHaveLength(2);
    const [rep, csm] = page.results;
    expect(rep?.teams).toEqual([{ id: expect.any(String), name: 'Sales', primary: true }]);
    expect(csm?.teams?.map((team) => [team.name, team.primary])).toEqual([
      ['Sales', false],
      ['Customer Success', true],
    ]);
    expect(csm?.teams?.[0]?.id).toBe(rep?.teams?.[0]?.id);
    const byEmail = await owners.getPage('csm@acme.example');
    expect(byEmail.results.map((owner) => owner.id)).toEqual([csm?.id]);
    const byUser = await owners.getById(Number(csm?.userId), 'userId');
    expect(byUser.id).toBe(csm?.id);
  });

  it('when a note and a task are created with associations, then the deal lists them and the task is found by a custom key', async () => {
    const portalId = env.portal.portalId;
    const deal = env.emulator.seed.deal(portalId);
    const client = env.client();
    await client.crm.properties.coreApi.create('tasks', {
      name: 'handoff_idempotency_key',
      label: 'Idempotency key',
      type: PropertyCreateTypeEnum.String,
      fieldType: PropertyCreateFieldTypeEnum.Text,
      groupName: 'engagement',
      hasUniqueValue: false,
    });
    const note = await client.crm.objects.notes.basicApi.create({
      properties: { hs_timestamp: String(START), hs_note_body: 'Handoff submitted' },
      associations: [
        {
          to: { id: deal },
          types: [{ associationCategory: HUBSPOT_DEFINED, associationTypeId: 214 }],
        },
      ],
    });
    const task = await client.crm.objects.tasks.basicApi.create({
      properties: {
        hs_timestamp: String(START),
        hs_task_subject: 'Accept the handoff',
        handoff_idempotency_key: 'esc-1',
      },
      associations: [
        {
          to: { id: deal },
          types: [{ associationCategory: HUBSPOT_DEFINED, associationTypeId: 216 }],
        },
      ],
    });
    const notes = await client.crm.associations.v4.basicApi.getPage('deals', deal, 'notes');
    expect(notes.results.map((entry) => String(entry.toObjectId))).toEqual([note.id]);
    const tasks = await client.crm.associations.v4.basicApi.getPage('deals', deal, 'tasks');
    expect(tasks.results.map((entry) => String(entry.toObjectId))).toEqual([task.id]);

    const found = await client.crm.objects.tasks.searchApi.doSearch({
      filterGroups: [
        {
          filters: [
            {
              propertyName: 'handoff_idempotency_key',
              operator: FilterOperatorEnum.Eq,
              value: 'esc-1',
            },
          ],
        },
      ],
      properties: ['hs_task_subject'],
    });
    expect(found.results.map((entry) => [entry.id, entry.properties.hs_task_subject])).toEqual([
      [task.id, 'Accept the handoff'],
    ]);
  });

  it('when an engagement lacks hs_timestamp or targets a missing record, then 400', async () => {
    const client = env.client();
    expect(
      (
        await failure(
          client.crm.objects.notes.basicApi.create({
            properties: { hs_note_body: 'x' },
            associations: [],
          }),
        )
      ).code,
    ).toBe(400);
    const missingTarget = await failure(
      client.crm.objects.notes.basicApi.create({
        properties: { hs_timestamp: String(START) },
        associations: [
          {
            to: { id: '424242' },
            types: [{ associationCategory: HUBSPOT_DEFINED, associationTypeId: 214 }],
          },
        ],
      }),
    );
    expect(missingTarget.code).toBe(400);
    expectHubSpotError(missingTarget.body, 'VALIDATION_ERROR');
  });
});
