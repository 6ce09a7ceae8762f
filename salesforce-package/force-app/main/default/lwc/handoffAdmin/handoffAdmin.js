// The playbook admin panel: edit the playbook as JSON, checked by the core's parser as you type
// (every problem with its line and column; a click selects it in the text), and save it to the
// active Handoff_Playbook__c record. Editing is for Handoff_Admin_Config holders only, everyone
// else reads it; a validation rule holds the same line for every other channel.
import { LightningElement, wire } from 'lwc';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { graphql, gql } from 'lightning/graphql';
import canConfigure from '@salesforce/customPermission/Handoff_Admin_Config';
import PLAYBOOK_OBJECT from '@salesforce/schema/Handoff_Playbook__c';
import PLAYBOOK_TEXT_FIELD from '@salesforce/schema/Handoff_Playbook__c.Playbook_Text__c';
import ACTIVE_FIELD from '@salesforce/schema/Handoff_Playbook__c.Active__c';
import { errorSentences, readPlaybook } from 'c/handoffCore';

const QUERY = gql`
  query handoffAdmin {
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
      }
    }
  }
`;

const EXCERPT = 80;

/**
 * Where an issue is, for the list: `Line 3, column 7`, the start and end of what to select (the
 * quoted key, else one character) and the line around it (cut, for one-line JSON).
 */
function placeOf(text, issue) {
  if (issue.line === undefined) return { located: false };
  const lines = text.split('\n');
  const line = lines[issue.line - 1] ?? '';
  const column = issue.column ?? 1;
  const start =
    lines.slice(0, issue.line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column - 1;
  const close = text[start] === '"' ? text.indexOf('"', start + 1) : -1;
  const from = Math.max(0, column - 1 - EXCERPT / 2);
  const excerpt = `${from > 0 ? '…' : ''}${line.slice(from, from + EXCERPT).trim()}${from + EXCERPT < line.length ? '…' : ''}`;
  return {
    located: true,
    where: `Line ${issue.line}, column ${column}`,
    jumpLabel: `Select line ${issue.line}, column ${column} in the playbook text`,
    start,
    end: close > start ? close + 1 : start + 1,
    excerpt,
  };
}

export default class HandoffAdmin extends LightningElement {
  text = '';
  /** The active record's text as stored: the playbook this org runs until the next save. */
  savedText;
  recordId;
  loaded = false;
  loadError;
  saveErrors = [];
  saved = false;
  saving = false;
  wiredGraph;

  @wire(graphql, { query: QUERY })
  onGraph(result) {
    this.wiredGraph = result;
    if (result.errors || result.error) {
      this.loadError = errorSentences(result.error ?? { body: result.errors }).join(' ');
    } else if (result.data) {
      const node = result.data.uiapi.query.Handoff_Playbook__c.edges[0]?.node;
      this.recordId = node?.Id;
      this.savedText = node?.Playbook_Text__c?.value;
      // Keep what the admin is typing when the wire refreshes after a save.
      if (!this.loaded) this.text = node?.Playbook_Text__c?.value ?? '';
      this.loaded = true;
    }
  }

  get allowed() {
    return canConfigure;
  }

  get denied() {
    return !canConfigure;
  }

  get isLoading() {
    return !this.loaded && !this.loadError;
  }

  get result() {
    return readPlaybook(this.text);
  }

  get issues() {
    const result = this.result;
    return result.ok
      ? []
      : result.issues.map((issue, n) => ({
          key: `i${n}`,
          path: issue.path || 'playbook',
          text: issue.hint ? `${issue.message} ${issue.hint}` : issue.message,
          ...placeOf(this.text, issue),
        }));
  }

  renderedCallback() {
    // The text is the textarea's value property (a template binds attributes, which a textarea
    // ignores); set only when it differs, so typing keeps its caret.
    const area = this.template.querySelector('textarea');
    if (area && area.value !== this.text) area.value = this.text;
  }

  /** Selects the problem's spot in the text and scrolls the text to it. */
  handleJump(event) {
    const start = Number(event.currentTarget.dataset.start);
    const end = Number(event.currentTarget.dataset.end);
    const area = this.template.querySelector('textarea');
    if (!area || Number.isNaN(start)) return;
    area.focus();
    area.setSelectionRange(start, end);
    // Lines do not wrap (white-space: pre), so the line's top is its index times the line height.
    const style = getComputedStyle(area);
    const lineHeight = parseFloat(style.lineHeight) || 1.5 * parseFloat(style.fontSize) || 20;
    const line = this.text.slice(0, start).split('\n').length;
    area.scrollTop = Math.max(0, (line - 3) * lineHeight);
  }

  get hasIssues() {
    return this.issues.length > 0;
  }

  get summary() {
    const result = this.result;
    if (!result.ok) {
      const count = result.issues.length;
      return `${count} ${count === 1 ? 'problem' : 'problems'}: the playbook cannot be saved yet.`;
    }
    const p = result.playbook;
    return `${p.name} ${p.version}: ${p.stages.length} stages, ${p.handoffs.length} handoffs, ${p.slas.length} SLAs.`;
  }

  get saveDisabled() {
    return !this.result.ok || this.saving;
  }

  get hasSaveErrors() {
    return this.saveErrors.length > 0;
  }

  get saveErrorList() {
    return this.saveErrors.map((text, n) => ({ key: `e${n}`, text }));
  }

  /** A form wrote its change into the text: shown here, saved only on Save. */
  handleFormEdit(event) {
    this.text = event.detail.text;
    this.saved = false;
  }

  handleChange(event) {
    this.text = event.target.value ?? '';
    this.saved = false;
  }

  async handleSave() {
    const result = this.result;
    if (!result.ok) return;
    // The change preview's guard rail: too many escalations at once need the admin's confirmation.
    const blocker = this.template.querySelector('c-handoff-change-preview')?.saveBlocker();
    if (blocker) {
      this.saveErrors = [blocker];
      return;
    }
    this.saving = true;
    this.saveErrors = [];
    try {
      if (this.recordId) {
        await updateRecord({
          fields: { Id: this.recordId, [PLAYBOOK_TEXT_FIELD.fieldApiName]: this.text },
        });
      } else {
        const created = await createRecord({
          // Schema imports: the org's names, namespace included, as createRecord needs them.
          apiName: PLAYBOOK_OBJECT.objectApiName,
          fields: {
            Name: result.playbook.name.slice(0, 80),
            [PLAYBOOK_TEXT_FIELD.fieldApiName]: this.text,
            [ACTIVE_FIELD.fieldApiName]: true,
          },
        });
        this.recordId = created.id;
      }
      this.saved = true;
      await this.wiredGraph?.refresh?.();
    } catch (error) {
      this.saveErrors = errorSentences(error);
    } finally {
      this.saving = false;
    }
  }
}
