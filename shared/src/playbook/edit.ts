// Everyday playbook changes an admin makes through forms instead of YAML: each is data (so a page
// can send it to the server), turned into settings to write at paths of the admin's own document,
// then written into the text and checked like any playbook. Runtime-safe: no YAML here.
import * as z from 'zod/mini';
import type { PathSegment } from './issues.js';
import { parsePlaybook, type ParseResult } from './parse.js';
import { BusinessDuration, ChecklistItemDef, CriterionDef, EscalationDef, Id } from './schema.js';
import { jsonPositions, jsonSyntaxIssue, locateIssues } from './locate.js';

export const PlaybookEditSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('sla_target'), sla: Id, target: BusinessDuration }),
  /** No calendar: the SLA counts calendar time (24×7). */
  z.strictObject({ kind: z.literal('sla_calendar'), sla: Id, calendar: z.optional(Id) }),
  z.strictObject({
    kind: z.literal('sla_escalations'),
    sla: Id,
    escalations: z.array(EscalationDef),
  }),
  z.strictObject({
    kind: z.literal('role_teams'),
    role: Id,
    teams: z.array(z.string().check(z.minLength(1))),
  }),
  /** Replaces the item with the same id, or adds it at the end of the checklist. */
  z.strictObject({ kind: z.literal('checklist_item'), checklist: Id, item: ChecklistItemDef }),
  /** Replaces the criterion with the same id on that side of the stage, or adds it. */
  z.strictObject({
    kind: z.literal('stage_criterion'),
    stage: Id,
    side: z.enum(['entry', 'exit']),
    criterion: CriterionDef,
  }),
]);
export type PlaybookEdit = z.infer<typeof PlaybookEditSchema>;

/** One setting to write: `value` undefined removes it. */
export interface PlaybookWrite {
  path: PathSegment[];
  value: unknown;
}

/** A form asked for something the playbook does not have (an SLA id it no longer declares…). */
export class PlaybookEditError extends Error {}

/** Where `edit` writes in the admin's document (as parsed from their text, defaults not filled in). */
export function writesFor(data: unknown, edit: PlaybookEdit): PlaybookWrite[] {
  const indexIn = (section: string, id: string, what: string): number => {
    const list = (data as Record<string, unknown> | null)?.[section];
    const index = Array.isArray(list)
      ? list.findIndex((entry) => (entry as { id?: unknown } | null)?.id === id)
      : -1;
    if (index < 0) throw new PlaybookEditError(`The playbook declares no ${what} \`${id}\`.`);
    return index;
  };
  /** The index of the entry with `id` in the list at `path`, or the end of the list. */
  const upsertAt = (path: PathSegment[], id: string): number => {
    const list = valueAt(data, path);
    if (!Array.isArray(list)) return 0;
    const index = list.findIndex((entry) => (entry as { id?: unknown } | null)?.id === id);
    return index < 0 ? list.length : index;
  };
  switch (edit.kind) {
    case 'sla_target':
      return [{ path: ['slas', indexIn('slas', edit.sla, 'SLA'), 'target'], value: edit.target }];
    case 'sla_calendar':
      return [
        { path: ['slas', indexIn('slas', edit.sla, 'SLA'), 'calendar'], value: edit.calendar },
      ];
    case 'sla_escalations':
      return [
        {
          path: ['slas', indexIn('slas', edit.sla, 'SLA'), 'escalations'],
          value: edit.escalations,
        },
      ];
    case 'role_teams': {
      const roles = valueAt(data, ['roles']);
      if (
        typeof roles !== 'object' ||
        roles === null ||
        !Object.prototype.hasOwnProperty.call(roles, edit.role)
      )
        throw new PlaybookEditError(`The playbook declares no role \`${edit.role}\`.`);
      return [
        {
          path: ['roles', edit.role, 'hubspotTeams'],
          value: edit.teams.length > 0 ? edit.teams : undefined,
        },
      ];
    }
    case 'checklist_item': {
      const at: PathSegment[] = [
        'checklists',
        indexIn('checklists', edit.checklist, 'checklist'),
        'items',
      ];
      return [{ path: [...at, upsertAt(at, edit.item.id)], value: edit.item }];
    }
    case 'stage_criterion': {
      const at: PathSegment[] = ['stages', indexIn('stages', edit.stage, 'stage'), edit.side];
      return [{ path: [...at, upsertAt(at, edit.criterion.id)], value: edit.criterion }];
    }
  }
}

/** `data` with the writes made (copied along each path; the rest shared). */
export function applyWrites(data: unknown, writes: readonly PlaybookWrite[]): unknown {
  return writes.reduce((current, write) => writeAt(current, write.path, write.value), data);
}

function writeAt(node: unknown, path: readonly PathSegment[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const copy = (
    Array.isArray(node) ? [...(node as unknown[])] : { ...(typeof node === 'object' ? node : {}) }
  ) as Record<PathSegment, unknown>;
  const next = writeAt(copy[head], rest, value);
  if (next === undefined && rest.length === 0 && !Array.isArray(copy)) delete copy[head];
  else copy[head] = next;
  return copy;
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  return path.reduce<unknown>(
    (node, segment) =>
      typeof node === 'object' && node !== null
        ? (node as Record<PathSegment, unknown>)[segment]
        : undefined,
    data,
  );
}

export interface EditedText {
  text: string;
  /** The edited playbook checked like any other: a form can still leave it invalid elsewhere. */
  result: ParseResult;
}

/**
 * A playbook written as JSON with `edit` made: rewritten with two-space indentation (JSON has no
 * comments to lose; the original spacing is not kept).
 */
export function editPlaybookJson(text: string, edit: PlaybookEdit): EditedText {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { text, result: { ok: false, issues: [jsonSyntaxIssue(text, error)] } };
  }
  const edited = applyWrites(data, writesFor(data, edit));
  const out = JSON.stringify(edited, null, 2);
  const result = parsePlaybook(edited);
  return {
    text: out,
    result: result.ok
      ? result
      : { ok: false, issues: locateIssues(result.issues, jsonPositions(out)) },
  };
}
