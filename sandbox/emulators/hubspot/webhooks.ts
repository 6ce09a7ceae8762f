import { createHmac } from 'node:crypto';
import type { Clock } from '../plumbing/clock.js';
import type { StageChange } from './crm.js';
import { OBJECT_TYPE_IDS } from './object-types.js';

// https://developers.hubspot.com/docs/api/webhooks
// https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/request-validation
interface EventCommon {
  eventId: number;
  subscriptionId: number;
  portalId: number;
  appId: number;
  occurredAt: number;
  attemptNumber: number;
  objectId: number;
  changeSource: string;
}

export interface StageChangeEvent extends EventCommon {
  subscriptionType: 'object.propertyChange';
  objectTypeId: string;
  propertyName: string;
  propertyValue: string;
  isSensitive: boolean;
}

/**
 * A contact deleted "to follow privacy laws": subscription type `contact.privacyDeletion`, a hub
 * event in the legacy (non-generic) format, objectId the contact's id and nothing of the contact
 * itself (https://developers.hubspot.com/changelog/now-live-webhooks-now-support-privacy-compliant-contact-deletions;
 * fields: https://developers.hubspot.com/docs/api/webhooks; generic `object.*` subscriptions do not
 * carry it: https://developers.hubspot.com/docs/apps/legacy-apps/public-apps/create-generic-webhook-subscriptions).
 */
export interface PrivacyDeletionEvent extends EventCommon {
  subscriptionType: 'contact.privacyDeletion';
}

export type WebhookEvent = StageChangeEvent | PrivacyDeletionEvent;

export interface Delivery {
  url: string;
  events: WebhookEvent[];
  body: string;
  headers: Record<string, string>;
  /** HTTP status, or 0 when the target could not be reached. */
  status: number;
  error?: string;
  /** Set once retryFailed has sent it again, so it is retried once per call at most. */
  retried?: boolean;
}

/** Signature v3: base64(HMAC-SHA256(secret, method + uri + body + timestamp)). */
export function signV3(
  secret: string,
  method: string,
  uri: string,
  body: string,
  timestamp: number,
): string {
  return createHmac('sha256', secret).update(`${method}${uri}${body}${timestamp}`).digest('base64');
}

const DELIVERY_TIMEOUT_MS = 5_000;

export class Webhooks {
  #target: string | undefined;
  #pending: WebhookEvent[] = [];
  #inFlight = new Set<Promise<void>>();
  #nextEventId = 1;
  readonly deliveries: Delivery[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly app: { clientSecret: string; appId: number },
    target?: string,
    /** Whether the app is installed in a portal: an uninstalled app gets no webhooks from it. */
    private readonly installedIn: (portalId: string) => boolean = () => true,
  ) {
    this.#target = target;
  }

  setTarget(url: string | undefined): void {
    this.#target = url;
  }

  /** HubSpot subscribes the app to `dealstage` changes (see the webhooks hsmeta). */
  record(change: StageChange): void {
    if (!this.#target || !this.installedIn(change.portalId)) return;
    this.#pending.push({
      eventId: this.#nextEventId++,
      subscriptionId: 1,
      portalId: Number(change.portalId),
      appId: this.app.appId,
      occurredAt: change.at,
      subscriptionType: 'object.propertyChange',
      attemptNumber: 0,
      objectId: Number(change.dealId),
      objectTypeId: OBJECT_TYPE_IDS.deals,
      propertyName: 'dealstage',
      propertyValue: change.stage,
      changeSource: change.source === 'API' ? 'INTEGRATION' : 'CRM_UI',
      isSensitive: false,
    });
  }

  /**
   * A Super Admin deleted contact `contactId` of `portalId` with "Delete this contact and all its
   * associated content to follow privacy laws" (the app subscribes to that hub event, see the
   * webhooks hsmeta). HubSpot also sends contact.deletion to apps subscribed to it; this app is not.
   */
  privacyDeletion(portalId: string, contactId: string): void {
    if (!this.#target || !this.installedIn(portalId)) return;
    this.#pending.push({
      eventId: this.#nextEventId++,
      subscriptionId: 2,
      portalId: Number(portalId),
      appId: this.app.appId,
      occurredAt: this.clock.now(),
      subscriptionType: 'contact.privacyDeletion',
      attemptNumber: 0,
      objectId: Number(contactId),
      changeSource: 'CRM_UI',
    });
    this.dispatch();
  }

  /** Sends what is pending, one array per portal, without blocking the API response. */
  dispatch(): void {
    const url = this.#target;
    if (!url || this.#pending.length === 0) return;
    const byPortal = new Map<number, WebhookEvent[]>();
    for (const event of this.#pending)
      byPortal.set(event.portalId, [...(byPortal.get(event.portalId) ?? []), event]);
    this.#pending = [];
    for (const events of byPortal.values()) this.#track(this.#send(url, events));
  }

  /** Redelivers failed batches with attemptNumber + 1, as HubSpot's retries would. */
  retryFailed(): void {
    const failed = this.deliveries.filter(
      (delivery) => delivery.status < 200 || delivery.status >= 300,
    );
    for (const delivery of failed) {
      const events = delivery.events.map((event) => ({
        ...event,
        attemptNumber: event.attemptNumber + 1,
      }));
      this.#track(this.#send(delivery.url, events));
    }
  }

  /** Resolves when every delivery started so far has finished. */
  async settled(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all([...this.#inFlight]);
  }

  #track(promise: Promise<void>): void {
    this.#inFlight.add(promise);
    void promise.finally(() => this.#inFlight.delete(promise));
  }

  async #send(url: string, events: WebhookEvent[]): Promise<void> {
    const body = JSON.stringify(events);
    const timestamp = this.clock.now();
    const headers = {
      'content-type': 'application/json',
      'x-hubspot-signature-v3': signV3(this.app.clientSecret, 'POST', url, body, timestamp),
      'x-hubspot-request-timestamp': String(timestamp),
    };
    const delivery: Delivery = { url, events, body, headers, status: 0 };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      delivery.status = response.status;
      await response.arrayBuffer();
    } catch (error) {
      delivery.error = error instanceof Error ? error.message : String(error);
    }
    this.deliveries.push(delivery);
  }
}
