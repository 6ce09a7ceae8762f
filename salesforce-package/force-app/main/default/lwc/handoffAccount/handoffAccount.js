// On an Account page: the handoffs of the account's opportunities, each with its status, linking
// to the opportunity where the work happens.
import { LightningElement, api, wire } from 'lwc';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { accountRows, errorSentences } from 'c/handoffCore';

const FIELDS = [
  'Handoff__c.Handoff_Id__c',
  'Handoff__c.Status__c',
  'Handoff__c.Opportunity__c',
  'Handoff__c.Opportunity__r.Name',
];

export default class HandoffAccount extends LightningElement {
  @api recordId;
  @api playbook;

  records;
  error;

  @wire(getRelatedListRecords, {
    parentRecordId: '$recordId',
    relatedListId: 'Handoffs__r',
    fields: FIELDS,
  })
  onHandoffs({ data, error }) {
    if (error) this.error = errorSentences(error).join(' ');
    else if (data) this.records = data.records;
  }

  get rows() {
    return accountRows(this.playbook, this.records ?? []);
  }

  get isLoading() {
    return !this.records && !this.error;
  }

  get isEmpty() {
    return Boolean(this.records) && this.records.length === 0;
  }
}
