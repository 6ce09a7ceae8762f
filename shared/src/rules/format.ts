import type { FieldType } from '../playbook/schema.js';

// One formatter for the process: Number.prototype.toLocaleString builds a new one per call,
// which was a quarter of evaluateRecord's time.
let numbers: Intl.NumberFormat | undefined;

/** How a typed value reads in a reason. Dates read as days (UTC, as CRMs store date fields). */
export function formatValue(type: FieldType, value: number | string | boolean): string {
  if ((type === 'date' || type === 'datetime') && typeof value === 'number') {
    const iso = new Date(value).toISOString();
    return type === 'date' ? iso.slice(0, 10) : `${iso.slice(0, 16).replace('T', ' ')} UTC`;
  }
  if (typeof value === 'number') {
    numbers ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
    return numbers.format(value);
  }
  if (typeof value === 'string') return `"${value}"`;
  return String(value);
}
