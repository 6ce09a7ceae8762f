// Test stub of the base component lightning-input: its public properties, no rendering of its own.
import { LightningElement, api } from 'lwc';

export default class Input extends LightningElement {
  @api label;
  @api type;
  @api value;
  @api checked;
  @api disabled;
  @api required;
  @api name;
  @api placeholder;
  @api fieldLevelHelp;
  @api messageWhenValueMissing;
  @api variant;
  @api min;
  @api step;
}
