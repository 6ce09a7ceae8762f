// On an Account page: the handoffs of the account's opportunities, evaluated by the core as each
// opportunity's own panel does — status, checklist progress and the SLA timers still running —
// with a link to the opportunity, where the work happens.
import { LightningElement, api, wire } from 'lwc';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { graphql, gql } from 'lightning/graphql';
import timeZone from '@salesforce/i18n/timeZone';
import {
  ACCOUNT_OPPORTUNITY_FIELDS,
  HANDOFF_FIELDS,
  OPPORTUNITY_OPTIONAL,
  accountModel,
  errorSentences,
  graphNodes,
  itemsByHandoff,
  opportunityFields,
} from 'c/handoffCore';

const ITEMS = gql`
  query handoffAccount($accountId: ID) {
    uiapi {
      query {
        Handoff_Item__c(where: { Handoff__r: { Account__c: { eq: $accountId } } }, first: 2000) {
          edges {
            node {
              Id
              Handoff__c {
                value
              }
              Item_Id__c {
                value
              }
              Required__c {
                value
              }
              Done__c {
                value
              }
              Value__c {
                value
              }
              Done_By__c {
                value
              }
              Done_At__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;

export default class HandoffAccount extends LightningElement {
  @api recordId;
  @api playbook;

  opportunities;
  handoffs;
  items;
  errors;

  @wire(getRelatedListRecords, {
    parentRecordId: '$recordId',
    relatedListId: 'Opportunities',
    fields: ACCOUNT_OPPORTUNITY_FIELDS,
    optionalFields: '$optionalFields',
    pageSize: 200,
  })
  onOpportunities({ data, error }) {
    if (error) this.errors = errorSentences(error);
    else if (data) this.opportunities = data.records;
  }

  @wire(getRelatedListRecords, {
    parentRecordId: '$recordId',
    relatedListId: 'Handoffs__r',
    fields: HANDOFF_FIELDS,
    pageSize: 200,
  })
  onHandoffs({ data, error }) {
    if (error) this.errors = errorSentences(error);
    else if (data) this.handoffs = data.records;
  }

  @wire(graphql, { query: ITEMS, variables: '$itemVariables' })
  onItems(result) {
    if (result.errors || result.error) {
      this.errors = errorSentences(result.error ?? { body: result.errors });
    } else if (result.data) {
      this.items = itemsByHandoff(graphNodes(result.data, 'Handoff_Item__c'));
    }
  }

  get itemVariables() {
    return { accountId: this.recordId };
  }

  /** The playbook's own fields too: its criteria and timers read them. */
  get optionalFields() {
    return this.playbook
      ? [...OPPORTUNITY_OPTIONAL, ...opportunityFields(this.playbook)]
      : OPPORTUNITY_OPTIONAL;
  }

  get loaded() {
    return Boolean(this.playbook && this.opportunities && this.handoffs && this.items);
  }

  get isLoading() {
    return !this.errors && !this.loaded;
  }

  get model() {
    return accountModel(
      this.playbook,
      { opportunities: this.opportunities, handoffs: this.handoffs, items: this.items },
      Date.now(),
      timeZone,
    );
  }

  get showRows() {
    return !this.errors && this.loaded && this.model.hasRows;
  }

  get isEmpty() {
    return !this.errors && this.loaded && !this.model.hasRows;
  }
}
