import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../../shared/fixtures.js';
import {
  buildSnapshot,
  errorSentences,
  evaluateRecord,
  panelModel,
  peopleOf,
  missingHandoffs,
  planAction,
  readPlaybook,
  stageLabels,
  stageOf,
  viewerFrom,
} from '../../../../salesforce-package/scripts/handoff-core/entry.js';
import { parseValue } from '../../../../salesforce-package/scripts/handoff-core/snapshot.js';
import type { UiRecord } from '../../../../salesforce-package/scripts/handoff-core/records.js';

const playbook = defaultPlaybook();
const f = (value: unknown) => ({ value });
const opportunity = {
  id: '006A',
  fields: { StageName: f('Closed Won'), AccountId: f('001A'), Amount: f(10), ARR__c: f(5) },
};
const header = (status: string) => ({
  id: 'a01A',
  fields: {
    Handoff_Id__c: f('sales_to_cs'),
    Record_Key__c: f('006A:sales_to_cs'),
    Status__c: f(status),
    Version__c: f(2),
    Submitted_At__c: f(status === 'submitted' ? '2026-11-20T14:00:00.000Z' : null),
    Submitted_By__c: f('005B'),
  },
});
const now = Date.parse('2026-11-21T10:00:00.000Z');

describe('the Salesforce adapter in c/handoffCore', () => {
  it('maps StageName to the playbook stage; an unmapped name passes through for the core to report', () => {
    expect(stageOf(playbook, 'Needs Analysis')).toBe('qualified');
    expect(stageOf(playbook, 'Nope')).toBe('Nope');
  });

  it('reads the viewer’s roles from the Handoff roles on their User record: only ids the playbook declares', () => {
    expect(viewerFrom('005A', 'sdr;sales_rep', playbook)).toEqual({
      userId: '005A',
      roles: ['sdr', 'sales_rep'],
    });
    expect(viewerFrom('005A', 'cs_manager;retired_role', playbook).roles).toEqual(['cs_manager']);
    expect(viewerFrom('005A', null, playbook).roles).toEqual([]);
    expect(viewerFrom('005A', '', playbook).roles).toEqual([]);
    // A renamed role drives the panel as soon as the playbook and the User record say it.
    const renamed = { roles: { closer: { label: 'Closer' } } };
    expect(viewerFrom('005A', 'closer;sales_rep', renamed).roles).toEqual(['closer']);
  });

  it('reads item values stored as text by the item kind', () => {
    expect(parseValue('check', 'true')).toBe(true);
    expect(parseValue('number', '12.5')).toBe(12.5);
    expect(parseValue('number', 'x')).toBeNull();
    expect(parseValue('date', '2027-01-01')).toBe('2027-01-01');
    expect(parseValue('text', undefined)).toBeNull();
  });

  it('builds the snapshot from LDS records: fields by logical name, handoff state and rebuilt history', () => {
    const snapshot = buildSnapshot(playbook, {
      opportunity,
      handoffs: [header('submitted')],
      items: {},
    });
    expect(snapshot.stage).toBe('closed_won');
    expect(snapshot.fields.amount).toBe(10);
    expect(snapshot.handoffs.sales_to_cs).toMatchObject({ status: 'submitted', version: 2 });
    expect(snapshot.handoffs.sales_to_cs?.events.map((e) => e.type)).toEqual(['submitted']);
  });

  it('plans the missing header once per open handoff and never for one that exists', () => {
    const missing = missingHandoffs(playbook, ['sales_to_cs'], opportunity, []);
    expect(missing).toHaveLength(1);
    expect(missing[0]?.fields.Record_Key__c).toBe('006A:sales_to_cs');
    expect(
      missingHandoffs(playbook, ['sales_to_cs'], opportunity, [header('in_progress')]),
    ).toEqual([]);
  });

  it("refuses what the core refuses, with the core's sentence, before anything is written", () => {
    const snapshot = buildSnapshot(playbook, {
      opportunity,
      handoffs: [header('submitted')],
      items: {},
    });
    const plan = planAction(
      {
        playbook,
        snapshot,
        viewer: viewerFrom('005C', 'sales_rep', playbook),
        now,
        header: header('submitted'),
        rows: [],
        actionId: 'a1',
      },
      { type: 'accept' },
    );
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.message).toMatch(/\w+/);
  });

  it("writes the accept SLA's outcome with the acceptance: met, stopped now, 180 business minutes", () => {
    const snapshot = buildSnapshot(playbook, {
      opportunity,
      handoffs: [header('submitted')],
      items: {},
    });
    // Submitted Friday 09:00 New York, accepted 12:00 the same day: 3 of the SLA's 8 business hours.
    const noon = Date.parse('2026-11-20T17:00:00.000Z');
    const plan = planAction(
      {
        playbook,
        snapshot,
        viewer: viewerFrom('005C', 'cs_manager', playbook),
        now: noon,
        header: header('submitted'),
        rows: [],
        actionId: 'a2',
      },
      { type: 'accept' },
    );
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.writes.handoff?.fields).toMatchObject({
      Status__c: 'accepted',
      Accepted_At__c: '2026-11-20T17:00:00.000Z',
      SLA_Id__c: 'cs_accepts_won_deal',
      SLA_Outcome__c: 'met',
      SLA_Completed_At__c: '2026-11-20T17:00:00.000Z',
      Business_Minutes_To_Accept__c: 180,
    });
  });

  it('turns LDS errors into sentences, duplicates into a reload notice', () => {
    expect(
      errorSentences({
        body: {
          output: {
            errors: [{ errorCode: 'DUPLICATE_VALUE', message: 'duplicate value found' }],
            fieldErrors: { Status__c: [{ message: 'Choose a reason.' }] },
          },
        },
      }),
    ).toEqual(['Someone else just created this; the panel reloads it.', 'Choose a reason.']);
    expect(errorSentences(new Error('Network down'))).toEqual(['Network down']);
    expect(errorSentences(undefined)).toEqual([
      'Something went wrong. Reload the page and try again.',
    ]);
  });

  it('reads the stored playbook as JSON and says so when it is not', () => {
    expect(readPlaybook(JSON.stringify(playbook)).ok).toBe(true);
    const yaml = readPlaybook('name: x');
    expect(yaml.ok).toBe(false);
    if (!yaml.ok) expect(yaml.issues[0]?.message).toContain('not valid JSON');
  });

  it("labels stages by the org's StageName labels; without picklist data, it leaves the playbook's names", () => {
    const picklist = {
      values: [
        { value: 'Qualification', label: 'Qualifizierung' },
        { value: 'Needs Analysis', label: 'Bedarfsanalyse' },
        { value: 'Unmapped', label: 'Sonstiges' },
      ],
    };
    expect(stageLabels(playbook, picklist, 'Needs Analysis')).toEqual({
      stages: { qualified: 'Qualifizierung / Bedarfsanalyse' },
      current: 'Bedarfsanalyse',
    });
    expect(stageLabels(playbook, picklist, 'Gone')).toEqual({
      stages: { qualified: 'Qualifizierung / Bedarfsanalyse' },
    });
    expect(stageLabels(playbook, undefined, 'Needs Analysis')).toBeUndefined();
    expect(stageLabels(playbook, {}, 'Needs Analysis')).toBeUndefined();
  });

  describe('names the people the headers and items mention', () => {
    // The UI API nests the parent's Record representation under the relationship; GraphQL nests its fields.
    const user = (id: string, name: string) => ({
      displayValue: name,
      value: { apiName: 'User', id, fields: { Name: { value: name, displayValue: null } } },
    });
    const accepted = {
      id: 'a01A',
      fields: {
        Handoff_Id__c: f('sales_to_cs'),
        Status__c: f('accepted'),
        Version__c: f(3),
        Submitted_By__c: f('005REP'),
        Submitted_At__c: f('2026-11-20T14:00:00.000Z'),
        Submitted_By__r: user('005REP', 'Riley Rep'),
        Accepted_By__c: f('005CSM'),
        Accepted_At__c: f('2026-11-20T15:00:00.000Z'),
        Accepted_By__r: user('005CSM', 'Casey Manager'),
        Assigned_CSM__c: f('005NEW'),
        Assigned_CSM__r: user('005NEW', 'Noor Success'),
        // A lookup the viewer may not follow comes back without the relationship (optionalFields).
        Rejected_By__c: f('005OLD'),
      },
    };
    // GraphQL nodes as graphNodes hands them on: a relationship is not a `{ value }` field.
    const rows: Record<string, UiRecord[]> = {
      a01A: [
        {
          id: 'a02A',
          fields: {
            Handoff__c: f('a01A'),
            Item_Id__c: f('champion'),
            Value__c: f('Dana Diaz'),
            Done__c: f(true),
            Done_By__c: f('005REP'),
            Done_At__c: f('2026-11-20T13:00:00.000Z'),
            Done_By__r: { Name: { value: 'Riley Rep' } },
          },
        },
        {
          id: 'a02B',
          fields: {
            Handoff__c: f('a01A'),
            Item_Id__c: f('promises'),
            Value__c: f('None'),
            Done__c: f(true),
            Done_By__c: f('005CSM'),
            Done_At__c: f('2026-11-20T13:30:00.000Z'),
            Done_By__r: null,
          },
        },
      ] as unknown as UiRecord[],
    };

    it('when the relationships carry names, then people maps each user id to its name, in both shapes', () => {
      expect(peopleOf([accepted], rows)).toEqual({
        '005REP': 'Riley Rep',
        '005CSM': 'Casey Manager',
        '005NEW': 'Noor Success',
      });
      expect(peopleOf([header('submitted')], {})).toEqual({});
    });

    it('when the view carries them, then milestones, history and items say who, "you" for the viewer', () => {
      const snapshot = buildSnapshot(playbook, {
        opportunity,
        handoffs: [accepted],
        items: rows,
      });
      const render = (userId: string, people: Record<string, string>) => {
        const view = evaluateRecord(playbook, snapshot, { userId, roles: [] }, now);
        return panelModel({ ...view, people }, 'UTC').handoffs[0];
      };
      const named = render('005CSM', peopleOf([accepted], rows));
      // The viewer reads UTC, the playbook's calendar is New York's: the zone is named.
      expect(named?.milestones.map((m) => m.text)).toEqual([
        'Submitted by Riley Rep on Nov 20, 2026, 2:00 PM UTC',
        'Accepted by you on Nov 20, 2026, 3:00 PM UTC; CSM: Noor Success',
      ]);
      expect(named?.history.map((e) => e.text)).toEqual([
        'Nov 20, 2026, 2:00 PM UTC — Submitted by Riley Rep',
        'Nov 20, 2026, 3:00 PM UTC — Accepted by you',
      ]);
      const done = (id: string) => named?.items.find((i) => i.id === id)?.doneText;
      expect(done('champion')).toBe('Done by Riley Rep on Nov 20, 2026, 1:00 PM UTC');
      expect(done('promises')).toBe('Done by you on Nov 20, 2026, 1:30 PM UTC');
      // No names read: the times alone, as before.
      const bare = render('005X', {});
      expect(bare?.milestones.map((m) => m.text)).toEqual([
        'Submitted on Nov 20, 2026, 2:00 PM UTC',
        'Accepted on Nov 20, 2026, 3:00 PM UTC; CSM: assigned',
      ]);
      expect(bare?.history[0]?.text).toBe('Nov 20, 2026, 2:00 PM UTC — Submitted');
    });
  });
});
