// Test stub of the base component lightning-textarea: its public properties, no rendering of its own.
import { LightningElement, api } from 'lwc';

export default class Textarea extends LightningElement {
  @api label;
  @api value;
  @api disabled;
  @api required;
  @api name;
  @api maxLength;
  @api placeholder;
  @api messageWhenValueMissing;
}
