// Raw CRM values → typed values. HubSpot sends strings ("5000", "1767225600000"), Salesforce typed JSON;
// both mean the same thing to the playbook.
import { MAX_INSTANT, MIN_INSTANT } from '../clock/wallclock.js';
import type { FieldDef } from '../playbook/schema.js';

export type Coerced =
  | { kind: 'empty' }
  | { kind: 'value'; value: number | string | boolean }
  | { kind: 'invalid'; reason: string };

const EMPTY: Coerced = { kind: 'empty' };
const DIGITS = /^-?\d+$/;

export function coerce(field: Pick<FieldDef, 'type'>, raw: unknown): Coerced {
  if (raw === undefined || raw === null) return EMPTY;
  if (typeof raw === 'string' && raw.trim() === '') return EMPTY;
  switch (field.type) {
    case 'number':
      return toNumber(raw);
    case 'date':
    case 'datetime':
      return toInstant(raw);
    case 'boolean':
      return toBoolean(raw);
    case 'text':
    case 'choice':
      if (typeof raw === 'string') return { kind: 'value', value: raw.trim() };
      if (typeof raw === 'number' || typeof raw === 'boolean')
        return { kind: 'value', value: String(raw) };
      return { kind: 'invalid', reason: `${describeRaw(raw)} is not text` };
  }
}

function toNumber(raw: unknown): Coerced {
  if (typeof raw === 'number')
    return Number.isFinite(raw) ? { kind: 'value', value: raw } : invalid(raw, 'a number');
  if (typeof raw === 'string') {
    const n = Number(raw.trim());
    return Number.isFinite(n) ? { kind: 'value', value: n } : invalid(raw, 'a number');
  }
  return invalid(raw, 'a number');
}

/** Dates become epoch milliseconds: HubSpot date properties are midnight UTC, Salesforce dates are ISO days. */
function toInstant(raw: unknown): Coerced {
  let t = NaN;
  if (typeof raw === 'number') t = raw;
  else if (typeof raw === 'string')
    t = DIGITS.test(raw.trim()) ? Number(raw.trim()) : Date.parse(raw);
  // Dates are years 1–9999, as both CRMs store them and the business clock accepts them; a
  // fraction of a millisecond is rounded away rather than refused.
  return Number.isFinite(t) && t >= MIN_INSTANT && t <= MAX_INSTANT
    ? { kind: 'value', value: Math.round(t) }
    : invalid(raw, 'a date');
}

function toBoolean(raw: unknown): Coerced {
  if (typeof raw === 'boolean') return { kind: 'value', value: raw };
  if (typeof raw === 'string') {
    const s = raw.trim().toLowerCase();
    if (s === 'true') return { kind: 'value', value: true };
    if (s === 'false') return { kind: 'value', value: false };
  }
  return invalid(raw, 'true or false');
}

function invalid(raw: unknown, wanted: string): Coerced {
  return { kind: 'invalid', reason: `${describeRaw(raw)} is not ${wanted}` };
}

export function describeRaw(raw: unknown): string {
  if (typeof raw === 'string')
    return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  if (Array.isArray(raw)) return 'a list';
  return typeof raw === 'object' ? 'an object' : typeof raw;
}
