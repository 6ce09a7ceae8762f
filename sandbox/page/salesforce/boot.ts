// The Salesforce frame's bootstrap: one frame per viewer, so the viewer's session (user id, time
// zone, custom permissions; the Handoff roles are read by the panel from the User record) is known before the components' static imports are evaluated. The
// frame runs at the sandbox's instant (`now`), the one clock every part of the sandbox reads.
import { setSession, type SalesforceSession } from './lds/session.js';

export interface FrameParams {
  component: 'panel' | 'admin' | 'queue';
  viewer: string;
  recordId: string;
  objectApiName: string;
  now: number;
  /**
   * Custom permissions granted to this frame only, not to the Salesforce user: the panel then
   * offers what the user may not do, and the org's validation rules answer. The sandbox's way to
   * show a forbidden write refused server-side (the browser tests use it).
   */
  grant: string[];
  /**
   * Handoff roles this frame reads on the user's User record instead of the stored ones (the
   * record in the org is untouched): the same way to show a write the org's role rules refuse.
   */
  roles?: string[];
}

const search = new URLSearchParams(location.search);
const params: FrameParams = {
  component:
    search.get('component') === 'admin'
      ? 'admin'
      : search.get('component') === 'queue'
        ? 'queue'
        : 'panel',
  viewer: search.get('viewer') ?? '',
  recordId: search.get('recordId') ?? '',
  objectApiName: search.get('objectApiName') ?? 'Opportunity',
  now: Number(search.get('now')),
  grant: (search.get('grant') ?? '').split(',').filter(Boolean),
  ...(search.has('roles') ? { roles: (search.get('roles') ?? '').split(',').filter(Boolean) } : {}),
};

// The sandbox clock stands still between moves; the panel evaluates with Date.now().
if (Number.isFinite(params.now) && params.now > 0) Date.now = () => params.now;

const root = document.getElementById('root') as HTMLElement;
try {
  const response = await fetch(`/sf/session?viewer=${encodeURIComponent(params.viewer)}`);
  const body = (await response.json()) as Omit<SalesforceSession, 'viewer'> & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `the sandbox answered ${response.status}`);
  setSession({
    ...body,
    viewer: params.viewer,
    customPermissions: [...body.customPermissions, ...params.grant],
    ...(params.roles ? { pretendRoles: params.roles } : {}),
  });
  const { mount } = await import('./mount.js');
  mount(root, params);
} catch (error) {
  const alert = document.createElement('div');
  alert.className = 'slds-notify slds-notify_alert slds-alert_error';
  alert.setAttribute('role', 'alert');
  alert.dataset.id = 'frame-error';
  alert.textContent = `The Salesforce panel could not start: ${(error as Error).message}`;
  root.replaceChildren(alert);
}
report();
openRecordsInThePage();
followVisibleBand();

/**
 * The band of this frame the page shows on screen (SalesforceFrame.tsx tells it on every scroll),
 * as CSS variables: frame.html fits Lightning's modals and backdrops into it.
 */
function followVisibleBand(): void {
  window.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as { type?: string; top?: number; height?: number } | null;
    if (event.source !== parent || data?.type !== 'handoff-sf-visible') return;
    if (typeof data.top !== 'number' || typeof data.height !== 'number') return;
    const style = document.documentElement.style;
    style.setProperty('--page-visible-top', `${data.top}px`);
    style.setProperty('--page-visible-height', `${data.height}px`);
  });
}

/**
 * Record links (`/lightning/r/<Object>/<id>/view`, as the account panel's rows are) would load in
 * this small frame; the page opens the record instead, as Lightning's navigation would.
 */
function openRecordsInThePage(): void {
  document.addEventListener('click', (event) => {
    const link = event
      .composedPath()
      .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    const match = /^\/lightning\/r\/(\w+)\/(\w+)\/view$/.exec(link?.getAttribute('href') ?? '');
    if (!match) return;
    event.preventDefault();
    parent.postMessage(
      { type: 'handoff-sf-open', objectApiName: match[1], recordId: match[2] },
      location.origin,
    );
  });
}

/** Tells the page this frame's height, so the frame grows with the panel instead of scrolling. */
function report(): void {
  const send = () =>
    parent.postMessage(
      { type: 'handoff-sf-frame', height: document.documentElement.scrollHeight },
      location.origin,
    );
  new ResizeObserver(send).observe(document.body);
  send();
}
