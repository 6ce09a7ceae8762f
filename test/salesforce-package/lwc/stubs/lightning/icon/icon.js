// Test stub of the base component lightning-icon: its public properties, no rendering of its own.
import { LightningElement, api } from 'lwc';

export default class Icon extends LightningElement {
  @api iconName;
  @api alternativeText;
  @api variant;
  @api size;
  @api title;
}
