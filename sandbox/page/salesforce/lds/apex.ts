// Stand-in for `@salesforce/apex`: the package has no Apex, but refreshApex also refreshes
// Lightning Data Service wires (the panel refreshes its related list with it).
import { refreshProvisioned } from './wire.js';

export function refreshApex(wiredValue: unknown): Promise<void> {
  return refreshProvisioned(wiredValue);
}

export function getSObjectValue(record: Record<string, unknown>, field: unknown): unknown {
  const f = field as { fieldApiName?: string } | string;
  return record[typeof f === 'string' ? f.split('.').slice(1).join('.') : (f.fieldApiName ?? '')];
}
