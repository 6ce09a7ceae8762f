// The SOAP API's convertLead(): each LeadConvert turns a Lead into an Account, a Contact and
// (unless doNotCreateOpportunity) an Opportunity, marks the Lead converted (IsConverted, a converted
// Status, ConvertedDate and the Converted… ids) and answers a LeadConvertResult
// (https://developer.salesforce.com/docs/atlas.en-us.api.meta/object_ref/sforce_api_calls_convertlead.htm,
// https://developer.salesforce.com/docs/atlas.en-us.264.0.api.meta/api/sforce_api_calls_convertlead_leadconvertresult.htm).
// The Lead's activities are attached to what it became; records of custom objects that look up to
// the Lead are not moved: Salesforce's list of what conversion carries over names campaign members
// and activities only (https://help.salesforce.com/apex/HTViewHelpDoc?id=faq_leads_what_happens_when.htm),
// and the Summer '17 release notes' chart leaves custom objects' lookups to the Lead where they are
// (as summarised at https://opfocus.com/?p=1430). So a Handoff__c keeps its Lead__c, and the deal
// finds it through the Lead's ConvertedOpportunityId. Each Lead converts whole or not at all.
import { SalesforceFault } from './errors.js';
import type { Org } from './org.js';
import type { RecordStore, StoredRecord } from './store.js';

export interface LeadConvert {
  leadId: string;
  convertedStatus: string;
  doNotCreateOpportunity: boolean;
  opportunityName?: string;
}

export type LeadConvertResult =
  | {
      success: true;
      leadId: string;
      accountId: string;
      contactId: string;
      opportunityId: string | null;
    }
  | { success: false; leadId: string; statusCode: string; message: string };

const element = (body: string, name: string) =>
  new RegExp(`<(?:\\w+:)?${name}>([\\s\\S]*?)</(?:\\w+:)?${name}>`).exec(body)?.[1];

/** The LeadConvert elements of a convertLead request. */
export function parseLeadConverts(body: string): LeadConvert[] {
  return [...body.matchAll(/<(?:\w+:)?leadConverts>([\s\S]*?)<\/(?:\w+:)?leadConverts>/g)].map(
    ([, inner = '']) => {
      const name = element(inner, 'opportunityName');
      return {
        leadId: element(inner, 'leadId')?.trim() ?? '',
        convertedStatus: element(inner, 'convertedStatus')?.trim() ?? '',
        doNotCreateOpportunity: element(inner, 'doNotCreateOpportunity')?.trim() === 'true',
        ...(name ? { opportunityName: name } : {}),
      };
    },
  );
}

export function convertLead(
  org: Org,
  store: RecordStore,
  request: LeadConvert,
  now: number,
): LeadConvertResult {
  const undo: (() => void)[] = [];
  try {
    return { success: true, ...convert(org, store, request, now, undo) };
  } catch (error) {
    for (const step of undo.reverse()) step();
    const fault =
      error instanceof SalesforceFault
        ? error
        : new SalesforceFault(500, 'UNKNOWN_EXCEPTION', String(error));
    return {
      success: false,
      leadId: request.leadId,
      statusCode: fault.errorCode,
      message: fault.message,
    };
  }
}

function convert(
  org: Org,
  store: RecordStore,
  request: LeadConvert,
  now: number,
  undo: (() => void)[],
) {
  const lead = request.leadId ? store.get('Lead', request.leadId) : undefined;
  if (!lead)
    throw new SalesforceFault(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
  if (lead.IsConverted === true)
    throw new SalesforceFault(
      400,
      'CANNOT_UPDATE_CONVERTED_LEAD',
      'This lead was already converted.',
    );
  if (!request.convertedStatus)
    throw new SalesforceFault(
      400,
      'REQUIRED_FIELD_MISSING',
      'Required fields are missing: [convertedStatus]',
    );
  const company = typeof lead.Company === 'string' ? lead.Company.trim() : '';
  // A Lead without a company becomes a person account, which this org does not have.
  if (company === '')
    throw new SalesforceFault(
      400,
      'REQUIRED_FIELD_MISSING',
      'Required fields are missing: [Company] — a lead without a company can only become a person account, and person accounts are not enabled',
    );
  const owner = typeof lead.OwnerId === 'string' ? { OwnerId: lead.OwnerId } : {};
  const account = org.insert('Account', { Name: company, ...owner }, undo);
  const contact = org.insert(
    'Contact',
    { LastName: lastName(lead), Email: lead.Email ?? null, AccountId: account.Id },
    undo,
  );
  const opportunity = request.doNotCreateOpportunity
    ? undefined
    : org.insert(
        'Opportunity',
        {
          Name: request.opportunityName ?? `${company}-`,
          AccountId: account.Id,
          StageName: 'Prospecting',
          CloseDate: new Date(now).toISOString().slice(0, 10),
          LeadSource: lead.LeadSource ?? null,
          ...owner,
        },
        undo,
      );
  // The converted Status is recorded in LeadHistory like any Status change.
  org.update('Lead', lead.Id as string, { Status: request.convertedStatus }, undo);
  const { before } = store.update(
    'Lead',
    lead.Id as string,
    {
      IsConverted: true,
      ConvertedDate: new Date(now).toISOString().slice(0, 10),
      ConvertedAccountId: account.Id,
      ConvertedContactId: contact.Id,
      ConvertedOpportunityId: opportunity?.Id ?? null,
    },
    { system: true },
  );
  undo.push(() => store.update('Lead', lead.Id as string, before, { system: true }));
  // Tasks follow the lead to the deal (WhatId); WhoId stays on the Lead here, since the
  // emulator's WhoId names Leads only, and its Events have no WhatId.
  if (opportunity)
    for (const task of [...store.all('Task')].filter((a) => a.WhoId === lead.Id)) {
      const moved = store.update(
        'Task',
        task.Id as string,
        { WhatId: opportunity.Id },
        { system: true },
      );
      undo.push(() => store.update('Task', task.Id as string, moved.before, { system: true }));
    }
  return {
    leadId: lead.Id as string,
    accountId: account.Id as string,
    contactId: contact.Id as string,
    opportunityId: (opportunity?.Id as string | undefined) ?? null,
  };
}

function lastName(lead: StoredRecord): string {
  if (typeof lead.LastName === 'string' && lead.LastName !== '') return lead.LastName;
  return typeof lead.Name === 'string' ? lead.Name : 'Unknown';
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The convertLeadResponse body: one result per LeadConvert, in order. */
export function convertLeadResponse(results: readonly LeadConvertResult[]): string {
  const tag = (name: string, value: string | boolean | null) =>
    value === null ? `<${name} xsi:nil="true"/>` : `<${name}>${escape(String(value))}</${name}>`;
  const body = results
    .map((r) =>
      r.success
        ? `<result>${tag('accountId', r.accountId)}${tag('contactId', r.contactId)}${tag('leadId', r.leadId)}${tag('opportunityId', r.opportunityId)}${tag('success', true)}</result>`
        : `<result><errors>${tag('message', r.message)}${tag('statusCode', r.statusCode)}</errors>${tag('leadId', r.leadId)}${tag('success', false)}</result>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body><convertLeadResponse>${body}</convertLeadResponse></soapenv:Body></soapenv:Envelope>`;
}
