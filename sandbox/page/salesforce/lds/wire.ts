// The LWC wire adapter protocol (constructor(dataCallback), update(config), connect(),
// disconnect()) for the stand-ins of Lightning Data Service's adapters. Each adapter reads the
// Salesforce emulator through the UI API; what it provisions is `{ data, error }` as LDS does.
// Writes and refreshApex reload the adapters whose data they touch, as LDS's cache would.
import { deepFreeze, type FetchResponse } from './session.js';

export type Config = Record<string, unknown>;
type DataCallback = (value: unknown) => void;

/** Every connected adapter, so writes can reload what shows the records they changed. */
const live = new Set<LdsAdapter>();
/** Provisioned values → the adapter that provisioned them (refreshApex / refreshGraphQL). */
const provisioned = new WeakMap<object, LdsAdapter>();

export abstract class LdsAdapter {
  private config: Config | undefined;
  private connected = false;
  private loadedKey: string | undefined;
  private lastText = '';
  private generation = 0;

  constructor(private readonly callback: DataCallback) {}

  /**
   * What to read for this configuration, or undefined while a required parameter is undefined:
   * LDS provisions nothing until then (the panel relies on it on Account pages).
   */
  protected abstract read(config: Config): (() => Promise<unknown>) | undefined;

  /** The provisioned value for data or an error; graphql's differs (`{ data, errors }`). */
  protected provision(data: unknown, error: FetchResponse | undefined): Record<string, unknown> {
    return { data, error };
  }

  update(config: Config): void {
    this.config = config;
    if (this.connected) void this.load(false);
  }

  connect(): void {
    this.connected = true;
    live.add(this);
    if (this.config) void this.load(false);
  }

  disconnect(): void {
    this.connected = false;
    live.delete(this);
  }

  /** Mentions a record id in what it last provisioned (so a write to it reloads this wire). */
  shows(recordIds: readonly string[]): boolean {
    return recordIds.some((id) => id !== '' && this.lastText.includes(`"${id}"`));
  }

  async load(force: boolean): Promise<void> {
    if (!this.config) return;
    const reader = this.read(this.config);
    if (!reader) return;
    const key = JSON.stringify(this.config);
    if (!force && key === this.loadedKey) return;
    this.loadedKey = key;
    const generation = ++this.generation;
    let value: Record<string, unknown>;
    try {
      const data = deepFreeze(await reader());
      this.lastText = JSON.stringify(data);
      value = this.provision(data, undefined);
    } catch (error) {
      this.lastText = '';
      value = this.provision(undefined, error as FetchResponse);
    }
    // A newer configuration answered meanwhile: this answer is stale.
    if (generation !== this.generation || !this.connected) return;
    provisioned.set(value, this);
    this.callback(value);
  }
}

/** `refreshApex(wiredValue)`: reloads the wire that provisioned the value. */
export async function refreshProvisioned(value: unknown): Promise<void> {
  const adapter = value && typeof value === 'object' ? provisioned.get(value) : undefined;
  await adapter?.load(true);
}

/** After a write: every live wire that shows one of the records reloads. */
export async function reloadShowing(recordIds: readonly string[]): Promise<void> {
  await Promise.all([...live].filter((a) => a.shows(recordIds)).map((a) => a.load(true)));
}

/** `Opportunity.StageName` or a schema import `{ objectApiName, fieldApiName }` → the string. */
export function fieldName(field: unknown): string {
  if (typeof field === 'string') return field;
  const f = field as { objectApiName?: string; fieldApiName?: string } | null;
  if (f?.objectApiName && f.fieldApiName) return `${f.objectApiName}.${f.fieldApiName}`;
  throw new Error(`Not a field: ${JSON.stringify(field)}`);
}

export function objectName(object: unknown): string {
  if (typeof object === 'string') return object;
  const o = object as { objectApiName?: string } | null;
  if (o?.objectApiName) return o.objectApiName;
  throw new Error(`Not an object: ${JSON.stringify(object)}`);
}

export function fieldList(fields: unknown): string[] {
  if (fields === undefined || fields === null) return [];
  return (Array.isArray(fields) ? fields : [fields]).map(fieldName);
}

export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== '') search.set(k, String(v));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The configuration's required values are all there (LDS waits otherwise). */
export function ready(config: Config, names: readonly string[]): boolean {
  return names.every((n) => config[n] !== undefined && config[n] !== null);
}
