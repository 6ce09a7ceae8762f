// One playbook, three lifecycles: a contact is judged by the contact stages, handoffs and SLAs
// only, a deal exactly as before, and the speed-to-lead clock counts business time as the calendar
// says (worked out by hand below, over a holiday afternoon and a weekend).
import { describe, expect, it } from 'vitest';
import { explainPlaybook } from '../../../shared/src/playbook/explain.js';
import { parsePlaybook } from '../../../shared/src/playbook/index.js';
import { playbookFingerprint } from '../../../shared/src/playbook/fingerprint.js';
import { evaluateRecord } from '../../../shared/src/record/evaluate.js';
import type { RecordSnapshot } from '../../../shared/src/shapes/index.js';
import { deal, HOUR, rep } from '../builders.js';
import { dealsOnlyPlaybook, dealsOnlyPlaybookInput } from '../fixtures.js';
import { lifecyclePlaybook, lifecyclePlaybookInput } from '../lifecycle-fixture.js';

// Friday 2026-11-27, noon in New York (EST, UTC−5). The calendar closes that afternoon (13:00–17:00,
// the day after Thanksgiving) and on the weekend.
const FRIDAY_NOON = Date.UTC(2026, 10, 27, 17, 0);
// Monday 2026-11-30 in New York, as UTC instants.
const monday = (hour: number, minute = 0) => Date.UTC(2026, 10, 30, hour + 5, minute);

function contact(overrides: Partial<RecordSnapshot> = {}): RecordSnapshot {
  return {
    crm: 'hubspot',
    objectType: 'contacts',
    recordId: 'c-1',
    stage: 'mql',
    fields: { job_title: 'VP Sales', company_name: 'Acme' },
    stageHistory: [
      { stage: 'lead', enteredAt: FRIDAY_NOON - 10 * 24 * HOUR },
      { stage: 'mql', enteredAt: FRIDAY_NOON },
    ],
    handoffs: {},
    ...overrides,
  };
}

const speedToLead = (snapshot: RecordSnapshot, now: number) =>
  evaluateRecord(lifecyclePlaybook(), snapshot, rep, now).timers.find(
    (t) => t.slaId === 'speed_to_lead',
  );

describe('speed to lead, by hand', () => {
  // Friday 12:00–13:00 is 1 business hour; the afternoon is a holiday, the weekend is closed;
  // Monday 09:00–12:00 is the other 3: due Monday 12:00 New York time.
  it('when a contact becomes an MQL at noon on the Friday after Thanksgiving, then first contact is due Monday at noon', () => {
    const timer = speedToLead(contact(), monday(11));
    expect(timer?.dueAt).toBe(monday(12));
    // One business hour left is the playbook's warning line.
    expect(timer?.state).toBe('at_risk');
    expect(timer?.remainingMs).toBe(1 * HOUR);
    expect(timer?.waitsOn?.role).toBe('sdr');
  });

  it('when nobody has called by Monday 13:00, then it is breached by one business hour', () => {
    const timer = speedToLead(contact(), monday(13));
    expect(timer?.state).toBe('breached');
    expect(timer?.consumedMs).toBe(5 * HOUR);
  });

  it('when sales logs a call Monday 10:30, then the timer stops there, met, after 2.5 business hours; a call before the MQL does not count', () => {
    const called = contact({ activities: [FRIDAY_NOON - 7 * 24 * HOUR, monday(10, 30)] });
    const timer = speedToLead(called, monday(15));
    expect(timer?.completedAt).toBe(monday(10, 30));
    expect(timer?.state).toBe('met');
    expect(timer?.consumedMs).toBe(2.5 * HOUR);
  });
});

describe('a record sees its own lifecycle only', () => {
  it('when a contact is viewed, then only the contact stages, the marketing handoff and speed to lead show', () => {
    const view = evaluateRecord(lifecyclePlaybook(), contact(), rep, monday(11));
    expect(view.problems).toEqual([]);
    expect(view.stages.map((s) => s.id)).toEqual(['lead', 'mql', 'sql']);
    expect(view.currentStage?.id).toBe('mql');
    expect(view.nextStage?.id).toBe('sql');
    expect(view.handoffs.map((h) => h.id)).toEqual(['mql_to_sales']);
    expect(view.timers.map((t) => t.slaId)).toEqual(['speed_to_lead']);
  });

  it('when a Salesforce Lead is viewed, then it is a contact too', () => {
    const view = evaluateRecord(
      lifecyclePlaybook(),
      contact({ crm: 'salesforce', objectType: 'Lead' }),
      rep,
      monday(11),
    );
    expect(view.handoffs.map((h) => h.id)).toEqual(['mql_to_sales']);
  });

  it('when a deal is viewed, then it is judged exactly as under the deal-only playbook', () => {
    const now = FRIDAY_NOON;
    const withSeams = evaluateRecord(lifecyclePlaybook(), deal(), rep, now);
    // The one change the deal side saw: the SDR role is no longer labelled "SDR / marketing".
    const before = dealsOnlyPlaybookInput();
    before.roles.sdr.label = 'SDR';
    const parsed = parsePlaybook(before);
    if (!parsed.ok) throw new Error('deals-only playbook is invalid');
    const dealOnly = evaluateRecord(parsed.playbook, deal(), rep, now);
    expect({ ...withSeams, playbook: null }).toEqual({ ...dealOnly, playbook: null });
    // The footer still names the whole playbook the admin saved.
    expect(withSeams.playbook.fingerprint).toBe(playbookFingerprint(lifecyclePlaybook()));
  });

  it('when a record is of a type Handoff does not follow, then the view says so', () => {
    const view = evaluateRecord(lifecyclePlaybook(), deal({ objectType: 'tickets' }), rep, 0);
    expect(view.problems).toContain('Handoff does not follow records of type "tickets".');
  });
});

describe('the playbook says which object each part lives on', () => {
  const issues = (input: ReturnType<typeof lifecyclePlaybookInput>) => {
    const result = parsePlaybook(input);
    return result.ok ? [] : result.issues.map((i) => ({ path: i.path, message: i.message }));
  };
  const stageIndex = (input: ReturnType<typeof lifecyclePlaybookInput>, id: string) =>
    input.stages.findIndex((s: { id: string }) => s.id === id);

  it('when a playbook written before objects is read, then no object is written into it', () => {
    const parsed = parsePlaybook(dealsOnlyPlaybookInput());
    expect(parsed.ok && parsed.playbook.stages.every((s) => !('object' in s))).toBe(true);
  });

  it('when a contact stage maps a deal pipeline, then the stage is refused with the form to use', () => {
    const input = lifecyclePlaybookInput();
    const i = stageIndex(input, 'mql');
    input.stages[i].hubspot = { pipelineId: 'default', stageIds: ['mql'] };
    expect(issues(input)).toEqual([
      {
        path: `stages[${i}].hubspot`,
        message:
          'maps pipeline stages, which only deals have; a contact stage maps the values of a property: `{ property: lifecyclestage, values: [...] }`.',
      },
    ]);
  });

  it("when a deal's SLA stops on a contact stage, then the stop is refused naming both objects", () => {
    const input = lifecyclePlaybookInput();
    input.slas[0].stop = [{ on: 'stage_entered', stage: 'sql' }];
    expect(issues(input)).toEqual([
      {
        path: 'slas[0].stop[0].stage',
        message:
          'names `sql`, a contact stage; this SLA starts on a deal and lives on deals, so it must name a deal stage.',
      },
    ]);
  });

  it("when a deal's SLA waits for a first activity, then it is refused: speed to lead is for contacts", () => {
    const input = lifecyclePlaybookInput();
    input.slas[0].stop = [{ on: 'first_activity' }];
    expect(issues(input).map((i) => i.path)).toEqual(['slas[0].stop[0].on']);
  });
});

describe('explain', () => {
  it('when the default playbook is explained, then it names the three seams, each on its own record', () => {
    const text = explainPlaybook(lifecyclePlaybook());
    expect(text).toContain(
      'Contacts (HubSpot contacts, Salesforce Leads) — the marketing → sales seam',
    );
    expect(text).toContain(
      'Companies (HubSpot companies, Salesforce Accounts) — the customer success → sales (expansion) seam',
    );
    expect(text).toContain(
      'Marketing → sales (MQL): opens at Marketing qualified (MQL); Marketing or RevOps admin submit, SDR or Account executive or RevOps admin accept or reject.',
    );
    expect(text).toContain(
      'Speed to lead: 4 business hours (America/New_York business hours) from when the contact enters Marketing qualified (MQL) until sales first logs a call, email or meeting or the contact leaves Marketing qualified (MQL); waits on the SDR (set in the playbook);',
    );
    expect(text).toContain('CS → sales expansion: opens at Customer;');
    // Contacts come first: the lifecycle starts with marketing.
    expect(text.indexOf('Contacts (')).toBeLessThan(text.indexOf('Deals ('));
    expect(text.indexOf('Deals (')).toBeLessThan(text.indexOf('Companies ('));
  });

  it('when the playbook has deals only (written before objects), then it reads as it always did', () => {
    const text = explainPlaybook(dealsOnlyPlaybook());
    expect(text).not.toContain('Deals (');
    expect(text.split('\n').slice(0, 3)).toEqual([
      'Default revenue playbook (version 1)',
      '',
      'Stages',
    ]);
  });
});
