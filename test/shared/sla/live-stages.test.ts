// Where a timer can be live decides what both scanners read; the expectations follow the default
// playbook's two SLAs by hand.
import { describe, expect, it } from 'vitest';
import { parsePlaybook } from '../../../shared/src/playbook/index.js';
import { stagesWhereSlaMayRun, stagesWithLiveTimers } from '../../../shared/src/sla/live-stages.js';
import { defaultPlaybook, defaultPlaybookInput } from '../fixtures.js';

const ids = (stages: { id: string }[]) => stages.map((s) => s.id);
const sla = (id: string) => {
  const found = defaultPlaybook().slas.find((s) => s.id === id);
  if (!found) throw new Error(`no SLA ${id}`);
  return found;
};

describe('the stages where a timer can be live', () => {
  it('when an SLA stops as its stage is left, then it can run only in that stage', () => {
    expect(ids(stagesWhereSlaMayRun(defaultPlaybook(), sla('ae_accepts_new_deal')))).toEqual([
      'appointment_scheduled',
    ]);
  });

  it('when an SLA starts at a won stage, then it runs on there but never in a lost stage', () => {
    expect(ids(stagesWhereSlaMayRun(defaultPlaybook(), sla('cs_accepts_won_deal')))).toEqual([
      'closed_won',
    ]);
  });

  // Speed to lead and the MQL decision both stop when the contact leaves MQL: no clock runs on an
  // SQL, so the scanner never reads SQLs.
  it('when the playbook has all its SLAs, then the union comes in playbook order, every object with it', () => {
    expect(ids(stagesWithLiveTimers(defaultPlaybook()))).toEqual([
      'appointment_scheduled',
      'closed_won',
      'mql',
      'customer',
    ]);
  });

  it('when the first SLA may run on after its stage, then every later stage is a candidate', () => {
    const input = defaultPlaybookInput();
    input.slas[0].stop = [{ on: 'handoff_accepted', handoff: 'sdr_to_ae' }];
    const parsed = parsePlaybook(input);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(ids(stagesWhereSlaMayRun(parsed.playbook, parsed.playbook.slas[0]!))).toEqual([
      'appointment_scheduled',
      'qualified',
      'presentation_scheduled',
      'decision_maker_bought_in',
      'contract_sent',
      'closed_won',
      'closed_lost',
    ]);
  });
});
