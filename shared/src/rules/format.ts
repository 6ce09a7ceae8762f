import type { FieldType } from '../playbook/schema.js';

/** How a typed value reads in a reason. Dates read as days (UTC, as CRMs store date fields). */
export function formatValue(type: FieldType, value: number | string | boolean): string {
  if ((type === 'date' || type === 'datetime') && typeof value === 'number') {
    const iso = new Date(value).toISOString();
    return type === 'date' ? iso.slice(0, 10) : `${iso.slice(0, 16).replace('T', ' ')} UTC`;
  }
  if (typeof value === 'number') return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
  if (typeof value === 'string') return `"${value}"`;
  return String(value);
}
