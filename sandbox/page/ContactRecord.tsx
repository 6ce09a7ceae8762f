// A contact's record as HubSpot shows it: a header with its lifecycle stage, the real Handoff card
// on the contact (the MQL handoff, speed to lead) and the contact's tasks and notes in HubSpot.
import { useState } from 'react';
import { api, type ContactRow, type Person } from './api.js';
import { ActivityAside } from './CardPreview.js';
import { recordCard, useActivity } from './record-card.js';

export function ContactRecord(props: {
  contact: ContactRow | undefined;
  contactId: string;
  portalId: string;
  timeZone: string;
  viewer: Person;
  people: Person[];
  onChanged: () => void;
  /** After a call is logged: the list and the card read the contact again. */
  onCalled: () => void;
}) {
  const [callError, setCallError] = useState<string | undefined>();
  const { contactId } = props;
  const activity = useActivity(api.contactActivity, contactId, props.onChanged);
  const card = recordCard({ objectTypeId: '0-1', id: contactId }, props);
  return (
    <section className="record" data-testid="contact-record" aria-labelledby="hs-contact-name">
      <header className="record-header">
        <span className="face-label">HubSpot · Contact</span>
        <h2 id="hs-contact-name">{props.contact?.name ?? `Contact ${contactId}`}</h2>
        {props.contact && (
          <span data-testid="contact-stage">
            {[props.contact.stage, props.contact.company].filter(Boolean).join(' · ')}
          </span>
        )}
      </header>
      <div className="record-body">
        <div className="card-frame" data-testid="card">
          <h3 className="card-title">Handoff</h3>
          {card}
        </div>
        <div className="activity-column">
          {/* HubSpot's own "Log a call": the sandbox stands in for it (Last contacted moves to now). */}
          <div className="log-call">
            <button
              type="button"
              data-testid="log-call"
              onClick={() =>
                void api.logCall(contactId).then(
                  () => {
                    setCallError(undefined);
                    props.onCalled();
                  },
                  (e: Error) => setCallError(e.message),
                )
              }
            >
              Log a call in HubSpot
            </button>
            {callError && (
              <p className="page-error" role="alert">
                {callError}
              </p>
            )}
          </div>
          <ActivityAside activity={activity} />
        </div>
      </div>
    </section>
  );
}
