// Where the page is, as an address a person can copy, bookmark or open in another tab:
// `/deals/<id>?viewer=cs1`, `/companies/<id>?viewer=…`, `/contacts/<id>?viewer=…`, `/settings`, `/dashboard`. The page server
// serves the same page at each (sandbox/server/page-server.ts), so a reload keeps the place.
export type View = 'deals' | 'company' | 'contact' | 'settings' | 'dashboard' | 'app';

export interface Route {
  view: View;
  /** The deal's, the company's or the contact's HubSpot id. */
  id?: string;
  /** The viewer's seed key (rep1, cs1, admin, guest…). */
  viewer?: string;
}

export function parseRoute(where: { pathname: string; search: string }): Route {
  const viewer = new URLSearchParams(where.search).get('viewer') ?? undefined;
  const record = /^\/(deals|companies|contacts)\/([^/]+)\/?$/.exec(where.pathname);
  const withViewer = (route: Route): Route => (viewer ? { ...route, viewer } : route);
  if (record?.[2]) {
    return withViewer({
      view: record[1] === 'deals' ? 'deals' : record[1] === 'contacts' ? 'contact' : 'company',
      id: decodeURIComponent(record[2]),
    });
  }
  // HubSpot's app pages (queue, dashboard): `/app` and `/app/<page>`, the page's own path below.
  const app = /^\/app(\/[a-z-]+)?\/?$/.exec(where.pathname);
  if (app) return withViewer(app[1] ? { view: 'app', id: app[1].slice(1) } : { view: 'app' });
  if (where.pathname === '/settings') return withViewer({ view: 'settings' });
  if (where.pathname === '/dashboard') return withViewer({ view: 'dashboard' });
  return withViewer({ view: 'deals' });
}

const RECORD_PATHS = { deals: 'deals', company: 'companies', contact: 'contacts' } as const;

export function hrefOf(route: Route): string {
  const path =
    route.view === 'app'
      ? `/app${route.id ? `/${route.id}` : ''}`
      : route.view === 'settings' || route.view === 'dashboard'
        ? `/${route.view}`
        : route.id
          ? `/${RECORD_PATHS[route.view as 'deals' | 'company' | 'contact'] ?? 'deals'}/${encodeURIComponent(route.id)}`
          : '/';
  return route.viewer ? `${path}?viewer=${encodeURIComponent(route.viewer)}` : path;
}

/** A link's click, handled in the page unless the person asked for a new tab or window. */
export function isPlainClick(event: {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}
