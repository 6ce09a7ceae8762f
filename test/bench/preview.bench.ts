// Previewing a playbook change: the preview over 10,000 live records (target < 1 s) and a backtest
// of 100,000 deals × 90 days of events streamed from a generated JSON Lines export (target < 10 s),
// in its own process so the peak RSS reported is the backtest's.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { previewPlaybookChange, recordHistories } from '../../shared/dist/src/index.js';
import type { RecordSnapshot } from '../../shared/dist/src/index.js';
import { edited, tighterCsSla } from '../shared/preview/change.js';
import { defaultPlaybook } from '../shared/fixtures.js';
import { line, section } from './lib.js';
import { dealLines, EXPORTED_AT, writeHistory } from './preview-history.js';

const LIVE = 10_000;
const HISTORY = 100_000;

async function liveRecords(count: number): Promise<RecordSnapshot[]> {
  // The export's deals as they stand: the same generator, read through the history reader.
  const out: RecordSnapshot[] = [];
  const lines = Array.from({ length: count }, (_, i) => dealLines(i)).flat();
  for await (const h of recordHistories(lines)) out.push(h.record);
  return out;
}

export default async function (): Promise<void> {
  const old = defaultPlaybook();
  const next = edited(tighterCsSla);
  section(
    'Playbook change preview (default playbook → CS accepts within 4 business hours, one core)',
  );
  const records = await liveRecords(LIVE);
  const now = EXPORTED_AT;
  previewPlaybookChange({ old, new: next, records: records.slice(0, 1000), now });
  const started = performance.now();
  const cpu = process.cpuUsage();
  const preview = previewPlaybookChange({ old, new: next, records, now });
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  line(
    `previewPlaybookChange, ${LIVE.toLocaleString('en-US')} live records`,
    `${Math.round(ms)} ms (CPU ${Math.round((used.user + used.system) / 1000)} ms), ${Math.round((LIVE / ms) * 1000).toLocaleString('en-US')} records/s (target < 1,000 ms); ${preview.escalationCount} escalations`,
  );

  const dir = mkdtempSync(join(tmpdir(), 'handoff-backtest-'));
  try {
    const path = join(dir, 'export.jsonl');
    const lines = await writeHistory(path, HISTORY);
    const mb = statSync(path).size / 1024 / 1024;
    const child = join(import.meta.dirname, 'preview-backtest-child.ts');
    const run = JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', child, path], { encoding: 'utf8' }),
    ) as { ms: number; cpuMs: number; records: number; changed: number; maxRssMb: number };
    line(
      `backtestPlaybooks, ${HISTORY.toLocaleString('en-US')} deals × 90 days (${lines.toLocaleString('en-US')} lines, ${Math.round(mb)} MB)`,
      `${(run.ms / 1000).toFixed(1)} s (CPU ${(run.cpuMs / 1000).toFixed(1)} s), ${Math.round((run.records / run.ms) * 1000).toLocaleString('en-US')} records/s (target < 10 s); peak RSS ${Math.round(run.maxRssMb)} MB; ${run.changed.toLocaleString('en-US')} changed`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
