// Handoff's settings page as HubSpot shows it under Connected apps, with its alerts.
import { useState, type ReactNode } from 'react';
import type { Person } from './api.js';
import { userContext } from './context.js';
import { extension } from './host/session.js';

export function SettingsPreview(props: {
  viewer: Person;
  portalId: string;
  timeZone: string;
  now: number;
}) {
  const [alerts, setAlerts] = useState<{ type: string; message: string }[]>([]);
  const [page] = useState(
    () =>
      extension('settings')({
        context: {
          location: 'settings',
          portal: { id: Number(props.portalId), timezone: props.timeZone },
          user: userContext(props.viewer, []),
        },
        actions: {
          addAlert: (a: { type: string; message: string }) => setAlerts((list) => [...list, a]),
        },
      }) as ReactNode,
  );
  return (
    <section className="settings" data-testid="settings" aria-labelledby="hs-settings-title">
      <h2 id="hs-settings-title">Settings · Connected apps · Handoff</h2>
      {alerts.map((a, i) => (
        <div key={i} role="status" className={`hs-alert hs-alert-${a.type}`}>
          {a.message}
        </div>
      ))}
      <div className="card-frame">{page}</div>
    </section>
  );
}
