// Roll-up summary fields (COUNT with filters), computed when read, as the org shows them: the
// validation rules and the UI API see them; SOQL reads of them are not emulated.
import type { ObjectDef } from './schema.js';
import type { RecordStore, StoredRecord } from './store.js';

export function withSummaries(
  store: RecordStore,
  object: ObjectDef,
  record: StoredRecord,
): StoredRecord {
  const summaries = object.fields.filter((f) => f.summary);
  if (summaries.length === 0) return record;
  const out: StoredRecord = { ...record };
  for (const field of summaries) {
    const { child, via, filters } = field.summary as NonNullable<typeof field.summary>;
    let count = 0;
    for (const row of store.all(child)) {
      if (row[via] !== record.Id) continue;
      if (Object.entries(filters).every(([name, wanted]) => (row[name] ?? false) === wanted))
        count++;
    }
    out[field.name] = count;
  }
  return out;
}
