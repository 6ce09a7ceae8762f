// Test stub of the base component lightning-button: its public properties and, as the real one,
// a native button inside that takes focus (named by aria-label, so tests' text stays the same).
import { LightningElement, api } from 'lwc';

export default class Button extends LightningElement {
  @api label;
  @api variant;
  @api disabled;
  @api name;
  @api title;
  @api type;
  @api iconName;

  @api
  focus() {
    this.template.querySelector('button')?.focus();
  }
}
