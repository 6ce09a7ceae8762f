// Test stub of lightning-modal-footer: renders what it is given.
import { LightningElement } from 'lwc';

export default class ModalFooter extends LightningElement {}
