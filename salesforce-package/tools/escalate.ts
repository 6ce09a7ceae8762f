// Exactly-once escalations. Each is first recorded as a Handoff_Escalation__c under its unique key
// (the org refuses a second record with the same key), then its Tasks are created, then the record
// is marked executed. A record left unmarked by a crash is finished on the next scan: Tasks that
// already exist (found by the key in their description) are not created again. A task's content
// (subject, what to do, due time in the assignee's zone) comes from the core's escalationTasks; the
// open Tasks of an escalation are completed when a later level supersedes it, its SLA is met, or
// its record left every stage where the SLA may run.
// An escalation of a Lead is recorded against the Lead (Lead__c) and its Tasks name it as their
// WhoId (a Task's WhatId cannot be a Lead; WhoId is the Lead or Contact it is about).
import {
  escalationTasks,
  type EscalationAction,
  type EscalationTask,
  type Playbook,
  type TaskRecipient,
} from '@handoff/shared';
import { USER_ROLES_FIELD } from '../scripts/model.js';
import { IDS_PER_QUERY, soqlList, type OrgApi } from './api.js';
import type { OrgNames } from './names.js';
import type { SfRecord } from './snapshot.js';

export interface EscalationRecord {
  id: string;
  key: string;
  executed: boolean;
}

/** Where a test stops the scan, standing for a crash at that point. */
export type CrashPoint = 'recorded' | 'tasks_created' | 'tasks_completed';

/** An escalation whose open Tasks are to be completed. */
export interface ClosingEscalation {
  id: string;
  key: string;
  /** The Opportunity or Lead whose timer escalated; null once it was deleted (its Tasks went with it). */
  recordId: string | null;
  /** The Contact a converted Lead became: its Tasks are about the Contact now (WhoId). */
  contactId?: string;
}

/** The record's lookup on Handoff_Escalation__c and the Task field that names it. */
function link(objectType: string): { lookup: string; taskField: 'WhatId' | 'WhoId' } {
  return objectType === 'Lead'
    ? { lookup: 'Lead__c', taskField: 'WhoId' }
    : { lookup: 'Opportunity__c', taskField: 'WhatId' };
}

export interface EscalationReport {
  executed: number;
  tasks: number;
  /** Recorded by another scanner at the same moment: it carries them out. */
  skipped: number;
  failures: string[];
}

const KEY_LINE = 'Handoff escalation key: ';

export class Escalator {
  #usersByRole: Map<string, string[]> | undefined;
  /** Each user's TimeZoneSidKey, read with the role holders and, for anyone else, when needed. */
  readonly #zones = new Map<string, string | null>();

  constructor(
    private readonly api: OrgApi,
    private readonly names: OrgNames,
    private readonly playbook: Playbook,
    private readonly now: () => number,
    private readonly crash?: (point: CrashPoint) => void,
  ) {}

  /**
   * Carries out `actions` (all due and not yet executed); `pending` are records from earlier scans
   * that were recorded but never marked executed.
   */
  async run(
    actions: readonly EscalationAction[],
    pending: ReadonlyMap<string, EscalationRecord>,
    handoffIds: ReadonlyMap<string, string>,
    /** Opportunity and Lead names by id: tasks name the record. */
    recordNames: ReadonlyMap<string, string> = new Map(),
  ): Promise<EscalationReport> {
    const report: EscalationReport = { executed: 0, tasks: 0, skipped: 0, failures: [] };
    if (actions.length === 0) return report;
    const { names, api } = this;
    const fresh = actions.filter((a) => !pending.has(a.key));
    const recorded = new Map<string, string>();
    for (const [key, record] of pending) recorded.set(key, record.id);
    const results = await api.create(
      names.escalation,
      fresh.map((a) => ({
        attributes: { type: names.escalation },
        [names.field('Escalation_Key__c')]: a.key,
        [names.field(link(a.record.objectType).lookup)]: a.record.recordId,
        [names.field('Handoff__c')]: handoffIds.get(`${a.record.recordId}:${a.slaId}`) ?? null,
        [names.field('SLA_Id__c')]: a.slaId,
        [names.field('Level__c')]: a.level,
        [names.field('When__c')]: a.when,
        [names.field('Target__c')]: target(a),
        [names.field('Action__c')]: a.action,
      })),
    );
    results.forEach((result, index) => {
      const action = fresh[index];
      if (!action) return;
      if (result.success && result.id) recorded.set(action.key, result.id);
      else if (result.errors.some((e) => (e.errorCode ?? e.statusCode) === 'DUPLICATE_VALUE'))
        report.skipped++;
      else report.failures.push(`${action.key}: ${result.errors.map((e) => e.message).join('; ')}`);
    });
    this.crash?.('recorded');

    const mine = actions.filter((a) => recorded.has(a.key));
    const existing = await this.#existingTasks(mine.filter((a) => pending.has(a.key)));
    const tasks: Record<string, unknown>[] = [];
    const taskEscalation: string[] = [];
    const firstTask = new Map<string, string>();
    const reassign: (Record<string, unknown> & { Id: string })[] = [];
    for (const action of mine) {
      if (action.action === 'reassign') {
        const to =
          typeof action.to === 'object' && 'user' in action.to ? action.to.user : undefined;
        if (to)
          reassign.push({
            attributes: { type: action.record.objectType },
            Id: action.record.recordId,
            OwnerId: to,
          });
        continue;
      }
      const id = action.record.recordId;
      const records: [string, Record<string, unknown>][] =
        action.action === 'note'
          ? [[action.key, noteFor(action)]]
          : escalationTasks(
              action,
              { name: recordNames.get(id) ?? `${action.record.objectType} ${id}` },
              await this.#recipients(action),
              this.now(),
            ).map((task) => [task.key, taskFor(action, task)]);
      for (const [taskKey, record] of records) {
        const found = existing.get(taskKey);
        if (found) {
          if (!firstTask.has(action.key)) firstTask.set(action.key, found);
          continue;
        }
        tasks.push(record);
        taskEscalation.push(action.key);
      }
    }
    const created = await api.create('Task', tasks);
    created.forEach((result, index) => {
      const key = taskEscalation[index] ?? '';
      if (result.success && result.id) {
        report.tasks++;
        if (!firstTask.has(key)) firstTask.set(key, result.id);
      } else report.failures.push(`${key}: ${result.errors.map((e) => e.message).join('; ')}`);
    });
    for (const type of new Set(
      reassign.map((r) => String((r.attributes as { type: string }).type)),
    ))
      await api.update(
        type,
        reassign.filter((r) => (r.attributes as { type: string }).type === type),
      );
    this.crash?.('tasks_created');

    const failed = new Set(report.failures.map((f) => f.split(': ')[0]));
    const marks = mine
      .filter((a) => !failed.has(a.key))
      .map((a) => ({
        attributes: { type: names.escalation },
        Id: recorded.get(a.key) ?? '',
        [names.field('Task_Id__c')]: firstTask.get(a.key) ?? null,
        [names.field('Executed_At__c')]: new Date(this.now()).toISOString(),
      }));
    const marked = await api.update(names.escalation, marks);
    report.executed += marked.filter((m) => m.success).length;
    return report;
  }

  /**
   * Completes the still-open Tasks of these escalations (one query for their records' open Tasks,
   * updates in collections) and records each escalation closed, so no later scan looks again. A
   * Task someone already completed is left alone; when a completion fails, none is recorded closed
   * and the next scan tries again.
   */
  async close(
    escalations: readonly ClosingEscalation[],
  ): Promise<{ closed: number; tasks: number; failures: string[] }> {
    const result = { closed: 0, tasks: 0, failures: [] as string[] };
    if (escalations.length === 0) return result;
    const keys = new Set(escalations.map((e) => e.key));
    const ids = [
      ...new Set(escalations.flatMap((e) => [e.recordId ?? [], e.contactId ?? []].flat())),
    ];
    const open = await this.#tasksOn(ids, " AND Status != 'Completed'");
    const completing = open.filter((task) => {
      const key = keyOf(task.Description);
      // A task key is its escalation's key, or that key and the assignee's id.
      return key !== undefined && (keys.has(key) || keys.has(key.slice(0, key.lastIndexOf(':'))));
    });
    const completed = await this.api.update(
      'Task',
      completing.map((task) => ({
        attributes: { type: 'Task' },
        Id: task.Id,
        Status: 'Completed',
      })),
    );
    completed.forEach((r, i) => {
      if (r.success) result.tasks++;
      else
        result.failures.push(
          `${completing[i]?.Id ?? '?'}: ${r.errors.map((e) => e.message).join('; ')}`,
        );
    });
    if (result.failures.length > 0) return result;
    this.crash?.('tasks_completed');
    const marked = await this.api.update(
      this.names.escalation,
      escalations.map((e) => ({
        attributes: { type: this.names.escalation },
        Id: e.id,
        [this.names.field('Closed_At__c')]: new Date(this.now()).toISOString(),
      })),
    );
    result.closed = marked.filter((m) => m.success).length;
    return result;
  }

  /** Tasks a crashed scan may have created, by the key written into their description. */
  async #existingTasks(actions: readonly EscalationAction[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    if (actions.length === 0) return found;
    const ids = [...new Set(actions.map((a) => a.record.recordId))];
    for (const task of await this.#tasksOn(ids, '')) {
      const key = keyOf(task.Description);
      if (key) found.set(key, task.Id);
    }
    return found;
  }

  /** The Tasks on these records (and matching `and`), IDS_PER_QUERY records a query. */
  async #tasksOn(ids: readonly string[], and: string): Promise<SfRecord[]> {
    const tasks: SfRecord[] = [];
    for (let i = 0; i < ids.length; i += IDS_PER_QUERY)
      tasks.push(
        ...(await this.api.queryAll(
          `SELECT Id, Description FROM Task WHERE ${onRecords(ids.slice(i, i + IDS_PER_QUERY))}${and}`,
        )),
      );
    return tasks;
  }

  /** The people a task goes to, each with their own time zone (User.TimeZoneSidKey). */
  async #recipients(action: EscalationAction): Promise<TaskRecipient[]> {
    // The one look-up of the role holders brings their zones too: owners are usually among them.
    await this.#roles();
    const ids = await this.#owners(action);
    const unknown = ids.filter((id) => !this.#zones.has(id));
    if (unknown.length > 0) {
      const rows = await this.api.queryAll(
        `SELECT Id, TimeZoneSidKey FROM User WHERE Id IN (${soqlList(unknown)})`,
      );
      for (const id of unknown) this.#zones.set(id, null);
      for (const row of rows) this.#zones.set(row.Id, zoneOf(row));
    }
    return ids.map((id) => ({ id, timeZone: this.#zones.get(id) ?? null }));
  }

  async #owners(action: EscalationAction): Promise<string[]> {
    if (action.to === 'owner') return action.record.ownerId ? [action.record.ownerId] : [];
    if ('user' in action.to) return [action.to.user];
    const byRole = await this.#roles();
    return byRole.get(action.to.role) ?? [];
  }

  /**
   * Salesforce has no teams: a role's people are the active users whose Handoff roles (a
   * multi-select picklist on User, values `;`-separated through the API) include its id.
   */
  async #roles(): Promise<Map<string, string[]>> {
    if (this.#usersByRole) return this.#usersByRole;
    const field = this.names.field(USER_ROLES_FIELD);
    const rows = await this.api.queryAll(
      `SELECT Id, TimeZoneSidKey, ${field} FROM User WHERE IsActive = true AND ${field} != null ORDER BY Id`,
    );
    const byRole = new Map<string, string[]>();
    for (const row of rows) {
      this.#zones.set(row.Id, zoneOf(row));
      const roles = typeof row[field] === 'string' ? row[field].split(';') : [];
      for (const role of roles) {
        if (!(role in this.playbook.roles) || typeof row.Id !== 'string') continue;
        byRole.set(role, [...(byRole.get(role) ?? []), row.Id]);
      }
    }
    this.#usersByRole = byRole;
    return byRole;
  }
}

/** Tasks on these records: Opportunities' by WhatId, Leads' and Contacts' (key prefixes 00Q, 003) by WhoId. */
function onRecords(ids: readonly string[]): string {
  const isWho = (id: string) => id.startsWith('00Q') || id.startsWith('003');
  const leads = ids.filter(isWho);
  const others = ids.filter((id) => !isWho(id));
  const parts = [
    ...(others.length > 0 ? [`WhatId IN (${soqlList(others)})`] : []),
    ...(leads.length > 0 ? [`WhoId IN (${soqlList(leads)})`] : []),
  ];
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' OR ')})`;
}

function target(action: EscalationAction): string {
  if (action.to === 'owner') return 'owner';
  return 'role' in action.to ? `role:${action.to.role}` : `user:${action.to.user}`;
}

// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_task.htm:
// ActivityDate is the task's due date (a date, no time: the date in the assignee's zone), Subject
// up to 255 characters, OwnerId the assignee, WhatId the related record.

/** A note is a completed Task in the activity history. */
function noteFor(action: EscalationAction) {
  return {
    attributes: { type: 'Task' },
    Subject: action.title.slice(0, 255),
    [link(action.record.objectType).taskField]: action.record.recordId,
    Status: 'Completed',
    Priority: action.when === 'breached' ? 'High' : 'Normal',
    ActivityDate: null,
    Description: `${action.title}\n${KEY_LINE}${action.key}`,
  };
}

/** A task is open for its owner until they (or a later level, or the SLA being met) complete it. */
function taskFor(action: EscalationAction, task: EscalationTask) {
  return {
    attributes: { type: 'Task' },
    Subject: task.subject.slice(0, 255),
    [link(action.record.objectType).taskField]: action.record.recordId,
    OwnerId: task.assigneeId,
    Status: 'Not Started',
    Priority: task.priority === 'high' ? 'High' : 'Normal',
    ActivityDate: task.dueDate,
    Description: `${task.body}\n${KEY_LINE}${task.key}`,
  };
}

/** The key written into a Task's description, if it has one: Handoff's own escalation Tasks. */
export function keyOf(description: unknown): string | undefined {
  const line = String(description ?? '')
    .split('\n')
    .find((l) => l.startsWith(KEY_LINE));
  return line?.slice(KEY_LINE.length);
}

function zoneOf(row: Record<string, unknown>): string | null {
  return typeof row.TimeZoneSidKey === 'string' ? row.TimeZoneSidKey : null;
}
