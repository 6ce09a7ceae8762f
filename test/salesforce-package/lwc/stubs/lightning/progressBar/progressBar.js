// Test stub of the base component lightning-progressBar: its public properties, no rendering of its own.
import { LightningElement, api } from 'lwc';

export default class ProgressBar extends LightningElement {
  @api value;
  @api variant;
  @api size;
}
