// Test stub of the base component lightning-progressStep: its public properties, no rendering of its own.
import { LightningElement, api } from 'lwc';

export default class ProgressStep extends LightningElement {
  @api label;
  @api value;
}
