// The Lead side of the tools against the emulator through jsforce: the Lead scan query reads each
// candidate Lead with its Status history, its completed Tasks and its Events, and the adapter turns
// it into the core's contact snapshot, so speed to lead stops at the first sales touch; the scan
// escalates Leads exactly once; a converted Lead's handoff stays readable from its deal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRecord, type RecordView } from '@handoff/shared';
import { candidateLeadStatuses } from '../../../salesforce-package/tools/candidates.js';
import { orgNames } from '../../../salesforce-package/tools/names.js';
import { connect } from '../../../salesforce-package/tools/auth.js';
import {
  convertedLeadHandoffsQuery,
  leadScanQuery,
} from '../../../salesforce-package/tools/read.js';
import { scan } from '../../../salesforce-package/tools/scan.js';
import { leadSnapshot, type SfRecord } from '../../../salesforce-package/tools/snapshot.js';
import { defaultPlaybook } from '../../shared/fixtures.js';
import { API_VERSION, orgApi, startTestOrg, type TestOrg } from './org.js';

const playbook = defaultPlaybook();
const names = orgNames();
// New York is on EST (UTC−5) until 8 March 2026; business hours 09:00–17:00 on weekdays.
const at = (day: number, hourUtc: number) => Date.UTC(2026, 2, day, hourUtc);
const MQL = at(3, 15); // Tue 3 March, 10:00 New York
const NOW = at(4, 18); // Wed 4 March, 13:00 New York: 11 business hours after the MQL

let org: TestOrg;
let leads: Map<string, SfRecord>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  org = await startTestOrg({ start: NOW });
  ids.sdr = org.seed.user({ Username: 'sdr@example.com', Handoff_Roles__c: 'sdr' });
  const person = (name: string, extra: Record<string, unknown> = {}) =>
    org.seed.lead({ LastName: name, Name: name, Company: 'Acme', Title: 'CFO', ...extra }, [
      { status: 'Open - Not Contacted', at: at(2, 14) },
      { status: 'Marketing Qualified', at: MQL },
    ]);
  ids.called = person('Called');
  ids.met = person('Met');
  ids.waiting = person('Waiting');
  ids.bare = org.seed.lead({ LastName: 'Bare' }, [{ status: 'Open - Not Contacted', at: MQL }]);
  // Converted while its Status still reads as an MQL: IsConverted alone keeps it out of the scan.
  ids.converted = person('Converted', { IsConverted: true });
  const task = (whoId: string, status: string, when: number) =>
    org.seed.record('Task', {
      Subject: 'Call',
      WhoId: whoId,
      Status: status,
      CreatedDate: new Date(when - 60_000).toISOString(),
      LastModifiedDate: new Date(when).toISOString(),
    });
  // Called at noon, two business hours after the MQL; an open task does not count.
  task(ids.called, 'Completed', at(3, 17));
  task(ids.waiting, 'Not Started', at(3, 16));
  const event = (whoId: string, start: number) =>
    org.seed.record('Event', {
      Subject: 'Meeting',
      WhoId: whoId,
      ActivityDateTime: new Date(start).toISOString(),
      DurationInMinutes: 30,
    });
  // Met at 13:00 the same day; the waiting lead's meeting is tomorrow, not yet a touch.
  event(ids.met, at(3, 18));
  event(ids.waiting, at(5, 15));
  const api = await orgApi(org);
  leads = new Map();
  for await (const page of api.pages(leadScanQuery(playbook, names)))
    for (const record of page.records) leads.set(record.Id, record);
});
afterAll(() => org.close());

function view(id: string): RecordView {
  const record = leads.get(id);
  if (!record) throw new Error(`lead ${id} was not read`);
  const snapshot = leadSnapshot(playbook, names, record, NOW);
  if (!snapshot) throw new Error(`lead ${id} is in no playbook stage`);
  return evaluateRecord(playbook, snapshot, { userId: 'sdr', roles: ['sdr'] }, NOW);
}

const speedToLead = (id: string) => {
  const timer = view(id).timers.find((t) => t.slaId === 'speed_to_lead');
  return timer && { state: timer.state, completedAt: timer.completedAt };
};

describe('Leads read by the tools', () => {
  it('when the scan asks for Leads, then it asks for the statuses where a contact SLA may run, never converted ones', () => {
    // MQL's status only: speed to lead and the MQL decision both stop when the Lead leaves MQL
    // (Working - Contacted and Sales Accepted are SQL in the default playbook).
    expect(candidateLeadStatuses(playbook)).toEqual(['Marketing Qualified']);
    expect([...leads.keys()].sort()).toEqual([ids.called, ids.met, ids.waiting].sort());
  });

  it('when a completed Task is logged on the MQL two business hours in, then speed to lead is met then', () => {
    expect(speedToLead(ids.called as string)).toEqual({ state: 'met', completedAt: at(3, 17) });
  });

  it('when a meeting (Event) took place three business hours in, then it is the first touch', () => {
    expect(speedToLead(ids.met as string)).toEqual({ state: 'met', completedAt: at(3, 18) });
  });

  it('when only an open Task and a meeting still to come are on the lead, then nobody has touched it: breached after 4 business hours', () => {
    expect(speedToLead(ids.waiting as string)).toEqual({ state: 'breached', completedAt: null });
  });

  it('when a lead entered MQL, then its stage history says so from LeadHistory', () => {
    const record = leads.get(ids.called as string) as SfRecord;
    expect(leadSnapshot(playbook, names, record, NOW)?.stageHistory).toEqual([
      { stage: 'lead', enteredAt: at(2, 14) },
      { stage: 'mql', enteredAt: MQL },
    ]);
  });

  it('when a lead has no company or title, then the MQL criteria say which is missing in words', async () => {
    const api = await orgApi(org);
    const all = leadScanQuery(playbook, names);
    const query = `${all.slice(0, all.lastIndexOf('FROM Lead WHERE'))}FROM Lead WHERE Id = '${ids.bare}'`;
    const [bare] = await api.queryAll(query);
    const snapshot = leadSnapshot(playbook, names, bare as SfRecord, NOW);
    expect(snapshot?.fields).toEqual({ job_title: null, company_name: null });
    const next = evaluateRecord(playbook, snapshot!, { userId: 'm', roles: ['marketing'] }, NOW);
    expect(next.nextEntryCriteria.map((c) => [c.label, c.outcome])).toEqual([
      ['Job title known', 'fail'],
      ['Company known', 'fail'],
    ]);
  });
});

describe('Leads scanned', () => {
  it('when a lead has breached speed to lead, then the scan escalates it once: recorded against the Lead, Tasks about the Lead (WhoId)', async () => {
    const api = await orgApi(org);
    const first = await scan({ api, playbook, clock: org.clock });
    // Both levels are due at once: the breach supersedes the warning, so only the admins get Tasks.
    expect(first).toMatchObject({ leads: 3, escalations: 2, tasks: 2, failures: [] });
    const recorded = org.records('Handoff_Escalation__c');
    expect(
      recorded.map((r) => [r.Lead__c, r.SLA_Id__c, r.When__c, r.Opportunity__c ?? null]),
    ).toEqual([
      [ids.waiting, 'speed_to_lead', 'at_risk', null],
      [ids.waiting, 'speed_to_lead', 'breached', null],
    ]);
    const tasks = org
      .records('Task')
      .filter((t) => String(t.Description).includes('escalation key'));
    expect(tasks.map((t) => [t.OwnerId, t.WhoId, t.WhatId ?? null])).toEqual([
      [org.users.admins[0], ids.waiting, null],
      [org.users.tools, ids.waiting, null],
    ]);
    expect(String(tasks[0]?.Subject)).toMatch(/^Breached: Speed to lead on Waiting/);
    // The escalation Tasks on the lead are not a sales touch: speed to lead stays breached.
    const again = await scan({ api, playbook, clock: org.clock });
    expect(again).toMatchObject({ leads: 3, escalations: 0, tasks: 0, failures: [] });
  });
});

describe('Leads converted (SOAP convertLead)', () => {
  const convert = async (leadId: string) => {
    const conn = await connect(org.auth, API_VERSION, org.clock);
    return conn.soap.convertLead({
      leadId,
      convertedStatus: 'Closed - Converted',
      doNotCreateOpportunity: false,
      opportunityName: 'Sold — new business',
      overwriteLeadSource: false,
      sendNotificationEmail: false,
    });
  };

  it('when an accepted MQL is converted, then its handoff stays on the Lead and the deal it became reads it through ConvertedOpportunityId', async () => {
    const sold = org.seed.lead({ LastName: 'Sold', Company: 'Sold Inc', Title: 'CEO' }, [
      { status: 'Marketing Qualified', at: MQL },
    ]);
    // Seeded without an Opportunity master: Handoff__c.Opportunity__c is master-detail, so an org
    // refuses this row today (see the issue notes); the emulator's seeding door does not check it.
    const handoff = org.seed.record('Handoff__c', {
      Lead__c: sold,
      Handoff_Id__c: 'mql_to_sales',
      Status__c: 'accepted',
      Version__c: 3,
      Accepted_At__c: new Date(at(3, 16)).toISOString(),
    });
    const result = await convert(sold);
    expect(result).toMatchObject({ success: true, leadId: sold });
    const opportunityId = String(result.opportunityId);
    expect(opportunityId).toMatch(/^006/);
    const lead = org.records('Lead').find((l) => l.Id === sold);
    expect(lead).toMatchObject({
      IsConverted: true,
      Status: 'Closed - Converted',
      ConvertedOpportunityId: opportunityId,
      ConvertedAccountId: result.accountId,
      ConvertedContactId: result.contactId,
    });
    expect(org.records('Handoff__c').find((h) => h.Id === handoff)?.Lead__c).toBe(sold);
    const api = await orgApi(org);
    const rows = await api.queryAll(convertedLeadHandoffsQuery(names, [opportunityId]));
    expect(rows.map((r) => [r.Id, r[org.q('Status__c')]])).toEqual([[handoff, 'accepted']]);
    // A converted lead is never scanned again.
    const scanned = await api.queryAll(leadScanQuery(playbook, names));
    expect(scanned.map((r) => r.Id)).not.toContain(sold);
  });

  it('when a conversion cannot be done, then it says why in a sentence and nothing is created', async () => {
    const bare = ids.bare as string;
    const counts = () => ['Account', 'Contact', 'Opportunity'].map((t) => org.records(t).length);
    const before = counts();
    const result = await convert(bare);
    expect(result).toMatchObject({ success: false, leadId: bare });
    expect(JSON.stringify(result.errors)).toContain('a lead without a company');
    expect(counts()).toEqual(before);
    expect(org.records('Lead').find((l) => l.Id === bare)).toMatchObject({ IsConverted: false });
  });

  it('when a conversion fails half-way (its Account made, its Contact refused), then the Account is taken back and the Lead is as it was', async () => {
    // No LastName: the Contact takes the Lead's 100-character Name, longer than a Contact's 80.
    const long = 'N'.repeat(100);
    const lead = org.seed.lead({ Name: long, LastName: '', Company: 'Half Way Ltd' }, [
      { status: 'Marketing Qualified', at: MQL },
    ]);
    const counts = () => ['Account', 'Contact', 'Opportunity'].map((t) => org.records(t).length);
    const before = counts();
    const result = await convert(lead);
    expect(result).toMatchObject({ success: false, leadId: lead });
    expect(JSON.stringify(result.errors)).toContain('LastName');
    expect(counts()).toEqual(before);
    expect(org.records('Account').some((a) => a.Name === 'Half Way Ltd')).toBe(false);
    expect(org.records('Lead').find((l) => l.Id === lead)).toMatchObject({
      IsConverted: false,
      Status: 'Marketing Qualified',
    });
  });
});
