// One opportunity's stages, exit criteria, timers and handoffs, from the panel model the core builds.
import { LightningElement, api } from 'lwc';

export default class HandoffRecord extends LightningElement {
  @api model;
  @api busy = false;

  handleAction(event) {
    // Re-dispatched rather than composed, so the event never leaves the panel's shadow tree.
    this.dispatchEvent(new CustomEvent('handoffaction', { detail: event.detail }));
  }
}
