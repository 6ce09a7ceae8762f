// "Waiting for me" on the Home page, app pages and the utility bar: every open handoff the viewer's
// Handoff roles can move, across opportunities, most urgent first (the core's queue order), with
// accept and reject on the row through the very writes the panel makes (planAction, updateRecord
// with If-Unmodified-Since), so the validation rules judge them alike. Reads through LDS GraphQL,
// page by page with `first` / `after` cursors; the opportunity fields the playbook maps (named by the
// admin, so no static query can name them) through getRecords, as the panel reads them with getRecord.
import { LightningElement, api, wire } from 'lwc';
import { getRecord, getRecords, updateRecord } from 'lightning/uiRecordApi';
import { graphql, gql } from 'lightning/graphql';
import userId from '@salesforce/user/Id';
import ROLES_FIELD from '@salesforce/schema/User.Handoff_Roles__c';
import HANDOFF_OBJECT from '@salesforce/schema/Handoff__c';
import timeZone from '@salesforce/i18n/timeZone';
import HandoffRejectModal from 'c/handoffRejectModal';
import {
  errorSentences,
  graphNodes,
  itemsByHandoff,
  opportunityFields,
  opportunityIdPages,
  orgNames,
  planQueueAction,
  queueModel,
  readPlaybook,
  viewerFrom,
} from 'c/handoffCore';

/** The package's names as this org spells them (see c/handoffPanel); gql queries keep the source's. */
const ORG = orgNames(HANDOFF_OBJECT.objectApiName);

/** Rows shown at first and added by each "Show more". */
const ROWS_SHOWN = 25;

/**
 * Open handoffs (every status but accepted), 200 a page: `first` with `after` the previous page's
 * endCursor (https://developer.salesforce.com/docs/platform/graphql/guide/paginate-use.html),
 * ordered by the scanner's next due time so the most urgent come early; the core orders what it
 * read. The opportunity comes through the header's parent relationship, the submitter's name
 * through Submitted_By__r (https://developer.salesforce.com/docs/platform/lwc/guide/reference-graphql-relationships.html).
 * lightning/graphql (v2) supersedes lightning/uiGraphQLApi (v1)
 * (https://developer.salesforce.com/docs/platform/lwc/guide/reference-graphql-intro.html).
 */
const HANDOFFS = gql`
  query handoffQueue($after: String) {
    uiapi {
      query {
        Handoff_Playbook__c(where: { Active__c: { eq: true } }, first: 1) {
          edges {
            node {
              Id
              Playbook_Text__c {
                value
              }
            }
          }
        }
        Handoff__c(
          where: { Status__c: { in: ["not_started", "in_progress", "submitted", "rejected"] } }
          first: 200
          after: $after
          orderBy: { SLA_Next_Due__c: { order: ASC, nulls: LAST } }
        ) {
          totalCount
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
              Record_Key__c {
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
              LastModifiedDate {
                value
              }
              Submitted_By__r {
                Name {
                  value
                }
              }
              Opportunity__r {
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
  }
`;

/**
 * The open handoffs' checklist items, for their progress. With an upper bound, `first` is 200 to
 * 2000 and pages reach 10,000 rows
 * (https://developer.salesforce.com/docs/platform/graphql/guide/paginate-use-upperbound.html).
 */
const ITEMS = gql`
  query handoffQueueItems($after: String) {
    uiapi {
      query {
        Handoff_Item__c(
          where: {
            Handoff__r: {
              Status__c: { in: ["not_started", "in_progress", "submitted", "rejected"] }
            }
          }
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
/** Each component's last getRecords entries, so the wire sees a new configuration only on new reads. */
const REQUESTS = new WeakMap();

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

export default class HandoffQueue extends LightningElement {
  @api cardTitle = 'Waiting for me';

  handoffCursor = null;
  itemCursor = null;
  handoffPages = new Pages();
  itemPages = new Pages();
  playbook;
  playbookIssues;
  handoffs;
  items;
  /** The Handoff roles on the viewer's User record (`a;b`), null when none; undefined until read. */
  handoffRoles;
  /** The playbook's Opportunity fields by opportunity id (getRecords). */
  opportunities;
  errors;
  actionErrors = [];
  busyKey;
  shown = ROWS_SHOWN;
  wiredHandoffs;
  wiredItems;

  @wire(graphql, { query: HANDOFFS, variables: '$handoffVariables' })
  onHandoffs(result) {
    this.wiredHandoffs = result;
    if (result.errors || result.error) {
      this.errors = errorSentences(result.error ?? { body: result.errors });
    } else if (result.data) {
      const [active] = graphNodes(result.data, 'Handoff_Playbook__c');
      const parsed = active ? readPlaybook(active.fields.Playbook_Text__c?.value) : undefined;
      this.playbook = parsed?.ok ? parsed.playbook : undefined;
      this.playbookIssues = parsed && !parsed.ok ? parsed.issues : undefined;
      const info = result.data.uiapi?.query?.Handoff__c?.pageInfo;
      const next = this.handoffPages.add(
        this.handoffCursor,
        graphNodes(result.data, 'Handoff__c'),
        info?.hasNextPage ? info.endCursor : undefined,
      );
      if (this.handoffPages.done) this.handoffs = this.handoffPages.records;
      else this.handoffCursor = next;
    }
  }

  @wire(graphql, { query: ITEMS, variables: '$itemVariables' })
  onItems(result) {
    this.wiredItems = result;
    if (result.errors || result.error) {
      this.errors = errorSentences(result.error ?? { body: result.errors });
    } else if (result.data) {
      const info = result.data.uiapi?.query?.Handoff_Item__c?.pageInfo;
      const next = this.itemPages.add(
        this.itemCursor,
        graphNodes(result.data, 'Handoff_Item__c'),
        info?.hasNextPage ? info.endCursor : undefined,
      );
      if (this.itemPages.done) this.items = itemsByHandoff(this.itemPages.records);
      else this.itemCursor = next;
    }
  }

  /**
   * The playbook's Opportunity fields of every opportunity in the queue, 100 ids a batch
   * (https://developer.salesforce.com/docs/platform/lwc/guide/reference-wire-adapters-records.html);
   * optional, so a field the viewer may not read is left out rather than failing the queue.
   */
  @wire(getRecords, { records: '$opportunityRequests' })
  onOpportunities({ data, error }) {
    if (error) {
      this.errors = ['The opportunities’ fields could not be read.', ...errorSentences(error)];
    } else if (data) {
      const read = {};
      for (const { statusCode, result } of data.results ?? [])
        if (statusCode === 200 && result?.id) read[result.id] = result;
      this.opportunities = read;
    }
  }

  /** getRecords entries for the handoffs read, or undefined (the wire waits) when none is needed. */
  get opportunityRequests() {
    if (!this.playbook || !this.handoffs) return undefined;
    const kept = REQUESTS.get(this);
    if (kept && kept.playbook === this.playbook && kept.handoffs === this.handoffs)
      return kept.requests;
    const fields = opportunityFields(this.playbook);
    const requests =
      fields.length === 0
        ? undefined
        : opportunityIdPages(this.handoffs).map((recordIds) => ({
            recordIds,
            optionalFields: fields,
          }));
    const needed = requests && requests.length > 0 ? requests : undefined;
    REQUESTS.set(this, { playbook: this.playbook, handoffs: this.handoffs, requests: needed });
    return needed;
  }

  /** Salesforce has no teams: the viewer's playbook roles are on their User record (see c/handoffPanel). */
  @wire(getRecord, { recordId: userId, fields: [ROLES_FIELD] })
  onUser({ data, error }) {
    if (error) this.errors = ['Your Handoff roles could not be read.', ...errorSentences(error)];
    else if (data) this.handoffRoles = data.fields[ROLES_FIELD.fieldApiName]?.value ?? null;
  }

  get handoffVariables() {
    // `after: null` is the first page; an undefined variable would hold the query back.
    return { after: this.handoffCursor };
  }

  get itemVariables() {
    return { after: this.itemCursor };
  }

  get viewer() {
    return viewerFrom(userId, this.handoffRoles, this.playbook ?? { roles: {} });
  }

  get loaded() {
    const requests = this.opportunityRequests;
    return Boolean(
      this.handoffs &&
      this.items &&
      this.handoffRoles !== undefined &&
      (!requests || this.opportunities),
    );
  }

  get isLoading() {
    return !this.errors && !this.loaded;
  }

  get notConfigured() {
    return !this.errors && this.loaded && !this.playbook;
  }

  get noRole() {
    return !this.errors && this.loaded && this.playbook && this.viewer.roles.length === 0;
  }

  get records() {
    return { handoffs: this.handoffs, items: this.items, opportunities: this.opportunities };
  }

  /** Evaluated once per answer, not per getter call: a queue may hold thousands of handoffs. */
  get model() {
    const inputs = [
      this.playbook,
      this.handoffs,
      this.items,
      this.handoffRoles,
      this.opportunities,
    ];
    const cached = MODELS.get(this);
    if (cached && cached.inputs.every((input, i) => input === inputs[i])) return cached.model;
    const model = queueModel(this.playbook, this.records, this.viewer, Date.now(), timeZone);
    MODELS.set(this, { inputs, model });
    return model;
  }

  get showQueue() {
    return !this.errors && this.loaded && this.playbook && this.viewer.roles.length > 0;
  }

  get isEmpty() {
    return this.showQueue && !this.model.hasRows;
  }

  get hasRows() {
    return this.showQueue && this.model.hasRows;
  }

  get countText() {
    const n = this.model.total;
    return `${n} ${n === 1 ? 'handoff waits' : 'handoffs wait'} for you`;
  }

  get rows() {
    return this.model.rows.slice(0, this.shown).map((row) => ({
      ...row,
      busy: this.busyKey !== undefined,
    }));
  }

  get hidden() {
    return Math.max(0, this.model.total - this.shown);
  }

  get hasHidden() {
    return this.hidden > 0;
  }

  get moreLabel() {
    return `Show ${Math.min(ROWS_SHOWN, this.hidden)} more of ${this.hidden}`;
  }

  handleMore() {
    this.shown += ROWS_SHOWN;
  }

  get hasActionErrors() {
    return this.actionErrors.length > 0;
  }

  get actionErrorList() {
    return this.actionErrors.map((text, n) => ({ key: `e${n}`, text }));
  }

  rowOf(event) {
    const key = event.currentTarget.dataset.key;
    return this.model.rows.find((r) => r.key === key);
  }

  handleAccept(event) {
    const row = this.rowOf(event);
    if (row) this.act(row, { type: 'accept' });
  }

  /** Asks for the reason in the panel's own dialog; nothing is sent when the person cancels. */
  async handleReject(event) {
    const row = this.rowOf(event);
    if (!row) return;
    const answer = await HandoffRejectModal.open({
      size: 'small',
      label: `Reject ${row.handoffLabel}`,
      description: 'Why the handoff is rejected and what should be fixed',
      reasons: row.rejectReasons,
    });
    if (answer && this.busyKey === undefined) this.act(row, { type: 'reject', ...answer });
  }

  async act(row, action) {
    this.actionErrors = [];
    this.busyKey = row.key;
    const plan = planQueueAction(
      this.playbook,
      this.records,
      { recordId: row.recordId, handoffId: row.handoffId },
      {
        viewer: this.viewer,
        now: Date.now(),
        actionId: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
      },
      action,
    );
    try {
      if (!plan.ok) {
        this.actionErrors = [plan.message];
        return;
      }
      const since = plan.header.fields.LastModifiedDate?.value;
      await updateRecord(
        ORG.input(plan.writes.handoff),
        plan.writes.conditional && since ? { ifUnmodifiedSince: since } : undefined,
      );
      await this.reload();
    } catch (error) {
      this.actionErrors = errorSentences(error);
    } finally {
      this.busyKey = undefined;
    }
  }

  /**
   * Reads the queue again from its first page: a wire whose cursor moves back to null asks again by
   * itself; one still on its first page is refreshed. The rows shown stay until the answer comes.
   */
  async reload() {
    this.handoffPages = new Pages();
    this.itemPages = new Pages();
    const again = [];
    if (this.handoffCursor !== null) this.handoffCursor = null;
    else again.push(this.wiredHandoffs?.refresh?.());
    if (this.itemCursor !== null) this.itemCursor = null;
    else again.push(this.wiredItems?.refresh?.());
    await Promise.all(again);
  }
}
