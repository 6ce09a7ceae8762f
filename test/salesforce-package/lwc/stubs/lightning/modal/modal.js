// Test stub of lightning/modal (LightningModal) with the behaviour Salesforce documents for it:
// `open(props)` shows the subclass as a modal dialog and resolves with what `close(result)` gets
// (undefined when Escape closes it); focus moves into the dialog and, on close, back to where it
// was. The real component also traps Tab inside the dialog; this stub does not.
// https://developer.salesforce.com/docs/platform/lwc/guide/use-dialog-modal.html
/* global document -- the stub runs in the tests' jsdom window */
import { LightningElement, api, createElement } from 'lwc';

/** The focused element, through open shadow roots (a button inside a base component). */
function focused() {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** The first focusable element in the dialog, through shadow roots and slots. */
function firstFocusable(root) {
  const all = [root, ...root.querySelectorAll('*')];
  for (const el of all) {
    if (el.shadowRoot) {
      const inner = firstFocusable(el.shadowRoot);
      if (inner) return inner;
    }
    if (el.matches && el.matches('button:not([disabled]), input, textarea, select, [tabindex]'))
      return el;
  }
  return undefined;
}

export default class LightningModal extends LightningElement {
  @api label = '';
  @api size = 'medium';
  @api description = '';

  static open(props = {}) {
    const opener = focused();
    const element = createElement('lightning-modal-dialog', { is: this });
    Object.assign(element, props);
    element.setAttribute('role', 'dialog');
    element.setAttribute('aria-modal', 'true');
    if (props.label) element.setAttribute('aria-label', props.label);
    return new Promise((resolve) => {
      element.addEventListener('modalclose', (event) => {
        element.remove();
        if (opener && opener.isConnected) opener.focus();
        resolve(event.detail);
      });
      element.addEventListener('keydown', (event) => {
        if (event.key === 'Escape') element.close(undefined);
      });
      document.body.appendChild(element);
      Promise.resolve().then(() => firstFocusable(element.shadowRoot)?.focus());
    });
  }

  @api
  close(result) {
    this.dispatchEvent(new CustomEvent('modalclose', { detail: result }));
  }
}
