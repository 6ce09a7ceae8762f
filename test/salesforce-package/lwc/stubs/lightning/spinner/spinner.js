// Test stub of the base component lightning-spinner: its public properties, no rendering of its own.
import { LightningElement, api } from 'lwc';

export default class Spinner extends LightningElement {
  @api alternativeText;
  @api size;
  @api variant;
}
