// The handoff panel on Opportunity, Account and Lead record pages. Reads with Lightning Data Service,
// evaluates with the core (c/handoffCore) and writes through LDS; Salesforce's validation rules
// enforce the same state machine on every other channel.
import { LightningElement, api, wire } from 'lwc';
import { getRecord, createRecord, updateRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { graphql, gql } from 'lightning/graphql';
import { refreshApex } from '@salesforce/apex';
import userId from '@salesforce/user/Id';
import OPPORTUNITY_OBJECT from '@salesforce/schema/Opportunity';
import STAGE_FIELD from '@salesforce/schema/Opportunity.StageName';
import ROLES_FIELD from '@salesforce/schema/User.Handoff_Roles__c';
import HANDOFF_OBJECT from '@salesforce/schema/Handoff__c';
import timeZone from '@salesforce/i18n/timeZone';
import {
  OPPORTUNITY_FIELDS,
  OPPORTUNITY_OPTIONAL,
  STAGE_HISTORY_FIELDS,
  STAGE_HISTORY_LIST,
  STAGE_HISTORY_SORT,
  buildSnapshot,
  errorSentences,
  evaluateRecord,
  graphNodes,
  itemsByHandoff,
  missingHandoffs,
  missingItems,
  opportunityFields,
  orgNames,
  panelModel,
  peopleOf,
  planAction,
  readPlaybook,
  stageLabels,
  viewerFrom,
} from 'c/handoffCore';

/**
 * The package's names as this org spells them: the schema import is namespace-resolved by the
 * platform (https://developer.salesforce.com/docs/platform/lwc/guide/reference-salesforce-modules.html),
 * strings given to LDS are not. The gql query below keeps the source's names: the platform adds the
 * namespace there itself, aliased to the source's names
 * (https://developer.salesforce.com/docs/platform/graphql/guide/graphql-wire-lwc-namespace.html).
 */
const ORG = orgNames(HANDOFF_OBJECT.objectApiName);

// Items name who set them through the parent relationship `Done_By__r { Name { value } }`
// (https://developer.salesforce.com/docs/platform/lwc/guide/reference-graphql-relationships.html).
const QUERY = gql`
  query handoffPanel($recordId: ID) {
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
        Handoff_Item__c(where: { Handoff__r: { Opportunity__c: { eq: $recordId } } }, first: 200) {
          edges {
            node {
              Id
              Handoff__c {
                value
              }
              Item_Id__c {
                value
              }
              Item_Key__c {
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
              Done_By__r {
                Name {
                  value
                }
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

export default class HandoffPanel extends LightningElement {
  @api recordId;
  @api objectApiName;
  /** App Builder: the playbook handoff to show (empty shows every open one). */
  @api handoffId;
  @api cardTitle = 'Handoff';

  playbook;
  playbookIssues;
  opportunity;
  headers;
  items;
  /** OpportunityHistory rows; until they come, the panel knows only the current stage's entry. */
  stageHistory;
  loadError;
  actionErrors = [];
  busy = false;
  creating = false;
  graphLoaded = false;
  optionalFields = OPPORTUNITY_OPTIONAL;
  wiredGraph;
  wiredHeaders;
  objectInfo;
  stagePicklist;
  /** The Handoff roles on the viewer's User record (`a;b`), or null when none; undefined until read. */
  handoffRoles;

  @wire(graphql, { query: QUERY, variables: '$graphVariables' })
  onGraph(result) {
    this.wiredGraph = result;
    if (result.errors || result.error) {
      this.loadError = errorSentences(result.error ?? { body: result.errors });
    } else if (result.data) {
      const [active] = graphNodes(result.data, 'Handoff_Playbook__c');
      this.playbook = undefined;
      this.playbookIssues = undefined;
      if (active) {
        const parsed = readPlaybook(active.fields.Playbook_Text__c?.value);
        if (parsed.ok) {
          this.playbook = parsed.playbook;
          this.optionalFields = [...OPPORTUNITY_OPTIONAL, ...opportunityFields(parsed.playbook)];
        } else {
          this.playbookIssues = parsed.issues;
        }
      }
      this.items = itemsByHandoff(graphNodes(result.data, 'Handoff_Item__c'));
      this.graphLoaded = true;
      this.afterLoad();
    }
  }

  @wire(getRecord, {
    recordId: '$opportunityId',
    fields: OPPORTUNITY_FIELDS,
    optionalFields: '$optionalFields',
  })
  onOpportunity({ data, error }) {
    if (error) this.loadError = errorSentences(error);
    else if (data) {
      this.opportunity = data;
      this.afterLoad();
    }
  }

  @wire(getRelatedListRecords, {
    parentRecordId: '$opportunityId',
    relatedListId: ORG.handoffsList,
    fields: ORG.handoffFields,
    // The people's names ride on the same read: getRelatedListRecords takes relationship fields
    // (`Handoff__c.Submitted_By__r.Name`), optional so a viewer who may not read names still loads
    // (https://developer.salesforce.com/docs/platform/lwc/guide/reference-wire-adapters-get-related-list-records.html).
    optionalFields: ORG.handoffPeopleFields,
  })
  onHeaders(result) {
    this.wiredHeaders = result;
    if (result.error) this.loadError = errorSentences(result.error);
    else if (result.data) {
      this.headers = result.data.records.map(ORG.local);
      this.afterLoad();
    }
  }

  /**
   * The Stage History related list (OpportunityHistory), so timers of SLAs that ran in earlier stages
   * show here as on the HubSpot card and in the scanner. Optional: rows without a StageName (or an
   * error, for a viewer who may not read the history) leave the current stage's entry alone.
   */
  @wire(getRelatedListRecords, {
    parentRecordId: '$opportunityId',
    relatedListId: STAGE_HISTORY_LIST,
    fields: STAGE_HISTORY_FIELDS,
    sortBy: STAGE_HISTORY_SORT,
    pageSize: 200,
  })
  onStageHistory({ data }) {
    const rows = (data?.records ?? []).filter((r) => r.fields?.StageName !== undefined);
    if (rows.length > 0) this.stageHistory = rows;
  }

  /**
   * Salesforce has no teams: the viewer's playbook roles are on their own User record, read with
   * getRecord like any record (lwc-recipes' wireGetRecordUser reads the current user this way;
   * https://developer.salesforce.com/docs/component-library/bundle/lightning-ui-record-api).
   */
  @wire(getRecord, { recordId: userId, fields: [ROLES_FIELD] })
  onUser({ data, error }) {
    if (error) this.loadError = ['Your Handoff roles could not be read.', ...errorSentences(error)];
    else if (data) {
      this.handoffRoles = data.fields[ROLES_FIELD.fieldApiName]?.value ?? null;
      this.afterLoad();
    }
  }

  @wire(getObjectInfo, { objectApiName: '$opportunityObject' })
  onObjectInfo({ data }) {
    if (data) this.objectInfo = data;
  }

  /** The org's StageName labels; until they come (or if they fail) the playbook's names show. */
  @wire(getPicklistValues, { recordTypeId: '$recordTypeId', fieldApiName: STAGE_FIELD })
  onStagePicklist({ data, error }) {
    if (error) this.stagePicklist = undefined;
    else if (data) this.stagePicklist = data;
  }

  get graphVariables() {
    return { recordId: this.recordId };
  }

  get isAccount() {
    return this.objectApiName === 'Account';
  }

  /**
   * A Lead's handoff cannot be kept yet: a Handoff__c needs its Opportunity (a master-detail, and a
   * Lead cannot be the master of one), so the panel says what runs on a Lead instead of failing.
   */
  get isLead() {
    return this.objectApiName === 'Lead';
  }

  get isOpportunityPage() {
    return !this.isAccount && !this.isLead;
  }

  /** On an Account or Lead page the opportunity wires stay idle: `undefined` parameters skip a wire. */
  get opportunityId() {
    return this.isOpportunityPage ? this.recordId : undefined;
  }

  get opportunityObject() {
    return this.isOpportunityPage ? OPPORTUNITY_OBJECT : undefined;
  }

  /** The record's own record type (its StageName values may be a subset), else the default. */
  get recordTypeId() {
    return this.opportunity?.recordTypeId ?? this.objectInfo?.defaultRecordTypeId;
  }

  get viewer() {
    return viewerFrom(userId, this.handoffRoles, this.playbook ?? { roles: {} });
  }

  get loaded() {
    return (
      this.graphLoaded &&
      this.handoffRoles !== undefined &&
      (!this.isOpportunityPage || (this.opportunity && this.headers))
    );
  }

  get isLoading() {
    return !this.loadError && !this.loaded;
  }

  get notConfigured() {
    return !this.loadError && this.loaded && !this.playbook && !this.playbookIssues;
  }

  get brokenPlaybook() {
    return !this.loadError && this.loaded && Boolean(this.playbookIssues);
  }

  get showOpportunity() {
    return !this.loadError && this.loaded && this.playbook && this.isOpportunityPage;
  }

  get showLead() {
    return !this.loadError && this.loaded && this.playbook && this.isLead;
  }

  get showAccount() {
    return !this.loadError && this.loaded && this.playbook && this.isAccount;
  }

  get playbookIssueList() {
    return (this.playbookIssues ?? []).map((issue, n) => ({
      key: `i${n}`,
      text: `${issue.path || 'playbook'}: ${issue.message}`,
    }));
  }

  get snapshot() {
    return buildSnapshot(this.playbook, {
      opportunity: this.opportunity,
      handoffs: this.headers,
      items: this.items ?? {},
      stageHistory: this.stageHistory ?? [],
    });
  }

  get model() {
    const view = evaluateRecord(this.playbook, this.snapshot, this.viewer, Date.now());
    view.people = peopleOf(this.headers, this.items ?? {});
    const stageName = this.opportunity.fields.StageName?.value;
    const model = panelModel(
      view,
      timeZone,
      stageLabels(this.playbook, this.stagePicklist, stageName),
    );
    if (this.handoffId) {
      model.handoffs = model.handoffs.filter((h) => h.id === this.handoffId);
      if (model.nextStep?.handoffId !== this.handoffId) model.nextStep = undefined;
    }
    model.hasHandoffs = model.handoffs.length > 0;
    return model;
  }

  get hasActionErrors() {
    return this.actionErrors.length > 0;
  }

  get actionErrorList() {
    return this.actionErrors.map((text, n) => ({ key: `e${n}`, text }));
  }

  /**
   * A handoff whose opening stage is reached gets its Handoff__c and item rows here. Keys are
   * unique external ids, so a second panel doing the same collides instead of duplicating, and
   * rows missing after a partial failure are created on the next load.
   */
  afterLoad() {
    if (this.creating || !this.showOpportunity || this.viewer.roles.length === 0) return;
    const view = evaluateRecord(this.playbook, this.snapshot, this.viewer, Date.now());
    const open = view.handoffs.map((h) => h.id);
    const headers = missingHandoffs(this.playbook, open, this.opportunity, this.headers);
    const rows = this.headers.flatMap((h) =>
      missingItems(this.playbook, h, this.items?.[h.id] ?? []),
    );
    if (headers.length === 0 && rows.length === 0) return;
    this.creating = true;
    this.createRecords(headers, rows);
  }

  async createRecords(headers, rows) {
    const withItems = async (header) => {
      // Items need the header's id, so each header is created before its items.
      const created = ORG.local(await createRecord(ORG.input(header)));
      await Promise.all(
        missingItems(this.playbook, created, []).map((row) => createRecord(ORG.input(row))),
      );
    };
    try {
      await Promise.all([
        ...headers.map(withItems),
        ...rows.map((row) => createRecord(ORG.input(row))),
      ]);
    } catch (error) {
      this.actionErrors = errorSentences(error);
    }
    await this.refresh();
    this.creating = false;
  }

  async refresh() {
    await Promise.all([refreshApex(this.wiredHeaders), this.wiredGraph?.refresh?.()]);
  }

  async handleAction(event) {
    const { handoffId, action } = event.detail;
    const header = this.headers.find((h) => h.fields.Handoff_Id__c?.value === handoffId);
    if (!header) return;
    this.actionErrors = [];
    this.busy = true;
    const plan = planAction(
      {
        playbook: this.playbook,
        snapshot: this.snapshot,
        viewer: this.viewer,
        now: Date.now(),
        header,
        rows: this.items?.[header.id] ?? [],
        actionId: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
      },
      action,
    );
    try {
      if (!plan.ok) {
        this.actionErrors = [plan.message];
        return;
      }
      const { item, handoff, conditional } = plan.writes;
      if (item)
        await (item.apiName ? createRecord(ORG.input(item)) : updateRecord(ORG.input(item)));
      if (handoff) {
        const since = header.fields.LastModifiedDate?.value;
        await updateRecord(
          ORG.input(handoff),
          conditional && since ? { ifUnmodifiedSince: since } : undefined,
        );
      }
      await this.refresh();
    } catch (error) {
      this.actionErrors = errorSentences(error);
    } finally {
      this.busy = false;
    }
  }
}
