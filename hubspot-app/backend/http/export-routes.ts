// GET /v1/export/playbook: the deploy tool's read of a portal's saved playbook. Outside the signed
// card API (a terminal cannot sign as HubSpot); the bearer token an admin issued says which portal.
import type { FastifyInstance } from 'fastify';
import { PLAYBOOK_EXPORT_PATH } from '@handoff/shared';
import type { Deps } from '../deps.js';
import type { ExportTokens } from '../export-token.js';
import { exportPlaybook } from '../use-cases/playbook-export.js';
import { UseCaseError } from '../use-cases/errors.js';

const REFUSED = {
  malformed:
    'The export token is not one Handoff issued; copy the whole command from the settings page.',
  mismatch:
    'The export token is not one Handoff issued; copy the whole command from the settings page.',
  expired:
    'The export token has expired (they last 15 minutes); issue a new export on the settings page.',
  missing: 'Send the export token from the settings page as "Authorization: Bearer <token>".',
} as const;

export function registerExportRoutes(app: FastifyInstance, deps: Deps, tokens: ExportTokens) {
  app.get(PLAYBOOK_EXPORT_PATH, async (request) => {
    const header = request.headers.authorization ?? '';
    const token = /^Bearer (\S+)$/.exec(header)?.[1];
    const verdict = token ? tokens.read(token, deps.clock.now()) : undefined;
    if (!verdict?.ok) {
      const reason = verdict ? verdict.reason : 'missing';
      request.log.warn({ reason }, 'playbook export refused');
      throw new UseCaseError(401, 'unauthorized', REFUSED[reason]);
    }
    return exportPlaybook(deps, verdict.claims);
  });
}
