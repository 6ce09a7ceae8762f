// parsePlaybook: structure (zod) and the cross-references zod cannot see, in one pass: when some
// parts are malformed, the well-formed ones are still checked. Never throws: every problem comes
// back as an issue with a path.
import { CalendarError, compileCalendar, type Calendar } from '../clock/index.js';
import { durationIssue } from './bounds.js';
import { objectIssues } from './object-checks.js';
import { objectOfStage } from './objects.js';
import {
  didYouMean,
  formatPath,
  isReservedName,
  reservedNameMessage,
  type PathSegment,
  type PlaybookIssue,
} from './issues.js';
import {
  PlaybookSchema,
  type BusinessDuration,
  type CriterionDef,
  type FieldType,
  type Playbook,
  type Rule,
  type SlaDef,
  type SlaStop,
  stopsOf,
} from './schema.js';
import { declaredIn, isWithin, salvage, type Declared, type IndexMap } from './salvage.js';
import { zodIssuesToPlaybookIssues } from './zod-issues.js';
import { PatternError, patternOf } from '../rules/pattern.js';

export type ParseResult = { ok: true; playbook: Playbook } | { ok: false; issues: PlaybookIssue[] };

export function parsePlaybook(input: unknown): ParseResult {
  let parsed;
  try {
    parsed = PlaybookSchema.safeParse(input);
  } catch {
    // Getters or proxies in hostile input can throw inside zod; that is still bad input, not a crash.
    return { ok: false, issues: [{ path: '', message: 'could not be read as a playbook.' }] };
  }
  if (!parsed.success) {
    // An admin fixing one problem at a time should not meet three more on the next save.
    const salvaged = salvage(input);
    return {
      ok: false,
      issues: [
        ...zodIssuesToPlaybookIssues(parsed.error.issues, input),
        ...(salvaged
          ? [
              ...droppedKeys(input),
              ...checkReferences(salvaged.playbook, salvaged.declared, salvaged.indexOf).filter(
                (issue) => !salvaged.replaced.some((path) => isWithin(issue.path, path)),
              ),
            ]
          : []),
      ],
    };
  }
  const issues = [...droppedKeys(input), ...checkReferences(parsed.data, declaredIn(parsed.data))];
  return issues.length > 0 ? { ok: false, issues } : { ok: true, playbook: parsed.data };
}

/**
 * zod leaves a `__proto__` key out of a record without a word (JSON.parse and YAML make it an own
 * key): a field, calendar or role declared under it would vanish. Say so instead.
 */
function droppedKeys(input: unknown): PlaybookIssue[] {
  return (['fields', 'calendars', 'roles'] as const).flatMap((section) => {
    const record = (input as Record<string, unknown>)[section];
    return typeof record === 'object' &&
      record !== null &&
      Object.prototype.hasOwnProperty.call(record, '__proto__')
      ? [{ path: formatPath([section, '__proto__']), message: reservedNameMessage('__proto__') }]
      : [];
  });
}

class Collector {
  readonly issues: PlaybookIssue[] = [];
  constructor(private readonly indexOf: IndexMap = {}) {}
  /** The path in the admin's text: a list checked in part counts its entries as written. */
  where(path: readonly PathSegment[]): string {
    const [section, index, ...rest] = path;
    const at = typeof section === 'string' ? this.indexOf[section] : undefined;
    return at && typeof index === 'number'
      ? formatPath([section as string, at[index] ?? index, ...rest])
      : formatPath(path);
  }
  add(path: readonly PathSegment[], message: string, hint?: string): void {
    this.issues.push(
      hint === undefined
        ? { path: this.where(path), message }
        : { path: this.where(path), message, hint },
    );
  }
  /** Reports `id` at `path` unless it is one of `known`. Returns whether it was known. */
  ref(
    path: readonly PathSegment[],
    id: string,
    known: ReadonlySet<string> | readonly string[],
    what: string,
  ): boolean {
    const set = known instanceof Set ? known : new Set(known as readonly string[]);
    if (set.has(id)) return true;
    this.add(
      path,
      `names ${what} \`${id}\`, which the playbook does not declare.`,
      didYouMean(id, set),
    );
    return false;
  }
  unique(path: readonly PathSegment[], items: readonly { id: string }[], what: string): void {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const first = seen.get(item.id);
      if (first === undefined) seen.set(item.id, index);
      else
        this.add(
          [...path, index, 'id'],
          `repeats the ${what} id \`${item.id}\` already used at ${this.where([...path, first])}.`,
        );
    });
  }
}

const COMPARABLE: ReadonlySet<FieldType> = new Set(['number', 'date', 'datetime']);

function checkReferences(
  playbook: Playbook,
  declared: Declared,
  indexOf?: IndexMap,
): PlaybookIssue[] {
  const c = new Collector(indexOf);
  const fieldIds = declared.fields;
  const roleIds = declared.roles;
  const stageIds = declared.stages;
  const handoffIds = declared.handoffs;

  // CRM names are looked up in the records the CRMs send (`properties[field.hubspot]`), stage names
  // and team names in maps built from them: `constructor` there would find JavaScript's, not the CRM's.
  const crmName = (path: readonly PathSegment[], name: string | undefined): void => {
    if (isReservedName(name)) c.add(path, reservedNameMessage(name));
  };
  for (const [id, field] of Object.entries(playbook.fields)) {
    crmName(['fields', id, 'hubspot'], field.hubspot);
    crmName(['fields', id, 'salesforce'], field.salesforce);
    if (field.type === 'choice' && !field.options)
      c.add(
        ['fields', id, 'options'],
        'is required for a choice field: list the values it may take.',
      );
  }

  const compiled = new Map<string, Calendar>();
  for (const [id, def] of Object.entries(playbook.calendars)) {
    try {
      compiled.set(id, compileCalendar(def));
    } catch (error) {
      if (!(error instanceof CalendarError)) throw error;
      c.add(['calendars', id, ...error.path], error.message);
    }
  }

  c.unique(['stages'], playbook.stages, 'stage');
  const hubspotStageOwner = new Map<string, string>();
  const salesforceStageOwner = new Map<string, string>();
  for (const [id, role] of Object.entries(playbook.roles))
    role.hubspotTeams?.forEach((team, t) => crmName(['roles', id, 'hubspotTeams', t], team));
  playbook.stages.forEach((stage, s) => {
    const object = objectOfStage(stage);
    const hubspot = stage.hubspot;
    if (hubspot && 'pipelineId' in hubspot) {
      crmName(['stages', s, 'hubspot', 'pipelineId'], hubspot.pipelineId);
      if (object !== 'deal')
        c.add(
          ['stages', s, 'hubspot'],
          `maps pipeline stages, which only deals have; a ${object} stage maps the values of a property: \`{ property: lifecyclestage, values: [...] }\`.`,
        );
    }
    if (hubspot && 'property' in hubspot) {
      crmName(['stages', s, 'hubspot', 'property'], hubspot.property);
      if (object === 'deal')
        c.add(
          ['stages', s, 'hubspot'],
          'maps property values, which contact and company stages use; a deal stage maps pipeline stages: `{ pipelineId, stageIds: [...] }`.',
        );
    }
    const hubspotValues = hubspot
      ? 'stageIds' in hubspot
        ? hubspot.stageIds
        : hubspot.values
      : [];
    const valuesKey = hubspot && 'stageIds' in hubspot ? 'stageIds' : 'values';
    hubspotValues.forEach((value, i) => {
      crmName(['stages', s, 'hubspot', valuesKey, i], value);
      const key =
        hubspot && 'pipelineId' in hubspot
          ? `${hubspot.pipelineId}/${value}`
          : `${object}:${hubspot?.property}=${value}`;
      const owner = hubspotStageOwner.get(key);
      if (owner !== undefined)
        c.add(
          ['stages', s, 'hubspot', valuesKey, i],
          `maps HubSpot stage \`${value}\` already mapped by stage \`${owner}\`.`,
        );
      hubspotStageOwner.set(key, stage.id);
    });
    const salesforce = stage.salesforce;
    if (salesforce && 'stageNames' in salesforce && object !== 'deal')
      c.add(
        ['stages', s, 'salesforce'],
        `maps Opportunity stage names, which only deals have; a ${object} stage maps the values of a ${object === 'contact' ? 'Lead' : 'Account'} field: \`{ field: ${object === 'contact' ? 'Status' : 'Type'}, values: [...] }\`.`,
      );
    if (salesforce && 'field' in salesforce) {
      crmName(['stages', s, 'salesforce', 'field'], salesforce.field);
      if (object === 'deal')
        c.add(
          ['stages', s, 'salesforce'],
          'maps field values, which Lead and Account stages use; a deal stage maps Opportunity stage names: `{ stageNames: [...] }`.',
        );
    }
    const salesforceValues = salesforce
      ? 'stageNames' in salesforce
        ? salesforce.stageNames
        : salesforce.values
      : [];
    const namesKey = salesforce && 'stageNames' in salesforce ? 'stageNames' : 'values';
    salesforceValues.forEach((name, i) => {
      crmName(['stages', s, 'salesforce', namesKey, i], name);
      const key =
        salesforce && 'field' in salesforce ? `${object}:${salesforce.field}=${name}` : name;
      const owner = salesforceStageOwner.get(key);
      if (owner !== undefined)
        c.add(
          ['stages', s, 'salesforce', namesKey, i],
          `maps Salesforce stage "${name}" already mapped by stage \`${owner}\`.`,
        );
      salesforceStageOwner.set(key, stage.id);
    });
    for (const side of ['entry', 'exit'] as const) {
      checkCriteria(c, playbook, ['stages', s, side], stage[side]);
    }
  });

  c.unique(['checklists'], playbook.checklists, 'checklist');
  playbook.checklists.forEach((list, l) => {
    c.unique(['checklists', l, 'items'], list.items, 'item');
    list.items.forEach((item, i) => {
      const at: PathSegment[] = ['checklists', l, 'items', i];
      if (item.kind === 'choice' && !item.options)
        c.add([...at, 'options'], 'is required for a choice item: list the answers to pick from.');
      if (item.kind !== 'choice' && item.options)
        c.add(
          [...at, 'options'],
          `only applies to choice items; this item is a ${item.kind} item.`,
        );
      if (item.owner !== undefined) c.ref([...at, 'owner'], item.owner, roleIds, 'the role');
      if (item.field !== undefined) c.ref([...at, 'field'], item.field, fieldIds, 'the field');
      if (item.dealField !== undefined)
        c.ref([...at, 'dealField'], item.dealField, fieldIds, 'the field');
    });
  });

  c.unique(['handoffs'], playbook.handoffs, 'handoff');
  playbook.handoffs.forEach((handoff, h) => {
    const at: PathSegment[] = ['handoffs', h];
    c.ref([...at, 'checklist'], handoff.checklist, declared.checklists, 'the checklist');
    c.ref([...at, 'opensAt'], handoff.opensAt, stageIds, 'the stage');
    for (const key of ['submit', 'accept', 'reject'] as const) {
      handoff[key].forEach((role, r) => c.ref([...at, key, r], role, roleIds, 'the role'));
    }
    c.unique([...at, 'rejectReasons'], handoff.rejectReasons, 'reject reason');
    for (const key of ['onAccept', 'onReject'] as const) {
      const move = handoff[key];
      if (move) c.ref([...at, key, 'stage'], move.stage, stageIds, 'the stage');
    }
    checkCriteria(c, playbook, [...at, 'criteria'], handoff.criteria);
  });

  const calendarIds = [...declared.calendars];
  c.unique(['slas'], playbook.slas, 'SLA');
  playbook.slas.forEach((sla, i) => {
    const at: PathSegment[] = ['slas', i];
    const events: [PathSegment[], SlaDef['start'] | SlaStop][] = [
      [[...at, 'start'], sla.start],
      ...stopsOf(sla).map((stop, s): [PathSegment[], SlaStop] => [
        Array.isArray(sla.stop) ? [...at, 'stop', s] : [...at, 'stop'],
        stop,
      ]),
    ];
    for (const [where, event] of events) {
      const side = where.slice(2);
      if ('stage' in event) c.ref([...at, ...side, 'stage'], event.stage, stageIds, 'the stage');
      if ('handoff' in event)
        c.ref([...at, ...side, 'handoff'], event.handoff, handoffIds, 'the handoff');
      if (
        'field' in event &&
        c.ref([...at, ...side, 'field'], event.field, fieldIds, 'the field')
      ) {
        const type = playbook.fields[event.field]?.type;
        // undefined: a field declared but malformed, reported on its own.
        if (
          event.on === 'field_date' &&
          type !== undefined &&
          type !== 'date' &&
          type !== 'datetime'
        ) {
          c.add(
            [...at, ...side, 'field'],
            `must be a date or datetime field to start a timer; \`${event.field}\` is a ${type} field.`,
          );
        }
      }
    }
    sla.pause.forEach((pause, p) =>
      c.ref([...at, 'pause', p, 'handoff'], pause.handoff, handoffIds, 'the handoff'),
    );
    if (sla.calendar !== undefined)
      c.ref([...at, 'calendar'], sla.calendar, calendarIds, 'the calendar');
    if (sla.waitsOn !== undefined) c.ref([...at, 'waitsOn'], sla.waitsOn, roleIds, 'the role');
    const usesBusinessTime = [
      sla.target,
      ...(sla.warn && 'before' in sla.warn ? [sla.warn.before] : []),
    ].some((d) => d.unit !== 'calendar_hours');
    if (usesBusinessTime && sla.calendar === undefined && calendarIds.length > 0) {
      c.add(
        [...at, 'calendar'],
        "is required for a target in business time; name one of the playbook's calendars.",
        `one of: ${calendarIds.join(', ')}`,
      );
    }
    const calendarId = sla.calendar;
    const def = calendarId === undefined ? undefined : playbook.calendars[calendarId];
    const calendarCompiled = calendarId === undefined ? undefined : compiled.get(calendarId);
    const durations: [PathSegment[], BusinessDuration][] = [
      [[...at, 'target'], sla.target],
      ...(sla.warn && 'before' in sla.warn
        ? [[[...at, 'warn', 'before'], sla.warn.before] as [PathSegment[], BusinessDuration]]
        : []),
      ...sla.escalations.flatMap((escalation, e): [PathSegment[], BusinessDuration][] =>
        escalation.after ? [[[...at, 'escalations', e, 'after'], escalation.after]] : [],
      ),
    ];
    for (const [where, duration] of durations) {
      // A calendar that did not compile or is not declared is reported above; the year still holds.
      const issue = durationIssue(
        where,
        duration,
        calendarId !== undefined && def && calendarCompiled
          ? { id: calendarId, def, compiled: calendarCompiled }
          : undefined,
      );
      if (issue) c.add(issue.path, issue.message);
    }
    sla.escalations.forEach((escalation, e) => {
      if (escalation.after !== undefined && escalation.when !== 'breached') {
        c.add([...at, 'escalations', e, 'after'], 'only applies when `when` is `breached`.');
      }
      if (typeof escalation.to === 'object' && 'role' in escalation.to) {
        c.ref([...at, 'escalations', e, 'to', 'role'], escalation.to.role, roleIds, 'the role');
      }
      if (
        escalation.action === 'reassign' &&
        !(typeof escalation.to === 'object' && 'user' in escalation.to)
      ) {
        c.add(
          [...at, 'escalations', e, 'to'],
          'must name one user (`user: <id>`) to reassign the record to.',
        );
      }
    });
  });

  for (const issue of objectIssues(playbook)) c.add(issue.path, issue.message);
  return c.issues;

  function checkCriteria(
    col: Collector,
    pb: Playbook,
    path: PathSegment[],
    criteria: readonly CriterionDef[],
  ): void {
    col.unique(path, criteria, 'criterion');
    criteria.forEach((criterion, i) =>
      checkRule(col, pb, declared, [...path, i, 'rule'], criterion.rule),
    );
  }
}

function checkRule(
  c: Collector,
  playbook: Playbook,
  declared: Declared,
  path: PathSegment[],
  rule: Rule,
): void {
  const fieldIds = declared.fields;
  const handoffIds = declared.handoffs;
  switch (rule.op) {
    case 'all':
    case 'any':
      rule.rules.forEach((r, i) => checkRule(c, playbook, declared, [...path, 'rules', i], r));
      return;
    case 'not':
      checkRule(c, playbook, declared, [...path, 'rule'], rule.rule);
      return;
    case 'checklist_complete':
    case 'handoff_status':
      c.ref([...path, 'handoff'], rule.handoff, handoffIds, 'the handoff');
      return;
    case 'item_done': {
      if (!c.ref([...path, 'handoff'], rule.handoff, handoffIds, 'the handoff')) return;
      const handoff = playbook.handoffs.find((h) => h.id === rule.handoff);
      const list = playbook.checklists.find((l) => l.id === handoff?.checklist);
      // No list: the handoff's checklist is undeclared or malformed, each reported on its own.
      if (list === undefined) return;
      const items = list.items;
      c.ref(
        [...path, 'item'],
        rule.item,
        items.map((i) => i.id),
        `an item of the checklist of \`${rule.handoff}\`, the item`,
      );
      return;
    }
    default: {
      if (!c.ref([...path, 'field'], rule.field, fieldIds, 'the field')) return;
      const field = playbook.fields[rule.field];
      if (field === undefined) return;
      if (
        (rule.op === 'gt' || rule.op === 'gte' || rule.op === 'lt' || rule.op === 'lte') &&
        !COMPARABLE.has(field.type)
      ) {
        c.add(
          [...path, 'op'],
          `\`${rule.op}\` compares numbers or dates; \`${rule.field}\` is a ${field.type} field.`,
        );
      }
      if (
        (rule.op === 'gt' || rule.op === 'gte' || rule.op === 'lt' || rule.op === 'lte') &&
        field.type === 'number' &&
        typeof rule.value !== 'number'
      ) {
        c.add(
          [...path, 'value'],
          `must be a number to compare with the number field \`${rule.field}\`.`,
        );
      }
      if (
        (rule.op === 'gt' || rule.op === 'gte' || rule.op === 'lt' || rule.op === 'lte') &&
        field.type !== 'number' &&
        COMPARABLE.has(field.type) &&
        (typeof rule.value !== 'string' || Number.isNaN(Date.parse(rule.value)))
      ) {
        c.add(
          [...path, 'value'],
          `must be a date written "YYYY-MM-DD" to compare with the date field \`${rule.field}\`.`,
        );
      }
      if (rule.op === 'matches') {
        // The subset the linear-time matcher runs: refused here, never slow on a card.
        const pattern = patternOf(rule.pattern);
        if (pattern instanceof PatternError) c.add([...path, 'pattern'], pattern.message);
      }
      if (
        field.type === 'choice' &&
        field.options &&
        (rule.op === 'eq' || rule.op === 'neq' || rule.op === 'in')
      ) {
        const values = rule.op === 'in' ? rule.values : [rule.value];
        values.forEach((value, i) => {
          if (!field.options?.includes(String(value))) {
            const at = rule.op === 'in' ? [...path, 'values', i] : [...path, 'value'];
            c.add(
              at,
              `is not one of the options of \`${rule.field}\` (${field.options?.join(', ')}).`,
              didYouMean(String(value), field.options ?? []),
            );
          }
        });
      }
    }
  }
}
