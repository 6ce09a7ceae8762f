// Reading and saving the portal's playbook. Saving is for admins only, checked here on the server.
import { parsePlaybookText, type PlaybookResponse } from '@handoff/shared';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Deps } from '../deps.js';
import { portalPlaybook, requireCrm, type Caller } from './context.js';
import { UseCaseError } from './errors.js';

const require = createRequire(import.meta.url);

/** Before the first save, the default playbook's role mapping decides who is an admin (the RevOps team). */
function defaultPlaybook() {
  const text = readFileSync(require.resolve('@handoff/shared/playbooks/default.yaml'), 'utf8');
  const result = parsePlaybookText(text);
  if (!result.ok) throw new Error('the default playbook is invalid');
  return result.playbook;
}

export async function getPlaybook(deps: Deps, caller: Caller): Promise<PlaybookResponse> {
  await requireCrm(deps, caller.portalId);
  const stored = await deps.store.getPlaybook(caller.portalId);
  return stored
    ? {
        text: stored.text,
        version: stored.version,
        updatedAt: stored.updatedAt,
        updatedBy: stored.updatedBy,
      }
    : { text: null, version: null, updatedAt: null, updatedBy: null };
}

export async function putPlaybook(deps: Deps, caller: Caller, body: unknown) {
  await requireCrm(deps, caller.portalId);
  const text =
    typeof body === 'object' && body !== null && 'text' in body && typeof body.text === 'string'
      ? body.text
      : undefined;
  if (text === undefined)
    throw new UseCaseError(
      400,
      'bad_request',
      'Send the playbook as { "text": "<YAML or JSON>" }.',
    );
  const current = (await portalPlaybook(deps, caller.portalId)) ?? defaultPlaybook();
  const roles = await deps.roles.rolesOf(caller.portalId, caller.userId, current);
  if (!roles.includes('admin'))
    throw new UseCaseError(403, 'forbidden', 'Only Handoff admins may change the playbook.');
  const result = parsePlaybookText(text);
  if (!result.ok) return { status: 422, body: { issues: result.issues } };
  const saved = {
    text,
    version: result.playbook.version,
    updatedAt: deps.clock.now(),
    updatedBy: caller.userId,
  };
  await deps.store.putPlaybook(caller.portalId, saved);
  return { status: 200, body: saved };
}
