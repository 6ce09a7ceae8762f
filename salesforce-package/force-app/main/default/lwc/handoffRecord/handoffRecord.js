// One opportunity's next step, stages, exit criteria, timers and handoffs, from the panel model the
// core builds.
import { LightningElement, api } from 'lwc';

export default class HandoffRecord extends LightningElement {
  @api model;
  @api busy = false;

  /** The next step's one button; nothing else can be sent while a write is on its way. */
  get nextAction() {
    const action = this.model.nextStep?.action;
    return action ? { ...action, disabled: action.disabled || this.busy } : undefined;
  }

  /** With no next step: nobody needs to act, or (the card's words too) no handoff is open at all. */
  get noneText() {
    return this.model.handoffs?.length
      ? 'Nobody needs to act on a handoff of this opportunity right now.'
      : 'No handoff is open for this opportunity at its stage.';
  }

  handleNextStep() {
    const step = this.model.nextStep;
    if (!step?.action) return;
    this.dispatchEvent(
      new CustomEvent('handoffaction', {
        detail: { handoffId: step.handoffId, action: { type: step.action.type } },
      }),
    );
  }

  handleAction(event) {
    // Re-dispatched rather than composed, so the event never leaves the panel's shadow tree.
    this.dispatchEvent(new CustomEvent('handoffaction', { detail: event.detail }));
  }
}
