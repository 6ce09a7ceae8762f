// Test stub of lightning-modal-header: the dialog's heading.
import { LightningElement, api } from 'lwc';

export default class ModalHeader extends LightningElement {
  @api label;
}
