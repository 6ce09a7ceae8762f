// Field values as the REST API writes and reads them: dates `YYYY-MM-DD`, date-times
// `2026-01-05T09:00:00.000+0000`, times `09:00:00.000Z`. Stored canonically (date-times as epoch ms).
import { SalesforceFault } from './errors.js';
import type { FieldDef } from './schema.js';

export type Stored = string | number | boolean | null;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

export function formatDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

function invalid(field: FieldDef, value: unknown): SalesforceFault {
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  const code =
    field.kind === 'picklist' || field.kind === 'multipicklist'
      ? 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'
      : 'INVALID_TYPE_ON_FIELD_IN_RECORD';
  return new SalesforceFault(400, code, `${field.name}: value not of required type: ${shown}`, [
    field.name,
  ]);
}

export function parseDateTime(value: string): number | undefined {
  // SOQL literals and JSON both allow +hhmm / +hh:mm / Z offsets.
  const normalised = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(normalised);
  return Number.isNaN(ms) ? undefined : ms;
}

/** A JSON value written through the API → what the org stores, or a fault naming the field. */
export function toStored(field: FieldDef, value: unknown): Stored {
  if (value === null || value === undefined || value === '') return null;
  switch (field.kind) {
    case 'boolean':
      if (typeof value !== 'boolean') throw invalid(field, value);
      return value;
    case 'double':
    case 'currency':
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
        return Number(value);
      throw invalid(field, value);
    case 'date':
      if (typeof value === 'string' && DATE.test(value)) return value;
      throw invalid(field, value);
    case 'datetime': {
      // A stored instant (epoch ms) comes back when a rollback restores a record.
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      const ms = typeof value === 'string' ? parseDateTime(value) : undefined;
      if (ms === undefined) throw invalid(field, value);
      return ms;
    }
    case 'time':
      if (typeof value === 'string' && TIME.test(value)) return value;
      throw invalid(field, value);
    case 'picklist':
      if (typeof value !== 'string') throw invalid(field, value);
      if (field.picklistValues && !field.unrestricted && !field.picklistValues.includes(value))
        throw new SalesforceFault(
          400,
          'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
          `${field.name}: bad value for restricted picklist field: ${value}`,
          [field.name],
        );
      return value;
    case 'multipicklist': {
      if (typeof value !== 'string') throw invalid(field, value);
      const selected = value.split(';');
      const bad = selected.find(
        (v) => field.picklistValues && !field.unrestricted && !field.picklistValues.includes(v),
      );
      if (bad !== undefined)
        throw new SalesforceFault(
          400,
          'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
          `${field.name}: bad value for restricted picklist field: ${bad}`,
          [field.name],
        );
      return value;
    }
    default: {
      if (typeof value !== 'string') throw invalid(field, value);
      if (field.length !== undefined && value.length > field.length)
        throw new SalesforceFault(
          400,
          'STRING_TOO_LONG',
          `${field.name}: data value too large: ${value.slice(0, 40)}… (max length=${field.length})`,
          [field.name],
        );
      return value;
    }
  }
}

/** A stored value → its JSON form in a response. */
export function toWire(field: FieldDef, value: Stored | undefined): Stored {
  if (value === undefined || value === null) return null;
  if (field.kind === 'datetime' && typeof value === 'number') return formatDateTime(value);
  return value;
}
