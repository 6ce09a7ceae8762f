// Exactly-once escalations. Each is first recorded as a Handoff_Escalation__c under its unique key
// (the org refuses a second record with the same key), then its Tasks are created, then the record
// is marked executed. A record left unmarked by a crash is finished on the next scan: Tasks that
// already exist (found by the key in their description) are not created again.
import type { EscalationAction, Playbook } from '@handoff/shared';
import { USER_ROLES_FIELD } from '../scripts/model.js';
import { soqlList, type OrgApi } from './api.js';
import type { OrgNames } from './names.js';

export interface EscalationRecord {
  id: string;
  key: string;
  executed: boolean;
}

/** Where a test stops the scan, standing for a crash at that point. */
export type CrashPoint = 'recorded' | 'tasks_created';

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
        [names.field('Opportunity__c')]: a.record.recordId,
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
            attributes: { type: 'Opportunity' },
            Id: action.record.recordId,
            OwnerId: to,
          });
        continue;
      }
      const owners = action.action === 'note' ? [undefined] : await this.#owners(action);
      for (const ownerId of owners) {
        const taskKey = ownerId ? `${action.key}:${ownerId}` : action.key;
        const found = existing.get(taskKey);
        if (found) {
          if (!firstTask.has(action.key)) firstTask.set(action.key, found);
          continue;
        }
        tasks.push(taskFor(action, ownerId, taskKey));
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
    if (reassign.length > 0) await api.update('Opportunity', reassign);
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

  /** Tasks a crashed scan may have created, by the key written into their description. */
  async #existingTasks(actions: readonly EscalationAction[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    if (actions.length === 0) return found;
    const ids = [...new Set(actions.map((a) => a.record.recordId))];
    const tasks = await this.api.queryAll(
      `SELECT Id, Description FROM Task WHERE WhatId IN (${soqlList(ids)})`,
    );
    for (const task of tasks) {
      const line = String(task.Description ?? '')
        .split('\n')
        .find((l) => l.startsWith(KEY_LINE));
      if (line) found.set(line.slice(KEY_LINE.length), task.Id);
    }
    return found;
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
      `SELECT Id, ${field} FROM User WHERE IsActive = true AND ${field} != null ORDER BY Id`,
    );
    const byRole = new Map<string, string[]>();
    for (const row of rows) {
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

function target(action: EscalationAction): string {
  if (action.to === 'owner') return 'owner';
  return 'role' in action.to ? `role:${action.to.role}` : `user:${action.to.user}`;
}

/** A note is a completed Task in the activity history; a task is open for its owner. */
function taskFor(action: EscalationAction, ownerId: string | undefined, taskKey: string) {
  const due =
    action.timer.dueAt === null ? null : new Date(action.timer.dueAt).toISOString().slice(0, 10);
  return {
    attributes: { type: 'Task' },
    Subject: action.title.slice(0, 255),
    WhatId: action.record.recordId,
    ...(ownerId ? { OwnerId: ownerId } : {}),
    Status: action.action === 'note' ? 'Completed' : 'Not Started',
    Priority: action.when === 'breached' ? 'High' : 'Normal',
    ActivityDate: due,
    Description: `${action.title}\n${KEY_LINE}${taskKey}`,
  };
}
