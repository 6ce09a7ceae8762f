// What the use cases need, passed in so tests and the sandbox can wire their own.
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from './clock.js';
import type { Crm } from './hubspot/crm.js';
import type { RoleResolver } from './hubspot/roles.js';
import type { Store } from './store/index.js';

export interface Deps {
  store: Store;
  clock: Clock;
  /** The CRM as one portal sees it, with that portal's token; null when the portal has not installed the app. */
  crmFor(portalId: string): Promise<Crm | null>;
  roles: RoleResolver;
  log: FastifyBaseLogger;
  /** Called after an action commits or a playbook is saved, e.g. to drain the outbox soon. */
  afterCommit?: (portalId: string) => void;
  /** Creates the mirror properties for a (new) playbook; absent in setups without provisioning. */
  provision?: (portalId: string) => Promise<void>;
  /** HubSpot's app uninstall API for the portal; absent where tokens are provided another way. */
  uninstallApp?: (portalId: string) => Promise<void>;
}
