// The default playbook with the other two seams added, as an admin would write them: the marketing →
// sales handoff on contacts (HubSpot lifecycle stage, Salesforce Lead Status) with a speed-to-lead
// SLA, and the CS → sales expansion handoff on customer companies.
import { parsePlaybook, type Playbook } from '../../shared/src/playbook/index.js';
import { defaultPlaybookInput, type RawPlaybook } from './fixtures.js';

export function lifecyclePlaybookInput(): RawPlaybook {
  const input = defaultPlaybookInput();
  input.fields.job_title = {
    type: 'text',
    label: 'Job title',
    hubspot: 'jobtitle',
    salesforce: 'Title',
  };
  input.stages.push(
    {
      id: 'lead',
      label: 'Lead',
      object: 'contact',
      hubspot: { property: 'lifecyclestage', values: ['lead'] },
      salesforce: { field: 'Status', values: ['Open - Not Contacted'] },
    },
    {
      id: 'mql',
      label: 'Marketing qualified',
      object: 'contact',
      hubspot: { property: 'lifecyclestage', values: ['marketingqualifiedlead'] },
      salesforce: { field: 'Status', values: ['Marketing Qualified'] },
      entry: [
        { id: 'job_title', label: 'Job title known', rule: { op: 'present', field: 'job_title' } },
      ],
    },
    {
      id: 'sql',
      label: 'Sales qualified',
      object: 'contact',
      hubspot: { property: 'lifecyclestage', values: ['salesqualifiedlead'] },
      salesforce: { field: 'Status', values: ['Sales Accepted'] },
    },
    {
      id: 'customer',
      label: 'Customer',
      object: 'company',
      hubspot: { property: 'lifecyclestage', values: ['customer'] },
      salesforce: { field: 'Type', values: ['Customer'] },
    },
  );
  input.checklists.push(
    {
      id: 'marketing_brief',
      label: 'Marketing brief',
      items: [
        { id: 'source', label: 'Where the lead came from', kind: 'text', required: true },
        { id: 'timing', label: 'When they want to buy', kind: 'text' },
      ],
    },
    {
      id: 'expansion_brief',
      label: 'Expansion brief',
      items: [{ id: 'wants', label: 'What the customer wants', kind: 'text', required: true }],
    },
  );
  input.handoffs.push(
    {
      id: 'mql_to_sales',
      label: 'Marketing → sales',
      checklist: 'marketing_brief',
      opensAt: 'mql',
      submit: ['sdr'],
      accept: ['sales_rep'],
      reject: ['sales_rep'],
      rejectReasons: [
        { id: 'not_ready', label: 'Not ready to buy' },
        { id: 'bad_fit', label: 'Bad fit' },
      ],
    },
    {
      id: 'expansion',
      label: 'CS → sales expansion',
      checklist: 'expansion_brief',
      opensAt: 'customer',
      submit: ['cs_manager'],
      accept: ['sales_rep'],
      reject: ['sales_rep'],
      rejectReasons: [{ id: 'no_budget', label: 'No budget this year' }],
    },
  );
  input.slas.push({
    id: 'speed_to_lead',
    label: 'Speed to lead',
    start: { on: 'stage_entered', stage: 'mql' },
    stop: { on: 'first_activity' },
    target: { unit: 'business_hours', amount: 4 },
    calendar: 'us_business',
    waitsOn: 'sales_rep',
  });
  return input;
}

export function lifecyclePlaybook(): Playbook {
  const result = parsePlaybook(lifecyclePlaybookInput());
  if (!result.ok)
    throw new Error(`lifecycle playbook is invalid: ${JSON.stringify(result.issues)}`);
  return result.playbook;
}
