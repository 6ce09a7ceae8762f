// One handoff: its checklist with editable items, the actions the viewer may take, the reject
// dialog and the history. Every change goes up as a `handoffaction` event; the panel writes it.
import { LightningElement, api } from 'lwc';

export default class HandoffSection extends LightningElement {
  @api handoff;
  @api busy = false;

  rejecting = false;

  /** While a write is on its way, nothing else can be sent. */
  get actions() {
    return this.handoff.actions.map((a) => ({ ...a, disabled: a.disabled || this.busy }));
  }
  reason = '';
  comment = '';

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
    if (type === 'reject') {
      this.rejecting = true;
      this.reason = '';
      this.comment = '';
      return;
    }
    this.send({ type });
  }

  handleReason(event) {
    this.reason = event.detail.value;
  }

  handleComment(event) {
    this.comment = event.detail.value;
  }

  get rejectDisabled() {
    return !this.reason || this.busy;
  }

  handleCancel() {
    this.rejecting = false;
  }

  handleKeydown(event) {
    if (event.key === 'Escape') this.rejecting = false;
  }

  handleReject() {
    const comment = this.comment.trim();
    this.rejecting = false;
    this.send({ type: 'reject', reason: this.reason, ...(comment ? { comment } : {}) });
  }
}
