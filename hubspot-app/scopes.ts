// The OAuth scopes Handoff asks for, each with the call that needs it. One list: the app's
// app-hsmeta.json must declare exactly these (a test checks), and the backend builds the install
// URL from it, so the consent screen never asks for more than the code uses.
export interface ScopeUse {
  scope: string;
  why: string;
}

export const REQUIRED_SCOPES = [
  { scope: 'oauth', why: 'every OAuth app must ask for it' },
  {
    scope: 'crm.objects.deals.read',
    why: 'read a deal, its stage and the fields the playbook names',
  },
  { scope: 'crm.objects.deals.write', why: 'mirror handoff and SLA state to deal properties' },
  { scope: 'crm.objects.companies.read', why: "list a company's deals for the company card" },
  { scope: 'crm.objects.owners.read', why: "read users' teams, which the playbook maps to roles" },
  { scope: 'crm.schemas.deals.read', why: 'check at install which mirror properties exist' },
  { scope: 'crm.schemas.deals.write', why: 'create the mirror properties at install' },
] as const satisfies readonly ScopeUse[];

export const OPTIONAL_SCOPES = [] as const satisfies readonly ScopeUse[];

export const requiredScopes: readonly string[] = REQUIRED_SCOPES.map((s) => s.scope);
export const optionalScopes: readonly string[] = OPTIONAL_SCOPES.map((s: ScopeUse) => s.scope);

/** Where the backend lives: the only origin the card and settings page may `hubspot.fetch`. */
export const BACKEND_ORIGIN = 'https://api.handoff.example';
