// handoff-salesforce scan | import-calendar | deploy | export-history — the commands' logic, with the environment,
// streams, clock and sleep passed in so tests drive them against the emulator.
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { parsePlaybookText, type Playbook } from '@handoff/shared';
import { OrgApi } from './api.js';
import { connect } from './auth.js';
import { calendarsYaml, importCalendars } from './calendar.js';
import type { Clock } from './clock.js';
import { ConfigError, readConfig } from './config.js';
import { orgNames } from './names.js';
import { scan, type ScanReport } from './scan.js';
import { exportHistory } from './export-history.js';

export const USAGE = [
  'usage: handoff-salesforce scan [--playbook <file>] [--every <minutes>]',
  '       handoff-salesforce import-calendar [--years <y1,y2>]',
  '       handoff-salesforce deploy [--check-only] [--source-dir <dir>] [--playbook <file> | --playbook-from <url>]',
  '       handoff-salesforce export-history [--playbook <file>] [--out <export.jsonl>]',
].join('\n');

export interface CliDeps {
  env: NodeJS.ProcessEnv;
  out(line: string): void;
  err(line: string): void;
  clock: Clock;
  sleep(ms: number): Promise<void>;
  /** For `--every`: whether to keep going (tests stop after a few rounds; signals stop the command). */
  running?(): boolean;
  deploy?(args: readonly string[], api: OrgApi, deps: CliDeps): Promise<number>;
}

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

export async function main(args: readonly string[], deps: CliDeps): Promise<number> {
  const [command, ...rest] = args;
  if (
    command !== 'scan' &&
    command !== 'import-calendar' &&
    command !== 'deploy' &&
    command !== 'export-history'
  ) {
    deps.err(USAGE);
    return 2;
  }
  try {
    const config = readConfig(deps.env);
    const conn = await connect(config.auth, config.apiVersion, deps.clock);
    const api = new OrgApi(conn, config.maxApiShare);
    if (command === 'import-calendar') return await importCommand(rest, api, deps);
    if (command === 'export-history')
      return await exportCommand(rest, api, deps, config.bulkThreshold);
    if (command === 'deploy') {
      if (!deps.deploy) throw new ConfigError('deploy is not available in this build');
      return await deps.deploy(rest, api, deps);
    }
    return await scanCommand(rest, api, deps, config.bulkThreshold);
  } catch (error) {
    // Messages name settings and Salesforce's error codes, never a token or key.
    deps.err(
      `handoff-salesforce ${command}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  }
}

async function scanCommand(
  args: readonly string[],
  api: OrgApi,
  deps: CliDeps,
  bulkThreshold: number,
): Promise<number> {
  const every = option(args, '--every');
  const minutes = every === undefined ? undefined : Number(every);
  if (minutes !== undefined && !(minutes >= 1))
    throw new ConfigError(`--every takes whole minutes (1 or more), not "${every}"`);
  const file = option(args, '--playbook');
  for (;;) {
    const started = deps.clock.now();
    const playbook = await loadPlaybook(api, file);
    const report = await scan({ api, playbook, clock: deps.clock, bulkThreshold });
    deps.out(summary(report));
    for (const failure of report.failures) deps.err(`failed: ${failure}`);
    if (minutes === undefined) return report.failures.length > 0 ? 1 : 0;
    if (deps.running && !deps.running()) return 0;
    await deps.sleep(Math.max(0, started + minutes * 60_000 - deps.clock.now()));
    if (deps.running && !deps.running()) return 0;
  }
}

function summary(report: ScanReport): string {
  const bulk = report.read.bulkJobs > 0 ? ` (${report.read.bulkJobs} Bulk API 2.0 jobs)` : '';
  const leads = report.leads > 0 ? ` and ${report.leads} leads` : '';
  const done = `scanned ${report.opportunities} opportunities${leads}: ${report.escalations} escalations (${report.tasks} tasks), ${report.statusWrites} SLA status updates, ${report.apiCalls} API calls${bulk}`;
  return report.stopped ? `${done}; ${report.stopped}` : done;
}

/** A file when given; otherwise the org's active Handoff_Playbook__c; otherwise the default playbook. */
async function loadPlaybook(api: OrgApi, file: string | undefined): Promise<Playbook> {
  let text: string;
  let source: string;
  if (file) {
    text = await readFile(file, 'utf8');
    source = file;
  } else {
    const names = orgNames();
    const field = names.field('Playbook_Text__c');
    const [row] = await api.queryAll(
      `SELECT ${field} FROM ${names.field('Handoff_Playbook__c')} WHERE ${names.field('Active__c')} = true ORDER BY LastModifiedDate DESC LIMIT 1`,
    );
    if (row && typeof row[field] === 'string') {
      text = row[field];
      source = 'the active Handoff playbook record';
    } else {
      const path = createRequire(import.meta.url).resolve('@handoff/shared/playbooks/default.yaml');
      text = await readFile(path, 'utf8');
      source = 'the default playbook';
    }
  }
  const parsed = parsePlaybookText(text);
  if (!parsed.ok)
    throw new ConfigError(
      `${source} is not a valid playbook: ${parsed.issues.map((i) => `${i.path || '(root)'} ${i.message}`).join('; ')}`,
    );
  return parsed.playbook;
}

/** The history export for `handoff-playbook backtest`: to --out, or to standard output. */
async function exportCommand(
  args: readonly string[],
  api: OrgApi,
  deps: CliDeps,
  bulkThreshold: number,
): Promise<number> {
  const playbook = await loadPlaybook(api, option(args, '--playbook'));
  const out = option(args, '--out');
  const file = out === undefined ? undefined : createWriteStream(out);
  const write = (line: string) =>
    file
      ? new Promise<void>((resolve, reject) =>
          file.write(`${line}\n`, (error) => (error ? reject(error) : resolve())),
        )
      : deps.out(line);
  const written = await exportHistory({ api, playbook, clock: deps.clock, write, bulkThreshold });
  if (file) await new Promise<void>((resolve) => file.end(resolve));
  deps.err(`exported ${written} opportunities${out === undefined ? '' : ` to ${out}`}`);
  return 0;
}

async function importCommand(args: readonly string[], api: OrgApi, deps: CliDeps): Promise<number> {
  const thisYear = new Date(deps.clock.now()).getUTCFullYear();
  const yearsText = option(args, '--years');
  const years = yearsText ? yearsText.split(',').map(Number) : [thisYear, thisYear + 1];
  if (years.some((y) => !Number.isInteger(y) || y < 1970 || y > 2999))
    throw new ConfigError(
      `--years takes years separated by commas, e.g. ${thisYear},${thisYear + 1}`,
    );
  const { calendars, notes } = await importCalendars(api, years);
  if (Object.keys(calendars).length === 0) {
    deps.err('the org has no active business hours');
    return 1;
  }
  deps.out(calendarsYaml(calendars).trimEnd());
  for (const note of notes) deps.err(`note: ${note}`);
  return 0;
}
