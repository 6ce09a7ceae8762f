// Test double of lightning/uiRecordApi as sfdx-lwc-jest ships it: getRecord is an LDS test wire
// adapter (emit / error / getLastConfig), the imperative calls are spies.
import { createLdsTestWireAdapter } from '@salesforce/wire-service-jest-util';
import { vi } from 'vitest';

type Config = { recordId?: string };
type Filter = (config: Config) => boolean;
type AdapterClass = (new (callback: (value: unknown) => void) => {
  update(config: Config): void;
  emit(value: unknown): void;
  getConfig(): Config;
}) & { emit(value: unknown, filter?: Filter): void };
// The adapter class itself (not wrapped in a spy, whose `adapter` the engine would use instead).
const LdsAdapter = createLdsTestWireAdapter() as unknown as AdapterClass;

/**
 * LDS hands each wire the record it asked for, from its cache; the test adapter alone would hand an
 * emitted record to every getRecord wire of the page (the panel has two: the opportunity and the
 * viewer's User record). So an emitted record is kept by its id and reaches the wires asking for that
 * id, now or when their config arrives; `configs()` lists what each live wire asks for.
 */
export const getRecord = class RecordAdapter extends LdsAdapter {
  static readonly records = new Map<string, unknown>();

  static override emit(value: unknown, filter?: Filter): void {
    const id = (value as { id?: unknown } | null)?.id;
    if (filter || typeof id !== 'string') {
      super.emit(value, filter);
      return;
    }
    RecordAdapter.records.set(id, value);
    super.emit(value, (config: Config) => config.recordId === id);
  }

  static configs(): Config[] {
    const instances = (this as unknown as { _wireInstances: Set<{ getConfig(): Config }> })
      ._wireInstances;
    return [...instances].map((i) => i.getConfig());
  }

  /** Between tests: forget the records emitted so far. */
  static reset(): void {
    RecordAdapter.records.clear();
  }

  override update(config: Config): void {
    super.update(config);
    const record = config.recordId ? RecordAdapter.records.get(config.recordId) : undefined;
    if (record) this.emit({ data: record, error: undefined });
  }
};
/** getRecords as sfdx-lwc-jest ships it: a plain LDS test adapter (emit `{ results: [...] }`). */
export const getRecords = createLdsTestWireAdapter();
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
