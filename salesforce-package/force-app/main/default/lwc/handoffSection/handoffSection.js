// One handoff: its status and who must act, its checklist with editable items (behind "Show
// details" once it is settled), the actions the viewer may take, the reject
// dialog (c/handoffRejectModal) and the history. Every change goes up as a `handoffaction` event;
// the panel writes it.
import { LightningElement, api } from 'lwc';
import HandoffRejectModal from 'c/handoffRejectModal';

export default class HandoffSection extends LightningElement {
  @api handoff;
  @api busy = false;

  /** A settled handoff (accepted, or its window passed) shows one line, and why if rejected, until opened. */
  expanded = false;

  get showBody() {
    return !this.handoff.settled || this.expanded;
  }

  get detailsLabel() {
    return this.expanded ? 'Hide details' : 'Show details';
  }

  get detailsExpanded() {
    return this.expanded ? 'true' : 'false';
  }

  toggleDetails() {
    this.expanded = !this.expanded;
  }

  /** While a write is on its way, nothing else can be sent. */
  get actions() {
    return this.handoff.actions.map((a) => ({ ...a, disabled: a.disabled || this.busy }));
  }
  send(action) {
    this.dispatchEvent(
      new CustomEvent('handoffaction', { detail: { handoffId: this.handoff.id, action } }),
    );
  }

  handleCheck(event) {
    this.send({
      type: 'set_item',
      itemId: event.target.name,
      value: event.detail.checked === true,
    });
  }

  /** Text and number items are saved when the person leaves the field (`commit`), not per key. */
  handleCommit(event) {
    const { name, type, value } = event.target;
    // A date input fires `commit` before it takes the new value; dates are saved on `change`.
    if (type === 'date') return;
    this.sendValue(name, type, value);
  }

  /** A date item's `change` comes once a whole date is picked or typed, with the value in detail. */
  handleDateChange(event) {
    const { name, type } = event.target;
    if (type !== 'date') return;
    this.sendValue(name, type, event.detail.value);
  }

  sendValue(name, type, value) {
    const text = value === undefined || value === null ? '' : String(value).trim();
    let parsed = text === '' ? null : text;
    if (type === 'number' && parsed !== null) parsed = Number(parsed);
    this.send({ type: 'set_item', itemId: name, value: parsed });
  }

  handleChoice(event) {
    this.send({ type: 'set_item', itemId: event.target.name, value: event.detail.value || null });
  }

  handleAction(event) {
    const type = event.target.name;
    if (type === 'reject') this.reject();
    else this.send({ type });
  }

  /** Asks for the reason in a modal; nothing is sent when the person cancels or presses Escape. */
  async reject() {
    const answer = await HandoffRejectModal.open({
      size: 'small',
      label: `Reject ${this.handoff.label}`,
      description: 'Why the handoff is rejected and what should be fixed',
      reasons: this.handoff.rejectReasons,
    });
    if (answer && !this.busy) this.send({ type: 'reject', ...answer });
  }
}
