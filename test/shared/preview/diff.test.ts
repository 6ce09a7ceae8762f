import { describe, expect, it } from 'vitest';
import { diffPlaybooks } from '../../../shared/src/preview/index.js';
import { defaultPlaybook } from '../fixtures.js';
import {
  budgetOwnerRequired,
  edited,
  mondayHoliday,
  nextStepToWin,
  tighterCsSla,
} from './change.js';

describe('diffPlaybooks', () => {
  it('when nothing changed, then there is nothing to say', () => {
    expect(diffPlaybooks(defaultPlaybook(), defaultPlaybook())).toEqual([]);
  });

  it('when an SLA target is tightened, then it names the SLA by its label with both targets in words', () => {
    expect(diffPlaybooks(defaultPlaybook(), edited(tighterCsSla))).toEqual([
      {
        area: 'sla',
        id: 'cs_accepts_won_deal',
        text: 'CS accepts the handoff: 1 business day → 4 business hours',
      },
    ]);
  });

  it('when a holiday is added, then it names the calendar and the day', () => {
    expect(diffPlaybooks(defaultPlaybook(), edited(mondayHoliday)).map((c) => c.text)).toEqual([
      'Calendar us_business: holiday added 2026-11-23 (Company offsite)',
    ]);
  });

  it('when a required checklist item is added, then it says required and names the item', () => {
    expect(diffPlaybooks(defaultPlaybook(), edited(budgetOwnerRequired))).toEqual([
      {
        area: 'checklist',
        id: 'cs_handoff.budget_owner',
        text: "Sales → CS handoff: required item added 'Budget owner'",
      },
    ]);
  });

  it('when a stage criterion is added, then it says where and what it requires', () => {
    expect(diffPlaybooks(defaultPlaybook(), edited(nextStepToWin)).map((c) => c.text)).toEqual([
      'Criterion added to enter Closed won: Next step agreed with the customer — Next step must be filled in (blocks)',
    ]);
  });

  it('when roles, escalations and the version change, then each is its own line', () => {
    const next = edited((raw) => {
      raw.version = '2';
      raw.roles.cs_manager.label = 'CSM';
      raw.handoffs[1].accept = ['cs_manager'];
      raw.slas[3].escalations.pop();
      raw.slas[3].warn = { before: { unit: 'business_hours', amount: 2 } };
    });
    expect(diffPlaybooks(defaultPlaybook(), next).map((c) => c.text)).toEqual([
      'Version: 1 → 2',
      'Role CS manager renamed CSM',
      'Sales → CS: who may accept CS manager, RevOps admin → CSM',
      'CS accepts the handoff: at risk at 75% of the time → at risk 2 business hours before due',
      'CS accepts the handoff: level 3 removed (a task for every RevOps admin 4 business hours after the breach)',
    ]);
  });
});
