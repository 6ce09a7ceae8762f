// Test double of lightning/uiRecordApi as sfdx-lwc-jest ships it: getRecord is an LDS test wire
// adapter (emit / error / getLastConfig), the imperative calls are spies.
import { createLdsTestWireAdapter } from '@salesforce/wire-service-jest-util';
import { vi } from 'vitest';

export const getRecord = createLdsTestWireAdapter(vi.fn());
export const updateRecord = vi.fn();
export const createRecord = vi.fn();
export const notifyRecordUpdateAvailable = vi.fn(() => Promise.resolve());

export function getFieldValue(
  record: { fields: Record<string, { value: unknown }> } | undefined,
  field: string | { fieldApiName: string },
): unknown {
  const name = typeof field === 'string' ? field.split('.').slice(1).join('.') : field.fieldApiName;
  return record?.fields[name]?.value;
}
