// On an Account page: the handoffs of the account's opportunities, evaluated by the core as each
// opportunity's own panel does — status, checklist progress and the SLA timers still running —
// with a link to the opportunity, where the work happens. Every page of every list is read (a
// large account is not cut at the first page); the most urgent rows show first, the rest on request.
import { LightningElement, api, wire } from 'lwc';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { graphql, gql } from 'lightning/graphql';
import timeZone from '@salesforce/i18n/timeZone';
import HANDOFF_OBJECT from '@salesforce/schema/Handoff__c';
import {
  ACCOUNT_OPPORTUNITY_FIELDS,
  OPPORTUNITY_OPTIONAL,
  accountModel,
  errorSentences,
  graphNodes,
  itemsByHandoff,
  opportunityFields,
  orgNames,
} from 'c/handoffCore';

/** The package's names as this org spells them (see c/handoffPanel); the gql query keeps the source's. */
const ORG = orgNames(HANDOFF_OBJECT.objectApiName);

/**
 * The most records one related-list page may hold: "up to 1,999 records" (Get Related List Records,
 * https://developer.salesforce.com/docs/atlas.en-us.uiapi.meta/uiapi/ui_api_resources_related_list_records.htm).
 */
const LIST_PAGE = 1999;
/** Rows shown at first and added by each "Show more". */
const ROWS_SHOWN = 50;

/**
 * The checklist items are paged with an upper-bound limit: without one, GraphQL pages reach 4,000
 * records at most (https://developer.salesforce.com/docs/platform/graphql/guide/paginate-use.html);
 * with one, `first` is 200 to 2000 and each page starts `after` the last one's endCursor
 * (https://developer.salesforce.com/docs/platform/graphql/guide/paginate-use-upperbound.html).
 * The query's `upperBound` literal: a query must be static text.
 */
const ITEM_BOUND = 10000;
const ITEMS = gql`
  query handoffAccount($accountId: ID, $after: String) {
    uiapi {
      query {
        Handoff_Item__c(
          where: { Handoff__r: { Account__c: { eq: $accountId } } }
          first: 2000
          after: $after
          upperBound: 10000
        ) {
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

/** Each component's last model and what it was made from, outside LWC's reactive fields. */
const MODELS = new WeakMap();

/**
 * A list read page by page: each page's records under the token that asked for it (LDS may hand
 * a page out again when its cache refreshes), done when a page names no next one.
 */
class Pages {
  pages = new Map();
  done = false;

  /** Keeps `records` as the page `token` asked for; the token of the next page, if any. */
  add(token, records, next) {
    this.pages.set(token, records);
    this.done = !next;
    return next || undefined;
  }

  get records() {
    return [...this.pages.values()].flat();
  }
}

export default class HandoffAccount extends LightningElement {
  @api recordId;
  @api playbook;

  /** The page each list is on: undefined (the first page), then the token or cursor LDS gave. */
  opportunityToken;
  handoffToken;
  itemCursor = null;
  opportunityPages = new Pages();
  handoffPages = new Pages();
  itemPages = new Pages();
  opportunities;
  handoffs;
  items;
  errors;
  /** The account has more checklist items than one query may page through. */
  itemsCut = false;
  shown = ROWS_SHOWN;

  @wire(getRelatedListRecords, {
    parentRecordId: '$recordId',
    relatedListId: 'Opportunities',
    fields: ACCOUNT_OPPORTUNITY_FIELDS,
    optionalFields: '$optionalFields',
    pageSize: LIST_PAGE,
    pageToken: '$opportunityToken',
  })
  onOpportunities({ data, error }) {
    if (error) this.errors = errorSentences(error);
    else if (data) {
      const pages = this.opportunityPages;
      this.opportunityToken = pages.add(this.opportunityToken, data.records, data.nextPageToken);
      if (pages.done) this.opportunities = pages.records;
    }
  }

  @wire(getRelatedListRecords, {
    parentRecordId: '$recordId',
    relatedListId: ORG.handoffsList,
    fields: ORG.handoffFields,
    pageSize: LIST_PAGE,
    pageToken: '$handoffToken',
  })
  onHandoffs({ data, error }) {
    if (error) this.errors = errorSentences(error);
    else if (data) {
      const pages = this.handoffPages;
      const records = data.records.map(ORG.local);
      this.handoffToken = pages.add(this.handoffToken, records, data.nextPageToken);
      if (pages.done) this.handoffs = pages.records;
    }
  }

  @wire(graphql, { query: ITEMS, variables: '$itemVariables' })
  onItems(result) {
    if (result.errors || result.error) {
      this.errors = errorSentences(result.error ?? { body: result.errors });
    } else if (result.data) {
      const info = result.data.uiapi?.query?.Handoff_Item__c?.pageInfo;
      const pages = this.itemPages;
      const next = pages.add(
        this.itemCursor,
        graphNodes(result.data, 'Handoff_Item__c'),
        info?.hasNextPage ? info.endCursor : undefined,
      );
      if (pages.done) {
        const records = pages.records;
        this.itemsCut = records.length >= ITEM_BOUND;
        this.items = itemsByHandoff(records);
      } else this.itemCursor = next;
    }
  }

  get itemVariables() {
    // `after: null` is the first page; a variable left undefined would hold the query back.
    return { accountId: this.recordId, after: this.itemCursor };
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

  /** Evaluated once per answer, not per getter call: a large account has thousands of rows. */
  get model() {
    const inputs = [this.playbook, this.opportunities, this.handoffs, this.items];
    const cached = MODELS.get(this);
    if (cached && cached.inputs.every((input, i) => input === inputs[i])) return cached.model;
    const model = accountModel(
      this.playbook,
      { opportunities: this.opportunities, handoffs: this.handoffs, items: this.items },
      Date.now(),
      timeZone,
    );
    MODELS.set(this, { inputs, model });
    return model;
  }

  /** The most urgent rows (the model sorts breached first), as many as the person asked for. */
  get rows() {
    return this.model.rows.slice(0, this.shown);
  }

  get hidden() {
    return Math.max(0, this.model.rows.length - this.shown);
  }

  get hasHidden() {
    return this.hidden > 0;
  }

  get itemsCutText() {
    return `This account has more than ${ITEM_BOUND.toLocaleString('en-US')} checklist items; the progress shown counts the first ${ITEM_BOUND.toLocaleString('en-US')}. Open an opportunity for its exact checklist.`;
  }

  get moreText() {
    const n = this.hidden;
    return `and ${n} more ${n === 1 ? 'opportunity' : 'opportunities'} with a handoff open, less urgent than those above`;
  }

  get moreLabel() {
    return `Show ${Math.min(ROWS_SHOWN, this.hidden)} more`;
  }

  handleMore() {
    this.shown += ROWS_SHOWN;
  }

  get showRows() {
    return !this.errors && this.loaded && this.model.hasRows;
  }

  get isEmpty() {
    return !this.errors && this.loaded && !this.model.hasRows;
  }
}
