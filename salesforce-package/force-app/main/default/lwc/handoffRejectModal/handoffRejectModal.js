// The reject dialog: a reason (required) and what should be fixed. A LightningModal, so the
// platform traps focus inside it, closes it on Escape and returns focus to the Reject button;
// `open()` resolves with `{ reason, comment }`, or undefined when the person cancels.
import { api } from 'lwc';
import LightningModal from 'lightning/modal';

export default class HandoffRejectModal extends LightningModal {
  /** The reasons the playbook offers: `{ label, value }`. */
  @api reasons = [];

  reason = '';
  comment = '';

  get rejectDisabled() {
    return !this.reason;
  }

  handleReason(event) {
    this.reason = event.detail.value;
  }

  handleComment(event) {
    this.comment = event.detail.value;
  }

  handleCancel() {
    this.close();
  }

  handleReject() {
    const comment = this.comment.trim();
    this.close({ reason: this.reason, ...(comment ? { comment } : {}) });
  }
}
