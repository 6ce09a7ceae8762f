// Layout and shared state: who is viewing, which deal is open, where the clock stands.
import { useCallback, useEffect, useState } from 'react';
import { api, type SandboxState } from './api.js';
import { CardPreview } from './CardPreview.js';
import { ClockControls } from './ClockControls.js';
import { Dashboard } from './Dashboard.js';
import { DealList } from './DealList.js';
import { SalesforceFrame } from './SalesforceFrame.js';
import { SalesforceRecord } from './SalesforceRecord.js';
import { SettingsPreview } from './SettingsPreview.js';
import { ViewerSwitch } from './ViewerSwitch.js';
import { session } from './host/session.js';

type Tab = 'deals' | 'settings' | 'dashboard';

export function App() {
  const [state, setState] = useState<SandboxState | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [tab, setTab] = useState<Tab>('deals');
  const [dealId, setDealId] = useState<string | undefined>();
  const [viewer, setViewer] = useState<string>('');
  // Bumped after the clock moves or an action, so the card reloads its view.
  const [epoch, setEpoch] = useState(0);

  const refresh = useCallback(async () => {
    try {
      const next = await api.state();
      setState(next);
      setError(undefined);
      setViewer((v) => v || next.people.find((p) => p.role === 'sales_rep')?.userId || '');
      setDealId((d) => d ?? next.deals[0]?.id);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);
  useEffect(() => void refresh(), [refresh]);
  const refreshList = useCallback(() => void refresh(), [refresh]);
  useEffect(() => {
    const open = (e: Event) => {
      setDealId((e as CustomEvent<string>).detail);
      setTab('deals');
    };
    window.addEventListener('open-deal', open);
    return () => window.removeEventListener('open-deal', open);
  }, []);
  session.setViewer(viewer);

  if (error && !state) return <p className="page-error">{error}</p>;
  if (!state) return <p className="page-loading">Starting the sandbox…</p>;
  const person = state.people.find((p) => p.userId === viewer);
  return (
    <div className="page">
      <header className="topbar">
        <div className="brand">
          <strong>Handoff sandbox</strong>
          <span>local HubSpot emulator · portal {state.portalId} · local Salesforce emulator</span>
        </div>
        <nav>
          {(['deals', 'settings', 'dashboard'] as const).map((t) => (
            <button
              key={t}
              type="button"
              className={tab === t ? 'active' : ''}
              data-testid={`tab-${t}`}
              onClick={() => setTab(t)}
            >
              {t === 'deals' ? 'Deals' : t === 'settings' ? 'Settings' : 'Dashboard'}
            </button>
          ))}
        </nav>
        <ViewerSwitch
          people={state.people}
          viewer={viewer}
          onChange={(id) => {
            setViewer(id);
            setEpoch((n) => n + 1);
          }}
        />
        <ClockControls
          now={state.now}
          timeZone={state.timeZone}
          onMoved={async () => {
            await refresh();
            setEpoch((n) => n + 1);
          }}
        />
      </header>
      {error && (
        <p className="page-error" role="alert">
          {error}
        </p>
      )}
      {tab === 'deals' && (
        <main className="deals">
          <DealList
            deals={state.deals}
            people={state.people}
            selected={dealId}
            onSelect={setDealId}
          />
          {dealId && person && (
            // The same deal in both CRMs, each face against its own.
            <div className="faces">
              <CardPreview
                key={`${dealId}-${viewer}-${epoch}`}
                deal={state.deals.find((d) => d.id === dealId)}
                dealId={dealId}
                portalId={state.portalId}
                timeZone={state.timeZone}
                viewer={person}
                people={state.people}
                onChanged={refreshList}
              />
              <SalesforceRecord
                key={`sf-${dealId}-${viewer}-${epoch}`}
                dealId={dealId}
                viewer={person}
                now={state.now}
              />
            </div>
          )}
        </main>
      )}
      {tab === 'settings' && person && (
        <div className="faces settings-faces">
          <SettingsPreview
            key={`${viewer}-${epoch}`}
            viewer={person}
            portalId={state.portalId}
            timeZone={state.timeZone}
            now={state.now}
          />
          <section className="settings sf-settings" data-testid="sf-settings">
            <h2>Salesforce · Handoff admin</h2>
            <SalesforceFrame
              key={`sf-admin-${viewer}-${epoch}`}
              component="admin"
              viewer={person.key}
              now={state.now}
              title="Handoff playbook admin in Salesforce"
              testId="sf-admin"
            />
          </section>
        </div>
      )}
      {tab === 'dashboard' && <Dashboard key={epoch} />}
    </div>
  );
}
