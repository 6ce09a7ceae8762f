// Runs one preview of 10,000 live records in its own process, so its peak RSS is the preview's own
// (the records in memory included): prints { ms, cpuMs, records, escalations, sha256, maxRssMb } as JSON.
// With `reference`, runs the code before the fast path (test/shared/preview/reference, the same
// core compiled by tsx from shared/src) instead of the built core.
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { previewPlaybookChange, recordHistories } from '../../shared/dist/src/index.js';
import type { RecordSnapshot } from '../../shared/dist/src/index.js';
import { edited, tighterCsSla } from '../shared/preview/change.js';
import { defaultPlaybook } from '../shared/fixtures.js';
import { dealLines, EXPORTED_AT } from './preview-history.js';

const LIVE = 10_000;

const [which = 'fast'] = process.argv.slice(2);
if (!['fast', 'reference'].includes(which))
  throw new Error('usage: preview-now-child.ts [fast|reference]');
const preview =
  which === 'reference'
    ? (await import('../shared/preview/reference/now.js')).previewPlaybookChange
    : previewPlaybookChange;

// The export's deals as they stand: the same generator, read through the history reader.
function* lines(): Generator<string> {
  for (let i = 0; i < LIVE; i++) yield* dealLines(i);
}
const records: RecordSnapshot[] = [];
for await (const h of recordHistories(lines())) records.push(h.record);
const old = defaultPlaybook();
const next = edited(tighterCsSla);
const now = EXPORTED_AT;
preview({ old, new: next, records: records.slice(0, 1000), now });

const started = performance.now();
const cpu = process.cpuUsage();
const result = preview({ old, new: next, records, now });
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
process.stdout.write(
  JSON.stringify({
    ms,
    cpuMs: (used.user + used.system) / 1000,
    records: result.records,
    escalations: result.escalationCount,
    sha256: createHash('sha256').update(JSON.stringify(result)).digest('hex'),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
