// Test stub of the base component lightning-combobox: its public properties, no rendering of its own.
import { LightningElement, api } from 'lwc';

export default class Combobox extends LightningElement {
  @api label;
  @api value;
  @api options;
  @api disabled;
  @api required;
  @api name;
  @api placeholder;
  @api variant;
}
