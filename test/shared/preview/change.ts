// Playbook edits the preview tests make, each on a fresh copy of the default playbook.
import { parsePlaybook, type Playbook } from '../../../shared/src/playbook/index.js';
import { defaultPlaybookInput, type RawPlaybook } from '../fixtures.js';

export function edited(edit: (raw: RawPlaybook) => void): Playbook {
  const raw = defaultPlaybookInput();
  edit(raw);
  const result = parsePlaybook(raw);
  if (!result.ok) throw new Error(`edited playbook is invalid: ${JSON.stringify(result.issues)}`);
  return result.playbook;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw playbook data, typed by the parser
type Any = any;

function sla(raw: RawPlaybook, id: string): Any {
  return raw.slas.find((s: Any) => s.id === id);
}

/** "CS accepts within 1 business day" tightened to 4 business hours. */
export const tighterCsSla = (raw: RawPlaybook): void => {
  sla(raw, 'cs_accepts_won_deal').target = { unit: 'business_hours', amount: 4 };
};

/** Monday 23 November 2026 becomes a holiday of the US business calendar. */
export const mondayHoliday = (raw: RawPlaybook): void => {
  raw.calendars.us_business.holidays.push({ date: '2026-11-23', name: 'Company offsite' });
};

/** The CS handoff checklist gains a required item. */
export const budgetOwnerRequired = (raw: RawPlaybook): void => {
  raw.checklists
    .find((c: Any) => c.id === 'cs_handoff')
    .items.push({ id: 'budget_owner', label: 'Budget owner', kind: 'text', required: true });
};

/** Closed won may only be entered with a next step written down. */
export const nextStepToWin = (raw: RawPlaybook): void => {
  raw.stages
    .find((s: Any) => s.id === 'closed_won')
    .entry.push({
      id: 'next_step_won',
      label: 'Next step agreed with the customer',
      rule: { op: 'present', field: 'next_step' },
    });
};
