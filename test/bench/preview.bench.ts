// Previewing a playbook change: the preview over 10,000 live records (target < 1 s) and a backtest
// of 100,000 deals × 90 days of events streamed from a generated JSON Lines export (target < 10 s),
// each in its own process so the peak RSS reported is its own, each beside its peer measured in the
// same run: the code before the fast path (test/shared/preview/reference), whose result must be the
// same (sha256 of the whole result).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { line, section } from './lib.js';
import { writeHistory } from './preview-history.js';

const LIVE = 10_000;
const HISTORY = 100_000;

interface Run {
  ms: number;
  cpuMs: number;
  records: number;
  sha256: string;
  maxRssMb: number;
}

function child<R extends Run>(script: string, args: string[]): R {
  const path = join(import.meta.dirname, script);
  return JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', path, ...args], { encoding: 'utf8' }),
  ) as R;
}

function figures(run: Run, seconds: boolean): string {
  const time = (ms: number): string =>
    seconds ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms).toLocaleString('en-US')} ms`;
  return `${time(run.ms)} (CPU ${time(run.cpuMs)}), ${Math.round((run.records / run.ms) * 1000).toLocaleString('en-US')} records/s, peak RSS ${Math.round(run.maxRssMb)} MB`;
}

function versus(fast: Run, reference: Run): string {
  const same = fast.sha256 === reference.sha256 ? 'same result' : 'RESULTS DIFFER';
  return `${same}; ${(reference.cpuMs / fast.cpuMs).toFixed(1)}× less CPU than the reference`;
}

export default async function (): Promise<void> {
  section(
    'Playbook change preview (default playbook → CS accepts within 4 business hours, one core)',
  );
  const count = LIVE.toLocaleString('en-US');
  const now = child<Run & { escalations: number }>('preview-now-child.ts', ['fast']);
  const nowRef = child<Run>('preview-now-child.ts', ['reference']);
  line(
    `previewPlaybookChange, ${count} live records`,
    `${figures(now, false)} (target < 1,000 ms); ${now.escalations} escalations`,
  );
  line(`  peer: the reference (before the fast path)`, figures(nowRef, false));
  line(`  `, versus(now, nowRef));

  const dir = mkdtempSync(join(tmpdir(), 'handoff-backtest-'));
  try {
    const path = join(dir, 'export.jsonl');
    const lines = await writeHistory(path, HISTORY);
    const mb = statSync(path).size / 1024 / 1024;
    const run = child<Run & { changed: number }>('preview-backtest-child.ts', [path, 'fast']);
    const ref = child<Run>('preview-backtest-child.ts', [path, 'reference']);
    line(
      `backtestPlaybooks, ${HISTORY.toLocaleString('en-US')} deals × 90 days (${lines.toLocaleString('en-US')} lines, ${Math.round(mb)} MB)`,
      `${figures(run, true)} (target < 10 s); ${run.changed.toLocaleString('en-US')} changed`,
    );
    line(`  peer: the reference (before the fast path)`, figures(ref, true));
    line(`  `, versus(run, ref));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
