// Layout and shared state: who is viewing, which deal or company is open, where the clock stands.
// The address says all of it (route.ts), so a view can be reloaded, shared or opened in a new tab.
import { useCallback, useEffect, useState } from 'react';
import { api, type Person, type SandboxState } from './api.js';
import { AppPagesPreview } from './AppPagesPreview.js';
import { CardPreview } from './CardPreview.js';
import { ClockControls } from './ClockControls.js';
import { CompanyRecord } from './CompanyRecord.js';
import { ContactList } from './ContactList.js';
import { ContactRecord } from './ContactRecord.js';
import { Dashboard } from './Dashboard.js';
import { DealList } from './DealList.js';
import { Link, Navigate } from './Link.js';
import { PlaybookDrift } from './PlaybookDrift.js';
import { SalesforceFrame } from './SalesforceFrame.js';
import { SalesforceRecord } from './SalesforceRecord.js';
import { SettingsPreview } from './SettingsPreview.js';
import { ViewerSwitch } from './ViewerSwitch.js';
import { session } from './host/session.js';
import { hrefOf, parseRoute, type Route } from './route.js';

const TABS = [
  { view: 'deals', label: 'Deals' },
  { view: 'settings', label: 'Settings' },
  { view: 'dashboard', label: 'Dashboard' },
  { view: 'app', label: 'HubSpot app pages' },
] as const;

export function App() {
  const [state, setState] = useState<SandboxState | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [route, setRoute] = useState<Route>(() => parseRoute(location));
  // The last deal opened, so the Deals tab returns to it from the settings or the dashboard.
  const [lastDeal, setLastDeal] = useState<string | undefined>();
  // Bumped after the clock moves or an action, so the card reloads its view.
  const [epoch, setEpoch] = useState(0);

  const refresh = useCallback(async () => {
    try {
      setState(await api.state());
      setError(undefined);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);
  useEffect(() => void refresh(), [refresh]);
  const refreshList = useCallback(() => void refresh(), [refresh]);

  const navigate = useCallback((next: Route, replace = false) => {
    const href = hrefOf(next);
    if (href !== `${location.pathname}${location.search}`) {
      if (replace) history.replaceState(null, '', href);
      else history.pushState(null, '', href);
    }
    setRoute(next);
  }, []);
  useEffect(() => {
    const back = () => setRoute(parseRoute(location));
    window.addEventListener('popstate', back);
    return () => window.removeEventListener('popstate', back);
  }, []);

  const person = state ? viewerOf(state.people, route.viewer) : undefined;
  const viewer = person?.key ?? '';
  const dealId = route.view === 'deals' ? (route.id ?? lastDeal ?? state?.deals[0]?.id) : lastDeal;
  const deal = state?.deals.find((d) => d.id === dealId);

  // `/` and a missing viewer settle on a full address once the deals are known.
  useEffect(() => {
    if (!state || !person) return;
    if (route.view === 'deals' && !route.id && dealId) {
      navigate({ view: 'deals', id: dealId, viewer: person.key }, true);
    } else if (route.viewer === undefined) {
      navigate({ ...route, viewer: person.key }, true);
    }
  }, [state, person, route, dealId, navigate]);
  useEffect(() => {
    if (route.view === 'deals' && route.id) setLastDeal(route.id);
  }, [route]);
  // Links inside the HubSpot card (a company's deals) and the Salesforce frame open deals here.
  useEffect(() => {
    const open = (e: Event) =>
      navigate({ view: 'deals', id: (e as CustomEvent<string>).detail, viewer });
    window.addEventListener('open-deal', open);
    return () => window.removeEventListener('open-deal', open);
  }, [navigate, viewer]);
  useEffect(() => {
    document.title = `${titleOf(route, state, dealId)} · Handoff sandbox`;
  }, [route, state, dealId]);
  session.setViewer(person?.userId ?? '');

  if (error && !state) return <p className="page-error">{error}</p>;
  if (!state) return <p className="page-loading">Starting the sandbox…</p>;
  const unknownViewer =
    route.viewer !== undefined && !state.people.some((p) => p.key === route.viewer);
  return (
    <Navigate.Provider value={navigate}>
      <div className="page">
        <header className="topbar">
          <div className="brand">
            <h1>Handoff sandbox</h1>
            <span>
              local HubSpot emulator · portal {state.portalId} · local Salesforce emulator
            </span>
          </div>
          <nav aria-label="Sandbox">
            {TABS.map((t) => (
              <Link
                key={t.view}
                to={
                  t.view === 'deals'
                    ? { view: 'deals', id: dealId, viewer }
                    : { view: t.view, viewer }
                }
                className={route.view === t.view ? 'tab active' : 'tab'}
                current={route.view === t.view}
                testId={`tab-${t.view}`}
              >
                {t.label}
              </Link>
            ))}
          </nav>
          <ViewerSwitch
            people={state.people}
            viewer={person?.userId ?? ''}
            onChange={(userId) => {
              const chosen = state.people.find((p) => p.userId === userId);
              if (chosen) navigate({ ...route, id: route.id ?? dealId, viewer: chosen.key });
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
        <PlaybookDrift
          userId={person?.userId ?? ''}
          epoch={epoch}
          onPushed={() => setEpoch((n) => n + 1)}
        />
        {error && (
          <p className="page-error" role="alert">
            {error}
          </p>
        )}
        {unknownViewer && (
          <p className="page-error" role="alert" data-testid="unknown-viewer">
            {`No person "${route.viewer}" in the sandbox; showing the page as ${person?.name ?? 'nobody'}. ` +
              `People: ${state.people.map((p) => p.key).join(', ')}.`}
          </p>
        )}
        {route.view === 'deals' && (
          <main className="deals">
            <div className="record-lists">
              <ContactList contacts={state.contacts} selected={undefined} viewer={viewer} />
              <DealList
                deals={state.deals}
                people={state.people}
                selected={dealId}
                viewer={viewer}
              />
            </div>
            {deal && person && (
              // The same deal in both CRMs, each face against its own.
              <div className="faces">
                <CardPreview
                  key={`${deal.id}-${viewer}-${epoch}`}
                  deal={deal}
                  dealId={deal.id}
                  portalId={state.portalId}
                  timeZone={state.timeZone}
                  viewer={person}
                  people={state.people}
                  onChanged={refreshList}
                />
                <SalesforceRecord
                  key={`sf-${deal.id}-${viewer}-${epoch}`}
                  dealId={deal.id}
                  viewer={person}
                  now={state.now}
                />
              </div>
            )}
            {!deal && dealId && (
              <section className="record not-found" data-testid="no-deal">
                <h2>{`No deal ${dealId} in this sandbox`}</h2>
                <p>Choose one of the deals in the list.</p>
              </section>
            )}
          </main>
        )}
        {route.view === 'contact' && person && route.id && (
          <main className="deals">
            <div className="record-lists">
              <ContactList contacts={state.contacts} selected={route.id} viewer={viewer} />
              <DealList
                deals={state.deals}
                people={state.people}
                selected={undefined}
                viewer={viewer}
              />
            </div>
            <ContactRecord
              key={`${route.id}-${viewer}-${epoch}`}
              contact={state.contacts.find((c) => c.id === route.id)}
              contactId={route.id}
              portalId={state.portalId}
              timeZone={state.timeZone}
              viewer={person}
              people={state.people}
              onChanged={refreshList}
              onCalled={async () => {
                await refresh();
                setEpoch((n) => n + 1);
              }}
            />
          </main>
        )}
        {route.view === 'company' && person && route.id && (
          <main className="company-page">
            <CompanyRecord
              key={`${route.id}-${viewer}-${epoch}`}
              companyId={route.id}
              state={state}
              viewer={person}
              onChanged={refreshList}
            />
          </main>
        )}
        {route.view === 'settings' && person && (
          <main className="faces settings-faces">
            <SettingsPreview
              key={`${viewer}-${epoch}`}
              viewer={person}
              portalId={state.portalId}
              timeZone={state.timeZone}
              now={state.now}
            />
            <section
              className="settings sf-settings"
              data-testid="sf-settings"
              aria-labelledby="sf-settings-title"
            >
              <h2 id="sf-settings-title">Salesforce · Handoff admin</h2>
              <SalesforceFrame
                key={`sf-admin-${viewer}-${epoch}`}
                component="admin"
                viewer={person.key}
                now={state.now}
                title="Handoff playbook admin in Salesforce"
                testId="sf-admin"
              />
            </section>
          </main>
        )}
        {route.view === 'app' && person && (
          <main className={route.id === 'dashboard' ? 'app-page' : 'app-page faces app-faces'}>
            <AppPagesPreview
              key={`${viewer}-${epoch}`}
              viewer={person}
              people={state.people}
              portalId={state.portalId}
              timeZone={state.timeZone}
              page={route.id ?? ''}
              onNavigate={(page) =>
                navigate({ view: 'app', ...(page ? { id: page } : {}), viewer })
              }
            />
            {route.id !== 'dashboard' && (
              // The same queue in Salesforce: c-handoff-queue as on a Home page, for the same person.
              <section
                className="settings sf-queue"
                data-testid="sf-queue"
                aria-labelledby="sf-queue-title"
              >
                <h2 id="sf-queue-title">Salesforce · Home page</h2>
                <SalesforceFrame
                  key={`sf-queue-${viewer}-${epoch}`}
                  component="queue"
                  viewer={person.key}
                  now={state.now}
                  title="Handoff queue in Salesforce"
                  testId="sf-queue-frame"
                  onOpenRecord={(objectApiName, recordId) => {
                    const deal =
                      objectApiName === 'Opportunity' ? state.opportunities[recordId] : undefined;
                    if (deal) window.dispatchEvent(new CustomEvent('open-deal', { detail: deal }));
                  }}
                />
              </section>
            )}
          </main>
        )}
        {route.view === 'dashboard' && (
          <main>
            <Dashboard key={epoch} />
          </main>
        )}
      </div>
    </Navigate.Provider>
  );
}

/** The person the address names (by seed key), else the first sales rep. */
function viewerOf(people: Person[], key: string | undefined): Person | undefined {
  return (
    people.find((p) => p.key === key) ?? people.find((p) => p.role === 'sales_rep') ?? people[0]
  );
}

function titleOf(route: Route, state: SandboxState | undefined, dealId: string | undefined) {
  if (route.view === 'settings') return 'Settings';
  if (route.view === 'dashboard') return 'Dashboard';
  if (route.view === 'app') return route.id === 'dashboard' ? 'App dashboard' : 'App queue';
  if (route.view === 'contact') {
    return state?.contacts.find((c) => c.id === route.id)?.name ?? 'Contact';
  }
  if (route.view === 'company') {
    return state?.deals.find((d) => d.companyId === route.id)?.company ?? 'Company';
  }
  return state?.deals.find((d) => d.id === dealId)?.name ?? 'Deals';
}
