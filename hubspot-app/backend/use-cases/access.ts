// Who may read the portal's configuration: the roles a signed user holds under the saved playbook
// (or the default one before the first save), resolved on the server from their HubSpot teams.
//
// The model (README "Who may read"): a record's view is shown by HubSpot only on the record's own
// page, to users who can open it, so card reads rely on HubSpot's record access; the settings
// reads — the playbook and the installation's status — and every change need a Handoff role.
import { defaultPlaybook } from '../default-playbook.js';
import type { Deps } from '../deps.js';
import { portalPlaybook, type Caller } from './context.js';
import { UseCaseError } from './errors.js';

export async function rolesOfCaller(deps: Deps, caller: Caller): Promise<string[]> {
  const playbook = (await portalPlaybook(deps, caller.portalId)) ?? defaultPlaybook();
  return deps.roles.rolesOf(caller.portalId, caller.userId, playbook);
}

/** Refuses (403) a caller who holds none of `roles`, or no role at all when `roles` is omitted. */
export async function requireRole(
  deps: Deps,
  caller: Caller,
  what: string,
  roles?: readonly string[],
): Promise<string[]> {
  const held = await rolesOfCaller(deps, caller);
  const allowed = roles ? held.some((role) => roles.includes(role)) : held.length > 0;
  if (!allowed)
    throw new UseCaseError(
      403,
      'forbidden',
      roles
        ? `Only Handoff ${roles.join(' or ')}s may ${what}.`
        : `Only people with a Handoff role may ${what}; an admin maps roles to HubSpot teams in the playbook.`,
    );
  return held;
}
