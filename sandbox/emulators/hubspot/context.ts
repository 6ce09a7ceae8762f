import type { Clock } from '../plumbing/clock.js';
import type { Catalog } from './catalog.js';
import type { Crm } from './crm.js';
import type { Presenter } from './routes/common.js';
import type { ObjectStore } from './store.js';

/** What every route module needs; built once per emulator. */
export interface HubSpotContext {
  clock: Clock;
  store: ObjectStore;
  catalog: Catalog;
  crm: Crm;
  presenter: Presenter;
}

/** The portal the `before` hook resolved from the bearer token. */
export function portalOf(request: { portalId?: string }): string {
  if (!request.portalId) throw new Error('route reached without an authenticated portal');
  return request.portalId;
}
