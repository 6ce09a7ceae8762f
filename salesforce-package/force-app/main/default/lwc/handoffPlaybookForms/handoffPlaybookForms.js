// Everyday playbook changes as forms on the admin panel, so a RevOps admin need not write JSON: an
// SLA's target, calendar and escalations, a role's HubSpot teams, a checklist item, a stage criterion. Each form writes its change
// into the playbook text with the core's editPlaybookJson and hands the new text to the panel
// (`playbookedit`), which shows it in the text (the advanced view) and saves it only on Save.
import { LightningElement, api } from 'lwc';
import { editPlaybookJson, readPlaybook } from 'c/handoffCore';

const UNITS = [
  { label: 'Business hours', value: 'business_hours' },
  { label: 'Business days', value: 'business_days' },
  { label: 'Business minutes', value: 'business_minutes' },
  { label: 'Hours around the clock', value: 'calendar_hours' },
];
const MODES = [
  { label: 'After a full business day of hours', value: 'elapsed' },
  { label: 'At the close of business', value: 'end_of_day' },
];
const WHEN = [
  { label: 'At risk', value: 'at_risk' },
  { label: 'Breached', value: 'breached' },
];
const ACTIONS = [
  { label: 'A task', value: 'task' },
  { label: 'A note', value: 'note' },
];
const KINDS = ['check', 'text', 'date', 'number', 'choice'].map((k) => ({ label: k, value: k }));
const SIDES = [
  { label: 'Leave the stage', value: 'exit' },
  { label: 'Enter the stage', value: 'entry' },
];
const SEVERITIES = [
  { label: 'Block the move', value: 'block' },
  { label: 'Warn only', value: 'warn' },
];
const OPS = [
  { label: 'is filled in', value: 'present' },
  { label: 'is empty', value: 'absent' },
  { label: 'equals', value: 'eq' },
  { label: 'is not', value: 'neq' },
  { label: 'is more than', value: 'gt' },
  { label: 'is at least', value: 'gte' },
  { label: 'is less than', value: 'lt' },
  { label: 'is at most', value: 'lte' },
  { label: 'contains', value: 'contains' },
];
const ID = /^[a-z][a-z0-9_]{0,63}$/;
/** Combobox values cannot be empty strings: these stand for "not set" (or a new entry). */
const NO_CALENDAR = '-';
const WAITS_ON = '-';
const NONE = '-';
const NEW = '-';

export default class HandoffPlaybookForms extends LightningElement {
  @api playbookText = '';
  slaId;
  unit;
  amount;
  mode = 'elapsed';
  calendar = NO_CALENDAR;
  escalations = [];
  roleId;
  teams = '';
  listId;
  itemId = NEW;
  item = { id: '', label: '', kind: 'check', required: false };
  itemOptions = '';
  stageId;
  side = 'exit';
  criterionId = NEW;
  criterion = { id: '', label: '', severity: 'block' };
  criterionOnField = true;
  ruleField;
  ruleOp = 'present';
  ruleValue = '';
  message;
  problem;

  connectedCallback() {
    const playbook = this.playbook;
    if (!playbook) return;
    this.loadSla(playbook.slas[0]);
    this.loadRole(Object.keys(playbook.roles)[0]);
    this.loadItem(playbook.checklists[0]?.id, NEW);
    this.loadCriterion(playbook.stages[0]?.id, 'exit', NEW);
  }

  get playbook() {
    const result = readPlaybook(this.playbookText);
    return result.ok ? result.playbook : undefined;
  }

  get waiting() {
    return !this.playbook;
  }

  get hasSla() {
    return this.playbook?.slas.some((s) => s.id === this.slaId) ?? false;
  }

  get slaOptions() {
    return (this.playbook?.slas ?? []).map((s) => ({ label: s.label, value: s.id }));
  }

  get units() {
    return UNITS;
  }

  get whenOptions() {
    return WHEN;
  }

  get modes() {
    return MODES;
  }

  get inDays() {
    return this.unit === 'business_days';
  }

  get calendarOptions() {
    return [
      { label: 'None (around the clock)', value: NO_CALENDAR },
      ...Object.keys(this.playbook?.calendars ?? {}).map((id) => ({ label: id, value: id })),
    ];
  }

  get amountInvalid() {
    return !(Number(this.amount) > 0);
  }

  get targetDisabled() {
    return this.amountInvalid;
  }

  get escalationRows() {
    const roles = Object.entries(this.playbook?.roles ?? {});
    const targets = [
      { label: 'Whoever the SLA waits on', value: WAITS_ON },
      { label: 'The record owner', value: 'owner' },
      ...roles.map(([id, role]) => ({ label: `Role: ${role.label}`, value: `role:${id}` })),
    ];
    return this.escalations.map((e, i) => {
      const toUser = typeof e.to === 'object' && 'user' in e.to;
      return {
        key: `esc-${i}`,
        index: String(i),
        whenLabel: `Escalation ${i + 1}: when the timer is`,
        removeLabel: `Remove escalation ${i + 1}`,
        when: e.when,
        to:
          e.to === undefined
            ? WAITS_ON
            : e.to === 'owner'
              ? 'owner'
              : toUser
                ? ''
                : `role:${e.to.role}`,
        toUser,
        userText: toUser ? `To user ${e.to.user} (change it in the text)` : '',
        targets,
        action: e.action,
        actions:
          e.action === 'reassign'
            ? [...ACTIONS, { label: 'Reassigning the record', value: 'reassign' }]
            : ACTIONS,
        afterText: e.after
          ? `then waits ${e.after.amount} ${e.after.unit.replace('_', ' ')} (change it in the text)`
          : '',
        nameWhen: `esc-when-${i}`,
        nameTo: `esc-to-${i}`,
        nameAction: `esc-action-${i}`,
        nameRemove: `esc-remove-${i}`,
      };
    });
  }

  get hasEscalations() {
    return this.escalations.length > 0;
  }

  get roleOptions() {
    return Object.entries(this.playbook?.roles ?? {}).map(([id, role]) => ({
      label: role.label,
      value: id,
    }));
  }

  get checklistOptions() {
    return (this.playbook?.checklists ?? []).map((l) => ({ label: l.label, value: l.id }));
  }

  get hasChecklist() {
    return this.checklistOptions.length > 0;
  }

  get itemOptionsList() {
    const list = this.playbook?.checklists.find((l) => l.id === this.listId);
    return [
      { label: 'A new item', value: NEW },
      ...(list?.items ?? []).map((i) => ({ label: i.label, value: i.id })),
    ];
  }

  get isNewItem() {
    return this.itemId === NEW;
  }

  get kinds() {
    return KINDS;
  }

  get isChoice() {
    return this.item.kind === 'choice';
  }

  get ownerOptions() {
    return [
      { label: 'Anyone who may submit', value: NONE },
      ...Object.entries(this.playbook?.roles ?? {}).map(([id, r]) => ({
        label: r.label,
        value: id,
      })),
    ];
  }

  get itemOwner() {
    return this.item.owner ?? NONE;
  }

  get itemDisabled() {
    return !ID.test(this.item.id) || this.item.label.trim() === '';
  }

  get stageOptions() {
    return (this.playbook?.stages ?? []).map((s) => ({ label: s.label, value: s.id }));
  }

  get sides() {
    return SIDES;
  }

  get severities() {
    return SEVERITIES;
  }

  get criterionOptions() {
    const stage = this.playbook?.stages.find((s) => s.id === this.stageId);
    return [
      { label: 'A new criterion', value: NEW },
      ...(stage?.[this.side] ?? []).map((c) => ({ label: c.label, value: c.id })),
    ];
  }

  get isNewCriterion() {
    return this.criterionId === NEW;
  }

  get fieldOptions() {
    return Object.entries(this.playbook?.fields ?? {}).map(([id, f]) => ({
      label: f.label,
      value: id,
    }));
  }

  get ops() {
    return OPS;
  }

  get needsValue() {
    return this.ruleOp !== 'present' && this.ruleOp !== 'absent';
  }

  get criterionDisabled() {
    return (
      !ID.test(this.criterion.id) ||
      this.criterion.label.trim() === '' ||
      (this.criterionOnField && this.needsValue && this.ruleValue === '')
    );
  }

  loadItem(listId, itemId) {
    this.listId = listId;
    this.itemId = itemId;
    const existing = this.playbook?.checklists
      .find((l) => l.id === listId)
      ?.items.find((i) => i.id === itemId);
    this.item = existing ? { ...existing } : { id: '', label: '', kind: 'check', required: false };
    this.itemOptions = (existing?.options ?? []).join(', ');
  }

  loadCriterion(stageId, side, criterionId) {
    this.stageId = stageId;
    this.side = side;
    this.criterionId = criterionId;
    const existing = this.playbook?.stages
      .find((s) => s.id === stageId)
      ?.[side].find((c) => c.id === criterionId);
    const firstField = Object.keys(this.playbook?.fields ?? {})[0];
    this.criterion = existing ? { ...existing } : { id: '', label: '', severity: 'block' };
    // Rules that combine others or read handoffs keep their rule: change them in the text.
    this.criterionOnField = !existing || OPS.some((o) => o.value === existing.rule.op);
    this.ruleField = this.criterionOnField && existing ? existing.rule.field : firstField;
    this.ruleOp = this.criterionOnField && existing ? existing.rule.op : 'present';
    this.ruleValue =
      existing && existing.rule.value !== undefined ? String(existing.rule.value) : '';
  }

  handleList(event) {
    this.loadItem(event.detail.value, NEW);
  }

  handleItem(event) {
    this.loadItem(this.listId, event.detail.value);
  }

  handleItemField(event) {
    const key = event.target.dataset.field;
    const value =
      key === 'required'
        ? event.detail.checked
        : key === 'owner' && event.detail.value === NONE
          ? undefined
          : event.detail.value;
    this.item = { ...this.item, [key]: value };
  }

  handleItemOptions(event) {
    this.itemOptions = event.detail.value ?? '';
  }

  handleStage(event) {
    this.loadCriterion(event.detail.value, this.side, NEW);
  }

  handleSide(event) {
    this.loadCriterion(this.stageId, event.detail.value, NEW);
  }

  handleCriterion(event) {
    this.loadCriterion(this.stageId, this.side, event.detail.value);
  }

  handleCriterionField(event) {
    this.criterion = { ...this.criterion, [event.target.dataset.field]: event.detail.value };
  }

  handleRule(event) {
    const key = event.target.dataset.field;
    if (key === 'field') this.ruleField = event.detail.value;
    else if (key === 'op') this.ruleOp = event.detail.value;
    else this.ruleValue = event.detail.value ?? '';
  }

  writeItem() {
    if (this.itemDisabled) return;
    const item = { ...this.item };
    if (item.owner === undefined) delete item.owner;
    if (item.kind === 'choice')
      item.options = this.itemOptions
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o !== '');
    else delete item.options;
    this.apply(
      [{ kind: 'checklist_item', checklist: this.listId, item }],
      `Checklist item ${item.label}`,
    );
  }

  writeCriterion() {
    if (this.criterionDisabled) return;
    const type = this.playbook?.fields[this.ruleField]?.type;
    const value =
      type === 'number'
        ? Number(this.ruleValue)
        : type === 'boolean'
          ? this.ruleValue === 'true'
          : this.ruleValue;
    const criterion = {
      ...this.criterion,
      ...(this.criterionOnField
        ? {
            rule: this.needsValue
              ? { op: this.ruleOp, field: this.ruleField, value }
              : { op: this.ruleOp, field: this.ruleField },
          }
        : {}),
    };
    this.apply(
      [{ kind: 'stage_criterion', stage: this.stageId, side: this.side, criterion }],
      `Criterion ${criterion.label}`,
    );
  }

  loadSla(sla) {
    if (!sla) return;
    this.slaId = sla.id;
    this.unit = sla.target.unit;
    this.amount = sla.target.amount;
    this.mode = sla.target.mode ?? 'elapsed';
    this.calendar = sla.calendar ?? NO_CALENDAR;
    this.escalations = sla.escalations.map((e) => ({ ...e }));
  }

  loadRole(roleId) {
    this.roleId = roleId;
    this.teams = (this.playbook?.roles[roleId]?.hubspotTeams ?? []).join(', ');
  }

  handleSla(event) {
    this.loadSla(this.playbook?.slas.find((s) => s.id === event.detail.value));
  }

  handleUnit(event) {
    this.unit = event.detail.value;
  }

  handleAmount(event) {
    this.amount = Number(event.detail.value);
  }

  handleMode(event) {
    this.mode = event.detail.value;
  }

  handleCalendar(event) {
    this.calendar = event.detail.value;
  }

  setRow(event, change) {
    const i = Number(event.target.dataset.index);
    this.escalations = this.escalations.map((e, n) => (n === i ? change(e) : e));
  }

  handleEscWhen(event) {
    const when = event.detail.value;
    this.setRow(event, (e) => {
      const row = { ...e, when };
      // A wait after the breach only applies to `breached`.
      if (when !== 'breached') delete row.after;
      return row;
    });
  }

  handleEscTo(event) {
    const picked = event.detail.value;
    this.setRow(event, (e) => {
      const row = { ...e };
      delete row.to;
      if (picked === 'owner') row.to = 'owner';
      else if (picked.startsWith('role:')) row.to = { role: picked.slice('role:'.length) };
      return row;
    });
  }

  handleEscAction(event) {
    const action = event.detail.value;
    this.setRow(event, (e) => ({ ...e, action }));
  }

  handleEscRemove(event) {
    const i = Number(event.target.dataset.index);
    this.escalations = this.escalations.filter((_, n) => n !== i);
  }

  handleEscAdd() {
    this.escalations = [...this.escalations, { when: 'at_risk', action: 'task' }];
  }

  handleRole(event) {
    this.loadRole(event.detail.value);
  }

  handleTeams(event) {
    this.teams = event.detail.value ?? '';
  }

  writeTarget() {
    const sla = this.playbook?.slas.find((s) => s.id === this.slaId);
    if (!sla || this.amountInvalid) return;
    const amount = Number(this.amount);
    const target =
      this.unit === 'business_days'
        ? { unit: this.unit, amount, mode: this.mode }
        : { unit: this.unit, amount };
    const edits = [{ kind: 'sla_target', sla: sla.id, target }];
    if (this.calendar !== (sla.calendar ?? NO_CALENDAR))
      edits.push(
        this.calendar === NO_CALENDAR
          ? { kind: 'sla_calendar', sla: sla.id }
          : { kind: 'sla_calendar', sla: sla.id, calendar: this.calendar },
      );
    this.apply(edits, `${sla.label}: target and calendar`);
  }

  writeEscalations() {
    const sla = this.playbook?.slas.find((s) => s.id === this.slaId);
    if (!sla) return;
    this.apply(
      [{ kind: 'sla_escalations', sla: sla.id, escalations: this.escalations }],
      `${sla.label}: escalations`,
    );
  }

  writeTeams() {
    const role = this.playbook?.roles[this.roleId];
    if (!role) return;
    const teams = this.teams
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== '');
    this.apply([{ kind: 'role_teams', role: this.roleId, teams }], `${role.label}: teams`);
  }

  apply(edits, what) {
    this.message = undefined;
    this.problem = undefined;
    let text = this.playbookText;
    try {
      for (const edit of edits) text = editPlaybookJson(text, edit).text;
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
      return;
    }
    this.dispatchEvent(new CustomEvent('playbookedit', { detail: { text } }));
    this.message = `${what}: written into the playbook text below. Review it and save to apply.`;
  }
}
