// The emulator enforces object permissions, field-level security and sharing (access.ts) as an org
// with Opportunity Private does: a handoff is seen by exactly those who see its opportunity (the
// owner, users above the owner's role, View All), through REST, SOQL, UI API and GraphQL alike; the
// package's rules then refuse the rep-side forgeries of issue 17 (items 15–19) through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../sandbox/emulators/plumbing/clock.js';
import {
  startSalesforceEmulator,
  type SalesforceEmulator,
} from '../../../../sandbox/emulators/salesforce/index.js';
import {
  defaultPlaybook,
  packageCustomFields,
  packageObjects,
  packageValidation,
} from '../../../../sandbox/server/salesforce/package.js';

const VERSION = '66.0';
const START = Date.UTC(2026, 10, 17, 16);
const NOW = new Date(START).toISOString();
type Who = 'owner' | 'other' | 'manager' | 'admin' | 'tools' | 'nobody' | 'selfEditor';

describe('the Salesforce emulator’s sharing, object permissions and field-level security', () => {
  let sf: SalesforceEmulator;
  const users = {} as Record<Who, string>;
  const tokens = {} as Record<Who, string>;
  let opportunity = '';
  let handoff = '';

  async function call(as: Who, method: string, path: string, body?: unknown) {
    const response = await fetch(`${sf.url}/services/data/v${VERSION}/${path}`, {
      method,
      headers: {
        authorization: `Bearer ${tokens[as]}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
  }
  const soql = async (as: Who, q: string) =>
    call(as, 'GET', `query?q=${encodeURIComponent(q)}`) as Promise<{
      status: number;
      body: { records?: unknown[] } | { errorCode: string }[];
    }>;
  const graphql = async (as: Who, query: string, variables: Record<string, unknown> = {}) =>
    (await call(as, 'POST', 'graphql', { query, variables })).body as {
      data: { uiapi: { query: Record<string, { edges: unknown[] }> } } | null;
      errors: { message: string }[];
    };

  beforeAll(async () => {
    const clock = new ManualClock(START);
    sf = await startSalesforceEmulator({
      clock,
      apiVersion: VERSION,
      customObjects: packageObjects(''),
      customFields: packageCustomFields(defaultPlaybook(), ''),
      validation: packageValidation(undefined, ''),
      access: {
        organizationWideDefaults: { Opportunity: 'Private' },
        // Made by the org's admin, not packaged: the tools' user reads every opportunity.
        permissionSets: [
          {
            name: 'Tools_View_All_Opportunities',
            objects: {
              Opportunity: { create: false, read: true, edit: false, delete: false, viewAll: true },
            },
          },
          {
            name: 'Edit_Own_Handoff_Roles',
            fields: { 'User.Handoff_Roles__c': 'edit' },
          },
        ],
      },
    });
    // The sales role reports to the manager's role.
    const managerRole = sf.seed.record('UserRole', { Name: 'Sales manager' });
    const salesRole = sf.seed.record('UserRole', { Name: 'Sales rep', ParentRoleId: managerRole });
    const person = (key: Who, roles: string | null, role?: string) => {
      users[key] = sf.seed.user({
        Username: `${key}@example.com`,
        Name: key,
        Handoff_Roles__c: roles,
        ...(role ? { UserRoleId: role } : {}),
      });
    };
    person('owner', 'sales_rep', salesRole);
    person('other', 'sales_rep', salesRole);
    person('manager', 'sales_rep', managerRole);
    person('admin', 'admin');
    person('tools', null);
    person('nobody', null);
    person('selfEditor', 'sales_rep');
    sf.seed.permissionSet('Handoff_User', [
      users.owner,
      users.other,
      users.manager,
      users.selfEditor,
    ]);
    sf.seed.permissionSet('Handoff_Admin', [users.admin, users.tools]);
    sf.seed.permissionSet('Tools_View_All_Opportunities', [users.tools]);
    sf.seed.permissionSet('Edit_Own_Handoff_Roles', [users.selfEditor]);
    for (const key of Object.keys(users) as Who[])
      tokens[key] = sf.issueToken(`${key}@example.com`);
    opportunity = sf.seed.opportunity(
      {
        Name: 'Globex rollout',
        StageName: 'Closed Won',
        CloseDate: '2026-11-16',
        OwnerId: users.owner,
      },
      [{ stage: 'Closed Won', at: START - 86_400_000 }],
    );
    handoff = sf.seed.record('Handoff__c', {
      Opportunity__c: opportunity,
      Handoff_Id__c: 'sales_to_cs',
      Record_Key__c: `${opportunity}:sales_to_cs`,
      Status__c: 'in_progress',
      Version__c: 1,
      Required_Items__c: 8,
    });
    sf.seed.record('Handoff_Escalation__c', {
      Escalation_Key__c: `${opportunity}:cs_accepts_won_deal:0`,
      Opportunity__c: opportunity,
      OwnerId: users.tools,
    });
    sf.seed.record('Handoff_Playbook__c', {
      Name: 'Default',
      Active__c: true,
      Playbook_Text__c: '{}',
      OwnerId: users.admin,
    });
  }, 60_000);
  afterAll(async () => {
    await sf?.close();
  });

  it('when a rep who cannot see the opportunity reads its handoff through REST, SOQL, UI API or GraphQL, then nothing comes back', async () => {
    expect((await call('other', 'GET', `sobjects/Handoff__c/${handoff}`)).status).toBe(404);
    expect((await call('other', 'GET', `sobjects/Opportunity/${opportunity}`)).status).toBe(404);
    const rows = await soql('other', 'SELECT Id, Status__c FROM Handoff__c');
    expect(rows.body).toMatchObject({ records: [] });
    const withParent = await soql(
      'other',
      'SELECT Id, (SELECT Id FROM Handoffs__r) FROM Opportunity',
    );
    expect(withParent.body).toMatchObject({ records: [] });
    expect(
      (await call('other', 'GET', `ui-api/records/${handoff}?fields=Handoff__c.Status__c`)).status,
    ).toBe(404);
    expect(
      (
        await call(
          'other',
          'GET',
          `ui-api/related-list-records/${opportunity}/Handoffs__r?fields=Handoff__c.Status__c`,
        )
      ).status,
    ).toBe(404);
    const graph = await graphql(
      'other',
      `
        query h($id: ID) {
          uiapi {
            query {
              Handoff__c(where: { Opportunity__c: { eq: $id } }) {
                edges {
                  node {
                    Id
                  }
                }
              }
            }
          }
        }
      `,
      { id: opportunity },
    );
    expect(graph.data?.uiapi.query.Handoff__c?.edges).toEqual([]);
    // Nor may they write to it.
    const write = await call('other', 'PATCH', `sobjects/Handoff__c/${handoff}`, {
      Assigned_CSM__c: users.other,
    });
    expect(write.status).toBe(404);
  });

  it('when the owner, a manager above the owner’s role or the tools’ user (View All) read it, then they see it', async () => {
    for (const who of ['owner', 'manager', 'tools'] as const) {
      const rows = await soql(who, 'SELECT Id, Status__c FROM Handoff__c');
      expect(rows.body).toMatchObject({ records: [{ Id: handoff, Status__c: 'in_progress' }] });
      const record = await call(
        who,
        'GET',
        `ui-api/records/${handoff}?fields=Handoff__c.Status__c`,
      );
      expect(record.status).toBe(200);
      const graph = await graphql(
        who,
        `
          query {
            uiapi {
              query {
                Handoff__c {
                  edges {
                    node {
                      Id
                      Status__c {
                        value
                      }
                    }
                  }
                }
              }
            }
          }
        `,
      );
      expect(graph.data?.uiapi.query.Handoff__c?.edges).toHaveLength(1);
    }
  });

  it('when someone without the Handoff permission sets queries handoffs, then the object does not exist for them', async () => {
    const rows = await soql('nobody', 'SELECT Id FROM Handoff__c');
    expect(rows.status).toBe(400);
    expect((rows.body as { errorCode: string }[])[0]?.errorCode).toBe('INVALID_TYPE');
    const graph = await graphql(
      'nobody',
      `
        query {
          uiapi {
            query {
              Handoff__c {
                edges {
                  node {
                    Id
                  }
                }
              }
            }
          }
        }
      `,
    );
    expect(graph.errors[0]?.message).toContain('Handoff__c');
  });

  it('when a rep writes a field their field-level security makes read-only (SLA status), then it is refused', async () => {
    const write = await call('owner', 'PATCH', `sobjects/Handoff__c/${handoff}`, {
      SLA_Status__c: 'met',
    });
    expect(write.status).toBe(400);
    expect(write.body).toMatchObject([{ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE' }]);
  });

  it('when a rep reads escalations (Private, owned by the tools) or edits the playbook (Public Read Only), then they see no escalation and may not edit', async () => {
    expect((await soql('owner', 'SELECT Id FROM Handoff_Escalation__c')).body).toMatchObject({
      records: [],
    });
    expect((await soql('admin', 'SELECT Id FROM Handoff_Escalation__c')).body).toMatchObject({
      records: [{}],
    });
    const playbook = (await soql('owner', 'SELECT Id, Active__c FROM Handoff_Playbook__c'))
      .body as { records: { Id: string }[] };
    expect(playbook.records).toHaveLength(1);
    const id = playbook.records[0]?.Id ?? '';
    const edit = await call('owner', 'PATCH', `sobjects/Handoff_Playbook__c/${id}`, {
      Name: 'Mine now',
    });
    expect(edit.status).toBe(400);
    expect(edit.body).toMatchObject([{ errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY' }]);
    expect(
      (await call('admin', 'PATCH', `sobjects/Handoff_Playbook__c/${id}`, { Name: 'Default 2' }))
        .status,
    ).toBe(204);
  });

  it('when a user whose profile lets them edit their own Handoff roles adds cs_manager, then the User rule refuses it (item 17)', async () => {
    const promote = await call('selfEditor', 'PATCH', `sobjects/User/${users.selfEditor}`, {
      Handoff_Roles__c: 'sales_rep;cs_manager',
    });
    expect(promote.status).toBe(400);
    expect(promote.body).toMatchObject([
      {
        errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
        message: 'Changing Handoff roles needs the Handoff Admin Config permission.',
      },
    ]);
    // Without even the field's edit access, field-level security stops it first.
    const plain = await call('owner', 'PATCH', `sobjects/User/${users.owner}`, {
      Handoff_Roles__c: 'cs_manager',
    });
    expect(plain.body).toMatchObject([{ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE' }]);
  });

  describe('a rep forging a submission through the API (items 15, 16, 19)', () => {
    let forged = '';

    it('when a rep creates a header with Required_Items__c = 0 or a second header for the same opportunity and handoff, then it is refused', async () => {
      const header = {
        Opportunity__c: opportunity,
        Handoff_Id__c: 'sales_to_cs',
        Record_Key__c: `${opportunity}:sales_to_cs`,
        Status__c: 'not_started',
        Version__c: 0,
        Required_Items__c: 8,
      };
      const zero = await call('owner', 'POST', 'sobjects/Handoff__c', {
        ...header,
        Record_Key__c: `${opportunity}:sales_to_cs:again`,
        Required_Items__c: 0,
      });
      expect(zero.status).toBe(400);
      expect(JSON.stringify(zero.body)).toContain('Required items must be');
      const duplicate = await call('owner', 'POST', 'sobjects/Handoff__c', header);
      expect(duplicate.body).toMatchObject([{ errorCode: 'DUPLICATE_VALUE' }]);
      const unknown = await call('owner', 'POST', 'sobjects/Handoff__c', {
        ...header,
        Handoff_Id__c: 'invented',
        Record_Key__c: `${opportunity}:invented`,
      });
      expect(JSON.stringify(unknown.body)).toContain('This handoff is not in the playbook');
      forged = handoff;
    });

    it('when a rep invents required items marked done with no value, then each is refused, and the submit with them', async () => {
      const invented = await call('owner', 'POST', 'sobjects/Handoff_Item__c', {
        Handoff__c: forged,
        Item_Id__c: 'customer_goals',
        Item_Key__c: `${opportunity}:sales_to_cs:customer_goals`,
        Required__c: true,
        Done__c: true,
        Done_By__c: users.owner,
        Done_At__c: NOW,
      });
      expect(invented.status).toBe(400);
      expect(JSON.stringify(invented.body)).toContain('marked done only with an answer');
      const fake = await call('owner', 'POST', 'sobjects/Handoff_Item__c', {
        Handoff__c: forged,
        Item_Id__c: 'fake_1',
        Item_Key__c: `${opportunity}:sales_to_cs:fake_1`,
        Required__c: true,
      });
      expect(JSON.stringify(fake.body)).toContain('is not an item of');
      const submit = await call('owner', 'PATCH', `sobjects/Handoff__c/${forged}`, {
        Status__c: 'submitted',
        Action__c: 'submit',
        Action_Id__c: 'forged-submit',
        Version__c: 2,
        Submitted_By__c: users.owner,
        Submitted_At__c: NOW,
      });
      expect(submit.status).toBe(400);
      expect(JSON.stringify(submit.body)).toContain('required checklist items are still to do');
    });

    it('when a rep names someone else or dates it 2099, then the submission is refused', async () => {
      const submit = (by: string, at: string) =>
        call('owner', 'PATCH', `sobjects/Handoff__c/${forged}`, {
          Status__c: 'submitted',
          Action__c: 'submit',
          Action_Id__c: `forged-${at}`,
          Version__c: 2,
          Submitted_By__c: by,
          Submitted_At__c: at,
        });
      expect(JSON.stringify((await submit(users.other, NOW)).body)).toContain(
        'must record that you made it',
      );
      expect(
        JSON.stringify((await submit(users.owner, '2099-01-01T00:00:00.000Z')).body),
      ).toContain('must record that you made it');
    });

    it('when the rejection comment or the version is edited with no action, then it is refused', async () => {
      const comment = await call('owner', 'PATCH', `sobjects/Handoff__c/${forged}`, {
        Rejection_Comment__c: 'All fine really',
      });
      expect(JSON.stringify(comment.body)).toContain('not by editing its status');
      const version = await call('owner', 'PATCH', `sobjects/Handoff__c/${forged}`, {
        Version__c: 40,
      });
      expect(JSON.stringify(version.body)).toContain('not by editing its status');
    });
  });
});
