// Test stub of the base component lightning-textarea: its public properties, no rendering of its own;
// focus() and setRangeText() record their calls (`calls`) as the real one moves its selection.
import { LightningElement, api } from 'lwc';

export default class Textarea extends LightningElement {
  @api label;
  @api value;
  @api disabled;
  @api readOnly;
  @api required;
  @api name;
  @api maxLength;
  @api placeholder;
  @api messageWhenValueMissing;
  @api calls = [];

  @api
  focus() {
    this.calls.push(['focus']);
  }

  @api
  setRangeText(...args) {
    this.calls.push(['setRangeText', ...args]);
  }
}
