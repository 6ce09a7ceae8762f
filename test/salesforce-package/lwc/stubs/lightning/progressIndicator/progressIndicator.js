// Test stub of the base component lightning-progressIndicator: its public properties, no rendering of its own.
import { LightningElement, api } from 'lwc';

export default class ProgressIndicator extends LightningElement {
  @api currentStep;
  @api type;
  @api variant;
}
