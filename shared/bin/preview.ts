// handoff-playbook diff <old> <new> | backtest <new> --against <current> --history <export.jsonl>:
// what a playbook change is, and what it would have done over recorded history.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import {
  backtestPlaybooks,
  DEFAULT_BACKTEST_DAYS,
  diffPlaybooks,
  formatDuration,
  HistoryError,
  MAX_BACKTEST_DAYS,
  parsePlaybookText,
  TIME_TO_ACCEPT_BUCKETS_HOURS,
  type BacktestResult,
  type Playbook,
} from '../src/index.js';

type Out = (line: string) => void;

export const PREVIEW_USAGE = [
  'handoff-playbook diff <old> <new>',
  'handoff-playbook backtest <new> --against <current> --history <export.jsonl> [--from <date>] [--to <date>] [--days <n>] [--json]',
];

export const BACKTEST_HELP = `usage: handoff-playbook backtest <new> --against <current> --history <export.jsonl> [options]

Replays recorded history under the current playbook and the new one and compares SLA attainment,
breaches, escalations raised, time to accept, submissions and stage moves each would have refused,
and the records whose outcome changes.

  <new>, --against <current>  playbook files (YAML or JSON)
  --history <file>            the history export (below); "-" reads standard input
  --to <date>                 end of the window (ISO date or instant); default: the export's exportedAt
  --from <date>               start of the window; default: --days before the end
  --days <n>                  window length in days (default ${DEFAULT_BACKTEST_DAYS}, at most ${MAX_BACKTEST_DAYS})
  --json                      print the whole result as JSON
  --help                      this text

History input: JSON Lines (UTF-8), one JSON object per line, each with a "type"; times are epoch
milliseconds. Written by the HubSpot backend's history export and \`npm run salesforce:export-history\`.
  {"type":"export","format":"handoff-history","version":1,"crm":"hubspot","exportedAt":…}  optional, first
  {"type":"snapshot","record":{…RecordSnapshot…}}     opens a record: as it stands at the export
  {"type":"stage","recordId":"…","stage":"closed_won","at":…}           entered a stage
  {"type":"handoff","recordId":"…","handoff":"sales_to_cs","event":{"type":"submitted","at":…,"by":"…","actionId":"…","details":{}}}
  {"type":"field","recordId":"…","field":"amount","value":12000,"at":…} a field took this value
A record's lines are contiguous: its snapshot, then its events in any order. The file is read one
record at a time, so its size is not limited by memory. The full description is in the core
package's README, "History export".`;

export async function diffCommand(args: readonly string[], out: Out, err: Out): Promise<number> {
  const [oldFile, newFile, ...rest] = args;
  if (oldFile === undefined || newFile === undefined || rest.length > 0) {
    err(`usage: ${PREVIEW_USAGE[0]}`);
    return 2;
  }
  const old = await readPlaybook(oldFile, err);
  const next = await readPlaybook(newFile, err);
  if (typeof old === 'number') return old;
  if (typeof next === 'number') return next;
  const changes = diffPlaybooks(old, next);
  if (changes.length === 0) {
    out(`${newFile}: no changes from ${oldFile}.`);
    return 0;
  }
  out(
    `${newFile} against ${oldFile}: ${changes.length} ${changes.length === 1 ? 'change' : 'changes'}`,
  );
  for (const change of changes) out(`  ${change.text}`);
  return 0;
}

interface BacktestArgs {
  newFile: string;
  against: string;
  history: string;
  from?: number;
  to?: number;
  days?: number;
  json: boolean;
}

export async function backtestCommand(
  args: readonly string[],
  out: Out,
  err: Out,
  stdin: () => AsyncIterable<string> = () => lines(process.stdin),
): Promise<number> {
  if (args.includes('--help')) {
    out(BACKTEST_HELP);
    return 0;
  }
  const parsed = parseBacktestArgs(args);
  if (typeof parsed === 'string') {
    err(parsed);
    err(`usage: ${PREVIEW_USAGE[1]} (--help describes the history input)`);
    return 2;
  }
  const next = await readPlaybook(parsed.newFile, err);
  const old = await readPlaybook(parsed.against, err);
  if (typeof next === 'number') return next;
  if (typeof old === 'number') return old;
  const { from, to, days = DEFAULT_BACKTEST_DAYS } = parsed;
  const history =
    parsed.history === '-' ? stdin() : lines(createReadStream(parsed.history, 'utf8'));
  let result: BacktestResult;
  try {
    result = await backtestPlaybooks({
      old,
      new: next,
      history,
      window: { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) },
      days,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      err(
        `${parsed.history}: cannot read the history (${code === 'ENOENT' ? 'it does not exist' : code}).`,
      );
      return 2;
    }
    if (error instanceof HistoryError || error instanceof RangeError) {
      err(`${parsed.history}: ${error.message}`);
      return 1;
    }
    throw error;
  }
  if (parsed.json) out(JSON.stringify(result, null, 2));
  else for (const line of report(result, parsed)) out(line);
  return 0;
}

function parseBacktestArgs(args: readonly string[]): BacktestArgs | string {
  const positional: string[] = [];
  const options = new Map<string, string>();
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--json') json = true;
    else if (['--against', '--history', '--from', '--to', '--days'].includes(arg)) {
      const value = args[i + 1];
      if (value === undefined) return `${arg} needs a value.`;
      options.set(arg, value);
      i++;
    } else if (arg.startsWith('--')) return `unknown option ${arg}.`;
    else positional.push(arg);
  }
  const [newFile, ...extra] = positional;
  if (newFile === undefined) return 'backtest needs the new playbook file.';
  if (extra.length > 0) return `unexpected argument ${extra[0]}.`;
  const against = options.get('--against');
  const history = options.get('--history');
  if (against === undefined) return 'backtest needs --against <current playbook>.';
  if (history === undefined) return 'backtest needs --history <export.jsonl>.';
  const result: BacktestArgs = { newFile, against, history, json };
  for (const key of ['--from', '--to'] as const) {
    const text = options.get(key);
    if (text === undefined) continue;
    const at = Date.parse(text);
    if (Number.isNaN(at))
      return `${key} ${text} is not a date (2026-12-03 or 2026-12-03T17:00:00Z).`;
    result[key === '--from' ? 'from' : 'to'] = at;
  }
  const days = options.get('--days');
  if (days !== undefined) {
    const n = Number(days);
    if (!Number.isInteger(n) || n < 1 || n > MAX_BACKTEST_DAYS)
      return `--days ${days} must be a whole number of days from 1 to ${MAX_BACKTEST_DAYS}.`;
    result.days = n;
  }
  return result;
}

async function readPlaybook(file: string, err: Out): Promise<Playbook | number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    err(
      `${file}: cannot read the file (${code === 'ENOENT' ? 'it does not exist' : (code ?? 'unknown error')}).`,
    );
    return 2;
  }
  const result = parsePlaybookText(text);
  if (result.ok) return result.playbook;
  err(`${file}: not a valid playbook (\`handoff-playbook validate ${file}\` lists its problems).`);
  return 1;
}

async function* lines(stream: NodeJS.ReadableStream): AsyncGenerator<string> {
  yield* createInterface({ input: stream, crlfDelay: Infinity });
}

function report(r: BacktestResult, args: BacktestArgs): string[] {
  const day = (t: number): string => new Date(t).toISOString().slice(0, 10);
  const days = Math.round((r.window.to - r.window.from) / 86_400_000);
  const out = [
    `Backtest of ${args.newFile} against ${args.against}, ${day(r.window.from)} to ${day(r.window.to)} (${days} days): ${r.records} records, ${r.recordsWithFieldHistory} with field history.`,
    '',
    'SLAs (current → new)',
  ];
  const pct = (a: number | null): string => (a === null ? 'n/a' : `${Math.round(a * 1000) / 10}%`);
  for (const s of union(r.old.slas, r.new.slas)) {
    const [a, b] = [r.old.slas.find((x) => x.id === s.id), r.new.slas.find((x) => x.id === s.id)];
    const sum = (x?: { escalations: number[] }): number =>
      x?.escalations.reduce((m, n) => m + n, 0) ?? 0;
    out.push(
      `  ${s.label}: attainment ${pct(a?.attainment ?? null)} (${a?.metOnTime ?? 0}/${a?.completed ?? 0}) → ${pct(b?.attainment ?? null)} (${b?.metOnTime ?? 0}/${b?.completed ?? 0}); breaches ${a?.breaches ?? 0} → ${b?.breaches ?? 0}; escalations ${sum(a)} → ${sum(b)}`,
    );
  }
  out.push('', 'Handoffs (current → new)');
  const wait = (ms: number | null): string => (ms === null ? 'n/a' : formatDuration(ms));
  const buckets = TIME_TO_ACCEPT_BUCKETS_HOURS.map((h) => (h === null ? 'longer' : `≤${h} h`));
  for (const h of union(r.old.handoffs, r.new.handoffs)) {
    const [a, b] = [
      r.old.handoffs.find((x) => x.id === h.id),
      r.new.handoffs.find((x) => x.id === h.id),
    ];
    out.push(
      `  ${h.label}: time to accept median ${wait(a?.timeToAccept.medianMs ?? null)} → ${wait(b?.timeToAccept.medianMs ?? null)}, p90 ${wait(a?.timeToAccept.p90Ms ?? null)} → ${wait(b?.timeToAccept.p90Ms ?? null)}; refused submissions ${a?.refusedSubmissions ?? 0} → ${b?.refusedSubmissions ?? 0}`,
      `    business hours to accept: ${buckets.map((label, i) => `${label} ${a?.timeToAccept.histogram[i] ?? 0} → ${b?.timeToAccept.histogram[i] ?? 0}`).join(', ')}`,
    );
  }
  out.push('', `Stage moves blocked: ${r.old.blockedStageMoves} → ${r.new.blockedStageMoves}`);
  out.push('', `Records whose outcome changes: ${r.changedRecords}`);
  const shown = r.changes.slice(0, 20);
  for (const c of shown) out.push(`  ${c.recordId}: ${c.changes.join('; ')}`);
  if (r.changedRecords > shown.length)
    out.push(
      `  … and ${r.changedRecords - shown.length} more (--json lists the first ${r.changes.length})`,
    );
  out.push('', 'What the replay cannot know');
  for (const sentence of r.unknowable) out.push(`  - ${sentence}`);
  return out;
}

function union<T extends { id: string; label: string }>(a: readonly T[], b: readonly T[]): T[] {
  return [...b, ...a.filter((x) => !b.some((y) => y.id === x.id))];
}
