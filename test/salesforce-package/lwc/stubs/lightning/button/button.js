// Test stub of the base component lightning-button: its public properties, no rendering of its own.
import { LightningElement, api } from 'lwc';

export default class Button extends LightningElement {
  @api label;
  @api variant;
  @api disabled;
  @api name;
  @api title;
  @api type;
  @api iconName;
}
