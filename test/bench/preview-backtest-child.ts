// Runs one backtest in its own process, so its peak RSS is the backtest's own: reads the export
// named on the command line line by line and prints { ms, cpuMs, records, changed, sha256, maxRssMb }
// as JSON. With `reference`, runs the code before the fast path (test/shared/preview/reference, the
// same core compiled by tsx from shared/src) instead of the built core.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { backtestPlaybooks, parsePlaybook } from '../../shared/dist/src/index.js';
import { defaultPlaybookInput } from '../shared/fixtures.js';

const [path, which = 'fast'] = process.argv.slice(2);
if (!path || !['fast', 'reference'].includes(which))
  throw new Error('usage: preview-backtest-child.ts <export.jsonl> [fast|reference]');
const backtest =
  which === 'reference'
    ? (await import('../shared/preview/reference/backtest.js')).backtestPlaybooks
    : backtestPlaybooks;
const current = defaultPlaybookInput();
const tighter = defaultPlaybookInput();
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw playbook data
tighter.slas.find((s: any) => s.id === 'cs_accepts_won_deal').target = {
  unit: 'business_hours',
  amount: 4,
};
const [old, next] = [parsePlaybook(current), parsePlaybook(tighter)];
if (!old.ok || !next.ok) throw new Error('bench playbooks are invalid');

const started = performance.now();
const cpu = process.cpuUsage();
const result = await backtest({
  old: old.playbook,
  new: next.playbook,
  history: createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity }),
});
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
process.stdout.write(
  JSON.stringify({
    ms,
    cpuMs: (used.user + used.system) / 1000,
    records: result.records,
    changed: result.changedRecords,
    sha256: createHash('sha256').update(JSON.stringify(result)).digest('hex'),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
