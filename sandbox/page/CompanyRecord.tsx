// The same company in both CRMs: HubSpot's company record with the real Handoff card on it (one row
// per handoff of its deals, each linking to the deal) and the Salesforce Account with the package's
// panel on it (its opportunities' handoffs). Reached from a deal's header (`/companies/<id>`).
import { useEffect, useState } from 'react';
import { api, type Person, type SandboxState } from './api.js';
import { recordCard } from './record-card.js';
import { Link } from './Link.js';
import { SalesforceFrame } from './SalesforceFrame.js';

export function CompanyRecord(props: {
  companyId: string;
  state: SandboxState;
  viewer: Person;
  /** After the card changed something: the page reads the portal again (an accepted expansion's new deal). */
  onChanged: () => void;
}) {
  const { companyId, state, viewer, onChanged } = props;
  useEffect(() => {
    window.addEventListener('card-changed', onChanged);
    return () => window.removeEventListener('card-changed', onChanged);
  }, [onChanged]);
  const deals = state.deals.filter((d) => d.companyId === companyId);
  const name = deals[0]?.company ?? `Company ${companyId}`;
  const card = recordCard({ objectTypeId: '0-2', id: companyId }, { ...state, viewer });
  return (
    <div className="faces">
      {/* Named by face and name: the Salesforce Account beside it has the same name. */}
      <section
        className="record"
        data-testid="company-record"
        aria-labelledby="hs-company-face hs-company-name"
      >
        <header className="record-header">
          <span className="face-label" id="hs-company-face">
            HubSpot · Company
          </span>
          <h2 id="hs-company-name">{name}</h2>
          <span>{`${deals.length} deal${deals.length === 1 ? '' : 's'}`}</span>
        </header>
        <div className="record-body">
          <div className="card-frame" data-testid="card">
            <h3 className="card-title">Handoff</h3>
            {card}
          </div>
          <nav aria-label={`Deals of ${name}`} className="activity">
            <h3>Deals</h3>
            <ul className="plain-list">
              {deals.map((d) => (
                <li key={d.id}>
                  <Link to={{ view: 'deals', id: d.id, viewer: viewer.key }}>{d.name}</Link>
                  <span className="muted">{` · ${d.stage}`}</span>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </section>
      <SalesforceAccount
        dealId={deals[0]?.id}
        name={name}
        viewer={viewer}
        now={state.now}
        opportunities={state.opportunities}
      />
    </div>
  );
}

/** The Account the company's opportunities belong to, with the Handoff panel as on its record page. */
function SalesforceAccount(props: {
  dealId: string | undefined;
  name: string;
  viewer: Person;
  now: number;
  opportunities: Record<string, string>;
}) {
  const { dealId, viewer } = props;
  const [accountId, setAccountId] = useState<string | null | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    if (!dealId) return;
    api
      .sfOpportunity(dealId)
      .then((opportunity) => api.sfAccountOf(viewer.key, opportunity.id))
      .then(
        (id) => live && setAccountId(id),
        (e: Error) => live && setProblem(e.message),
      );
    return () => {
      live = false;
    };
  }, [dealId, viewer.key]);
  return (
    <section
      className="record sf-record"
      data-testid="sf-account-record"
      aria-labelledby="sf-account-face sf-account-name"
    >
      <header className="record-header sf-header">
        <span className="face-label" id="sf-account-face">
          Salesforce · Account
        </span>
        <h2 id="sf-account-name">{props.name}</h2>
        <span>{accountId ?? ''}</span>
      </header>
      {problem && (
        <p className="page-error" role="alert">
          {problem}
        </p>
      )}
      {accountId === null && (
        <p className="page-error" role="alert">
          This company has no Account in the Salesforce emulator.
        </p>
      )}
      {accountId && (
        <div className="record-body">
          <SalesforceFrame
            component="panel"
            viewer={viewer.key}
            recordId={accountId}
            objectApiName="Account"
            now={props.now}
            title="Handoff panel on the Salesforce Account"
            testId="sf-account-panel"
            onOpenRecord={(objectApiName, recordId) => {
              const deal =
                objectApiName === 'Opportunity' ? props.opportunities[recordId] : undefined;
              if (deal) window.dispatchEvent(new CustomEvent('open-deal', { detail: deal }));
            }}
          />
        </div>
      )}
    </section>
  );
}
