// What saving the edited playbook changes, before Save: the change in words and, on the org's
// opportunities as of now, the timers, verdicts and handoffs that shift and the escalations the
// next scan would raise, each count opening the opportunities behind it (c/handoffCore's
// previewModel: the core's diffPlaybooks and previewPlaybookChange). Over the playbook's guard rail
// (guardRails.maxEscalationsOnSave, default 25) Save needs the admin's explicit confirmation.
import { LightningElement, api, wire } from 'lwc';
import { graphql, gql } from 'lightning/graphql';
import {
  errorSentences,
  graphNodes,
  itemsByHandoff,
  previewModel,
  readPlaybook,
} from 'c/handoffCore';

/**
 * Bounded reads: 2,000 a page (`first` with `after` the previous endCursor), at most 10,000 rows
 * each (upperBound, https://developer.salesforce.com/docs/platform/graphql/guide/paginate-use-upperbound.html).
 * Every Handoff__c is read, accepted ones too: a tighter acceptance SLA changes met timers.
 */
const LIMIT = 10000;

const OPPORTUNITIES = gql`
  query handoffPreviewOpportunities($after: String) {
    uiapi {
      query {
        Opportunity(first: 2000, after: $after, upperBound: 10000) {
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              Id
              Name {
                value
              }
              StageName {
                value
              }
              OwnerId {
                value
              }
              AccountId {
                value
              }
              CreatedDate {
                value
              }
              LastStageChangeDate {
                value
              }
            }
          }
        }
      }
    }
  }
`;

const HANDOFFS = gql`
  query handoffPreviewHandoffs($after: String) {
    uiapi {
      query {
        Handoff__c(first: 2000, after: $after, upperBound: 10000) {
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              Id
              Handoff_Id__c {
                value
              }
              Status__c {
                value
              }
              Version__c {
                value
              }
              Opportunity__c {
                value
              }
              Submitted_By__c {
                value
              }
              Submitted_At__c {
                value
              }
              Accepted_By__c {
                value
              }
              Accepted_At__c {
                value
              }
              Rejected_By__c {
                value
              }
              Rejected_At__c {
                value
              }
              Rejection_Reason__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;

const ITEMS = gql`
  query handoffPreviewItems($after: String) {
    uiapi {
      query {
        Handoff_Item__c(first: 2000, after: $after, upperBound: 10000) {
          pageInfo {
            hasNextPage
            endCursor
          }
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

/** A list read page by page, each page under the cursor that asked for it (LDS may re-send one). */
class Pages {
  pages = new Map();
  done = false;

  add(cursor, records, next) {
    this.pages.set(cursor, records);
    this.done = !next;
    return next || null;
  }

  get records() {
    return [...this.pages.values()].flat();
  }
}

/** Each component's last model and what it was made from, outside LWC's reactive fields. */
const MODELS = new WeakMap();

export default class HandoffChangePreview extends LightningElement {
  /** The org's active playbook text, and the admin's edited one. */
  @api oldText;
  @api newText;

  opportunities;
  handoffs;
  items;
  errors;
  confirmed = false;
  confirmedFor;
  cursors = { opportunities: null, handoffs: null, items: null };
  pages = { opportunities: new Pages(), handoffs: new Pages(), items: new Pages() };

  @wire(graphql, { query: OPPORTUNITIES, variables: '$opportunityVariables' })
  onOpportunities(result) {
    this.read('opportunities', 'Opportunity', result, (rows) => rows);
  }

  @wire(graphql, { query: HANDOFFS, variables: '$handoffVariables' })
  onHandoffs(result) {
    this.read('handoffs', 'Handoff__c', result, (rows) => rows);
  }

  @wire(graphql, { query: ITEMS, variables: '$itemVariables' })
  onItems(result) {
    this.read('items', 'Handoff_Item__c', result, itemsByHandoff);
  }

  read(name, objectApiName, result, shape) {
    if (result.errors || result.error) {
      this.errors = errorSentences(result.error ?? { body: result.errors });
      return;
    }
    if (!result.data) return;
    const info = result.data.uiapi?.query?.[objectApiName]?.pageInfo;
    const pages = this.pages[name];
    const next = pages.add(
      this.cursors[name],
      graphNodes(result.data, objectApiName),
      info?.hasNextPage ? info.endCursor : undefined,
    );
    if (pages.done) this[name] = shape(pages.records);
    else this.cursors = { ...this.cursors, [name]: next };
  }

  get opportunityVariables() {
    // `after: null` is the first page; an undefined variable would hold the query back.
    return { after: this.cursors.opportunities };
  }

  get handoffVariables() {
    return { after: this.cursors.handoffs };
  }

  get itemVariables() {
    return { after: this.cursors.items };
  }

  /** Both texts parse and differ: only then is there a change to preview. */
  get playbooks() {
    if (!this.oldText || !this.newText || this.oldText === this.newText) return undefined;
    const old = readPlaybook(this.oldText);
    const next = readPlaybook(this.newText);
    return old.ok && next.ok ? { old: old.playbook, next: next.playbook } : undefined;
  }

  get loaded() {
    return Boolean(this.opportunities && this.handoffs && this.items);
  }

  /** Computed once per pair of texts and answer, not per getter call. */
  get model() {
    const playbooks = this.playbooks;
    if (!playbooks || !this.loaded) return undefined;
    const inputs = [this.oldText, this.newText, this.opportunities, this.handoffs, this.items];
    const cached = MODELS.get(this);
    if (cached && cached.inputs.every((input, i) => input === inputs[i])) return cached.model;
    const model = previewModel(
      playbooks.old,
      playbooks.next,
      { opportunities: this.opportunities, handoffs: this.handoffs, items: this.items },
      Date.now(),
    );
    MODELS.set(this, { inputs, model });
    return model;
  }

  get show() {
    return Boolean(this.playbooks);
  }

  get hasErrors() {
    return Boolean(this.errors);
  }

  get errorText() {
    return (this.errors ?? []).join(' ');
  }

  get isLoading() {
    return this.show && !this.errors && !this.loaded;
  }

  get hasModel() {
    return Boolean(this.model);
  }

  get capped() {
    return this.loaded && (this.opportunities.length >= LIMIT || this.handoffs.length >= LIMIT);
  }

  get cappedText() {
    return `Only the first ${LIMIT.toLocaleString('en-US')} opportunities and handoffs were read; the counts may be higher.`;
  }

  get needsConfirmation() {
    return Boolean(this.model?.needsConfirmation);
  }

  /** A confirmation holds for the text it was given for; an edit asks again. */
  get isConfirmed() {
    return this.confirmed && this.confirmedFor === this.newText;
  }

  handleConfirm(event) {
    this.confirmed = event.target.checked;
    this.confirmedFor = this.newText;
  }

  /**
   * For the admin panel's Save: a sentence saying why saving must wait (the preview is still
   * reading, or its escalations need confirming), or undefined when it may go ahead.
   */
  @api
  saveBlocker() {
    if (!this.show || this.errors) return undefined;
    if (!this.loaded) return 'Wait for the change preview to finish reading the opportunities.';
    if (this.needsConfirmation && !this.isConfirmed)
      return `${this.model.confirmText} Tick the confirmation in "What saving changes" to save.`;
    return undefined;
  }
}
