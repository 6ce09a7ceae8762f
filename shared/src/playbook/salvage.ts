// The well-formed parts of a playbook that failed its schema, so the reference checks still run
// over them and the admin sees every problem in one pass, not one layer per save.
import { formatPath } from './issues.js';
import {
  CalendarDefSchema,
  ChecklistDef,
  FieldDef,
  HandoffDef,
  Id,
  RoleDef,
  SlaDef,
  StageDef,
  type Playbook,
} from './schema.js';

/** The ids a playbook declares, by kind: what a reference may name. */
export interface Declared {
  fields: ReadonlySet<string>;
  roles: ReadonlySet<string>;
  calendars: ReadonlySet<string>;
  stages: ReadonlySet<string>;
  checklists: ReadonlySet<string>;
  handoffs: ReadonlySet<string>;
}

export function declaredIn(playbook: Playbook): Declared {
  return {
    fields: new Set(Object.keys(playbook.fields)),
    roles: new Set(Object.keys(playbook.roles)),
    calendars: new Set(Object.keys(playbook.calendars)),
    stages: new Set(playbook.stages.map((s) => s.id)),
    checklists: new Set(playbook.checklists.map((l) => l.id)),
    handoffs: new Set(playbook.handoffs.map((h) => h.id)),
  };
}

/** For each list section checked in part, the index in the admin's text of each kept entry. */
export type IndexMap = Partial<Record<string, number[]>>;

interface EntrySchema {
  safeParse(value: unknown):
    | { success: true; data: unknown }
    | {
        success: false;
        error: { issues: { code: string; path: PropertyKey[]; keys?: string[] }[] };
      };
}

const LISTS: Record<string, EntrySchema> = {
  stages: StageDef,
  checklists: ChecklistDef,
  handoffs: HandoffDef,
  slas: SlaDef,
};
const RECORDS: Record<string, EntrySchema> = {
  fields: FieldDef,
  calendars: CalendarDefSchema,
  roles: RoleDef,
};

/**
 * What stands in for a malformed setting of a list entry so the rest of the entry can be checked:
 * `undefined` removes an optional setting. Whatever the reference checks say about a stand-in is
 * dropped (`replaced`), so a stand-in only has to be well-formed.
 */
const STAND_IN: Record<string, unknown> = {
  label: 'x',
  outcome: undefined,
  hubspot: undefined,
  salesforce: undefined,
  entry: [],
  exit: [],
  items: [{ id: 'x', label: 'x', kind: 'check' }],
  checklist: 'x',
  opensAt: 'x',
  submit: ['x'],
  accept: ['x'],
  reject: ['x'],
  rejectReasons: [{ id: 'x', label: 'x' }],
  criteria: [],
  start: { on: 'stage_entered', stage: 'x' },
  stop: { on: 'stage_entered', stage: 'x' },
  pause: [],
  target: { unit: 'calendar_hours', amount: 1 },
  calendar: undefined,
  warn: undefined,
  escalations: [],
  waitsOn: undefined,
};

export interface Salvaged {
  playbook: Playbook;
  declared: Declared;
  indexOf: IndexMap;
  /** Paths (as written) whose settings were stood in for: reference issues under them are not real. */
  replaced: string[];
}

/**
 * The well-formed entries of a playbook that failed its schema: each list entry (with its
 * malformed settings stood in for) and each named entry that parses on its own. Ids are declared
 * by what the admin wrote, well-formed or not, so a reference to a stage with a missing label is
 * not also called undeclared.
 */
export function salvage(input: unknown): Salvaged | undefined {
  if (!isObject(input)) return undefined;
  try {
    const indexOf: IndexMap = {};
    const replaced: string[] = [];
    const lists = Object.entries(LISTS).map(([section, schema]) => {
      const kept: unknown[] = [];
      const at: number[] = [];
      const list = input[section];
      (Array.isArray(list) ? list : []).forEach((entry: unknown, i) => {
        const one = mend(schema, entry);
        if (one === undefined) return;
        kept.push(one.data);
        at.push(i);
        replaced.push(...one.replaced.map((key) => formatPath([section, i, key])));
      });
      indexOf[section] = at;
      return [section, kept] as const;
    });
    const records = Object.entries(RECORDS).map(([section, schema]) => {
      const record = input[section];
      const kept = Object.entries(isObject(record) ? record : {}).flatMap(([id, def]) => {
        // Ids never spell an Object.prototype member (`__proto__`, `toString`…): safe as keys.
        const one = Id.safeParse(id).success ? schema.safeParse(def) : undefined;
        return one?.success ? [[id, one.data] as const] : [];
      });
      return [section, Object.fromEntries(kept)] as const;
    });
    const playbook = Object.fromEntries([...lists, ...records]) as unknown as Playbook;
    const ids = (section: string): Set<string> => {
      const list = input[section];
      return new Set(
        (Array.isArray(list) ? list : []).flatMap((entry: unknown) =>
          isObject(entry) && typeof entry.id === 'string' ? [entry.id] : [],
        ),
      );
    };
    const keys = (section: string): Set<string> => {
      const record = input[section];
      return new Set(isObject(record) ? Object.keys(record) : []);
    };
    const declared: Declared = {
      fields: keys('fields'),
      roles: keys('roles'),
      calendars: keys('calendars'),
      stages: ids('stages'),
      checklists: ids('checklists'),
      handoffs: ids('handoffs'),
    };
    return { playbook, declared, indexOf, replaced };
  } catch {
    // Getters or proxies in hostile input: the structural issues already say it is unreadable.
    return undefined;
  }
}

/** The entry parsed, its malformed top settings stood in for; undefined when that is not enough. */
function mend(
  schema: EntrySchema,
  entry: unknown,
): { data: unknown; replaced: string[] } | undefined {
  const first = schema.safeParse(entry);
  if (first.success) return { data: first.data, replaced: [] };
  if (!isObject(entry)) return undefined;
  const mended: Record<string, unknown> = { ...entry };
  const replaced = new Set<string>();
  for (const issue of first.error.issues) {
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
      for (const key of issue.keys ?? []) delete mended[key];
      continue;
    }
    const key = issue.path[0];
    // The id is what references name: an entry without a usable one is not looked into.
    if (typeof key !== 'string' || key === 'id' || !(key in STAND_IN)) return undefined;
    if (STAND_IN[key] === undefined) delete mended[key];
    else mended[key] = STAND_IN[key];
    replaced.add(key);
  }
  const second = schema.safeParse(mended);
  return second.success ? { data: second.data, replaced: [...replaced] } : undefined;
}

/** Whether `path` is `ancestor` or lies under it (`slas[0].stop` holds `slas[0].stop.stage`). */
export function isWithin(path: string, ancestor: string): boolean {
  if (!path.startsWith(ancestor)) return false;
  const next = path[ancestor.length];
  return next === undefined || next === '.' || next === '[';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
