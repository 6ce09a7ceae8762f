// Handoff's app pages as HubSpot shows them under the app's menu entry: the real page code (queue,
// dashboard) through the preview host, its router's location following the sandbox's address.
import { useEffect, useLayoutEffect, useState, type ReactNode } from 'react';
import type { Person } from './api.js';
import { userContext } from './context.js';
import { pageLocation } from './host/pages.js';
import { extension } from './host/session.js';

export function AppPagesPreview(props: {
  viewer: Person;
  people: Person[];
  portalId: string;
  timeZone: string;
  /** The page's own path: '' for the queue (its index), 'dashboard'. */
  page: string;
  onNavigate: (page: string) => void;
}) {
  const [alerts, setAlerts] = useState<{ type: string; message: string }[]>([]);
  const { onNavigate } = props;
  const path = props.page ? `/${props.page}` : '/';
  // Before paint, so the router never shows the previous page for a frame.
  useLayoutEffect(() => pageLocation.set(path), [path]);
  useEffect(() => {
    pageLocation.onNavigate((path) => onNavigate(path.replace(/^\//, '')));
    return () => pageLocation.onNavigate(undefined);
  }, [onNavigate]);
  const [pages] = useState(
    () =>
      extension('pages')({
        context: {
          location: 'pages',
          portal: { id: Number(props.portalId), timezone: props.timeZone },
          user: userContext(props.viewer, props.people),
        },
        actions: {
          addAlert: (a: { type: string; message: string }) => setAlerts((list) => [...list, a]),
        },
      }) as ReactNode,
  );
  return (
    <section className="settings app-pages" data-testid="app-pages" aria-labelledby="hs-app-title">
      <h2 id="hs-app-title">HubSpot · Apps · Handoff</h2>
      {alerts.map((a, i) => (
        <div key={i} role="status" className={`hs-alert hs-alert-${a.type}`}>
          {a.message}
        </div>
      ))}
      <div className="card-frame">{pages}</div>
    </section>
  );
}
