// Test stub of the base component lightning-card: its public properties, no rendering of its own.
import { LightningElement, api } from 'lwc';

export default class Card extends LightningElement {
  @api title;
  @api iconName;
  @api variant;
}
