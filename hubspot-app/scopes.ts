// The OAuth scopes Handoff asks for, each with the call that needs it and the HubSpot page that
// names the scope. One list: the app's app-hsmeta.json must declare exactly these (a test checks),
// the backend builds the install URL from it, and the HubSpot emulator refuses (403 MISSING_SCOPES)
// every call a token without the documented scope makes — so a scope missing here fails a test.
export interface ScopeUse {
  scope: string;
  why: string;
  /** The HubSpot page that names this scope for the calls in `why`. */
  docs: string;
}

const DOCS = 'https://developers.hubspot.com/docs/api-reference/latest/crm';

export const REQUIRED_SCOPES = [
  {
    scope: 'oauth',
    why: 'every OAuth app must ask for it; it also authorises the app uninstall API',
    docs: 'https://developers.hubspot.com/docs/api-reference/latest/app-management/app-uninstalls/guide',
  },
  {
    scope: 'crm.objects.deals.read',
    why: 'read a deal, its stage and the fields the playbook names; search deals for the scanner',
    docs: `${DOCS}/objects/deals/guide`,
  },
  {
    scope: 'crm.objects.deals.write',
    why: 'mirror handoff and SLA state to deal properties',
    docs: `${DOCS}/objects/deals/guide`,
  },
  {
    scope: 'crm.objects.companies.read',
    why: "list a company's deals for the company card",
    docs: `${DOCS}/objects/companies/guide`,
  },
  {
    scope: 'crm.objects.companies.write',
    why: "mirror the expansion handoff's and its SLAs' state to company properties; reassign a company's owner when an escalation says so",
    docs: `${DOCS}/objects/companies/guide`,
  },
  {
    scope: 'crm.objects.owners.read',
    why: "read users' teams, which the playbook maps to roles",
    docs: `${DOCS}/owners/guide`,
  },
  {
    // HubSpot's notes and tasks guides name the contacts scopes for the engagement APIs.
    scope: 'crm.objects.contacts.read',
    why: 'find the notes and tasks Handoff wrote (by their handoff_key) and read their properties',
    docs: `${DOCS}/activities/notes/guide`,
  },
  {
    scope: 'crm.objects.contacts.write',
    why: 'write a note per handoff event and a task per person who must act; complete tasks; add handoff_key to notes and tasks',
    docs: `${DOCS}/activities/tasks/guide`,
  },
  {
    scope: 'crm.schemas.deals.read',
    why: 'check at install which mirror properties exist',
    docs: `${DOCS}/properties/guide`,
  },
  {
    scope: 'crm.schemas.deals.write',
    why: 'create the mirror properties at install',
    docs: `${DOCS}/properties/guide`,
  },
  {
    scope: 'crm.schemas.contacts.read',
    why: 'check at install which mirror properties contacts have (speed to lead, the MQL handoff)',
    docs: `${DOCS}/properties/guide`,
  },
  {
    scope: 'crm.schemas.contacts.write',
    why: 'create the contact mirror properties at install',
    docs: `${DOCS}/properties/guide`,
  },
  {
    scope: 'crm.schemas.companies.read',
    why: 'check at install which mirror properties companies have (the expansion handoff)',
    docs: `${DOCS}/properties/guide`,
  },
  {
    scope: 'crm.schemas.companies.write',
    why: 'create the company mirror properties at install',
    docs: `${DOCS}/properties/guide`,
  },
] as const satisfies readonly ScopeUse[];

export const OPTIONAL_SCOPES = [] as const satisfies readonly ScopeUse[];

export const requiredScopes: readonly string[] = REQUIRED_SCOPES.map((s) => s.scope);
export const optionalScopes: readonly string[] = OPTIONAL_SCOPES.map((s: ScopeUse) => s.scope);

/** Where the backend lives: the only origin the card and settings page may `hubspot.fetch`. */
export const BACKEND_ORIGIN = 'https://api.handoff.example';
