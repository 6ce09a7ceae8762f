// Test stub of lightning-modal-body: renders what it is given.
import { LightningElement } from 'lwc';

export default class ModalBody extends LightningElement {}
