import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../../shared/bin/cli.js';
import { completeCsItems, DAY, deal, handoffState, HOUR, MONDAY_10AM_NY } from '../builders.js';
import { DEFAULT_PLAYBOOK_PATH } from '../fixtures.js';
import { event, exportLines } from '../preview/history.js';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    args,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'handoff-preview-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const current = readFileSync(DEFAULT_PLAYBOOK_PATH, 'utf8');
const CS_TARGET = 'target: { unit: business_days, amount: 1, mode: elapsed }';
const tighter = file(
  'tighter.yaml',
  current.replace(CS_TARGET, 'target: { unit: business_hours, amount: 4 }'),
);

// Two deals won Monday 23 November 2026 09:00 New York, submitted at 10:00, accepted by CS after
// 3 and 6 business hours: both on time against 1 business day, the second late against 4 hours.
const EXPORTED_AT = MONDAY_10AM_NY + 10 * DAY;
function accepted(recordId: string, afterHours: number) {
  return {
    record: deal({
      recordId,
      stageHistory: [{ stage: 'closed_won', enteredAt: MONDAY_10AM_NY - HOUR }],
      handoffs: {
        sales_to_cs: handoffState('accepted', {
          items: completeCsItems(MONDAY_10AM_NY - HOUR),
          events: [
            event('submitted', MONDAY_10AM_NY),
            event('accepted', MONDAY_10AM_NY + afterHours * HOUR, 'u-cs'),
          ],
        }),
      },
    }),
  };
}
const history = file(
  'export.jsonl',
  exportLines(EXPORTED_AT, [accepted('fast', 3), accepted('slow', 6)])
    .map((line) => JSON.stringify(line))
    .join('\n') + '\n',
);

describe('handoff-playbook diff', () => {
  it('when an SLA target changed, then it names the SLA by its label with the old and new target in words, and exits 0', async () => {
    const { code, out } = await run('diff', DEFAULT_PLAYBOOK_PATH, tighter);
    expect(code).toBe(0);
    expect(out.split('\n')).toEqual([
      `${tighter} against ${DEFAULT_PLAYBOOK_PATH}: 1 change`,
      '  CS accepts the handoff: 1 business day → 4 business hours',
    ]);
  });

  it('when nothing changed, then it says so and exits 0', async () => {
    expect(await run('diff', DEFAULT_PLAYBOOK_PATH, DEFAULT_PLAYBOOK_PATH)).toMatchObject({
      code: 0,
      out: `${DEFAULT_PLAYBOOK_PATH}: no changes from ${DEFAULT_PLAYBOOK_PATH}.`,
    });
  });

  it('when a file is missing or invalid, then it says which and exits 2 or 1', async () => {
    expect(await run('diff', DEFAULT_PLAYBOOK_PATH, '/nonexistent.yaml')).toMatchObject({
      code: 2,
      err: '/nonexistent.yaml: cannot read the file (it does not exist).',
    });
    const broken = file('broken.yaml', 'schemaVersion: 2\n');
    expect(await run('diff', broken, DEFAULT_PLAYBOOK_PATH)).toMatchObject({
      code: 1,
      err: `${broken}: not a valid playbook (\`handoff-playbook validate ${broken}\` lists its problems).`,
    });
  });

  it('when run as the built command, then it exits 0 with the change on standard output', async () => {
    const bin = fileURLToPath(
      new URL('../../../shared/dist/bin/handoff-playbook.js', import.meta.url),
    );
    const { stdout } = await promisify(execFile)(process.execPath, [
      bin,
      'diff',
      DEFAULT_PLAYBOOK_PATH,
      tighter,
    ]);
    expect(stdout).toContain('CS accepts the handoff: 1 business day → 4 business hours');
  });
});

describe('handoff-playbook backtest', () => {
  it('when asked for help, then it describes the JSON Lines history input line by line', async () => {
    const { code, out } = await run('backtest', '--help');
    expect(code).toBe(0);
    expect(out).toContain('History input: JSON Lines (UTF-8), one JSON object per line');
    for (const type of ['export', 'snapshot', 'stage', 'handoff', 'field'])
      expect(out).toContain(`{"type":"${type}"`);
    expect(out).toContain('npm run salesforce:export-history');
  });

  it('when replaying an export, then it prints attainment, breaches, escalations and the records that change', async () => {
    const { code, out } = await run(
      'backtest',
      tighter,
      '--against',
      DEFAULT_PLAYBOOK_PATH,
      '--history',
      history,
    );
    expect(code).toBe(0);
    expect(out).toContain('2026-09-04 to 2026-12-03 (90 days): 2 records, 0 with field history.');
    expect(out).toContain(
      '  CS accepts the handoff: attainment 100% (2/2) → 50% (1/2); breaches 0 → 1; escalations 0 → 2',
    );
    expect(out).toContain(
      '  Sales → CS: time to accept median 4 h 30 min → 4 h 30 min, p90 6 h → 6 h; refused submissions 0 → 0',
    );
    expect(out).toContain(
      'Records whose outcome changes: 1\n  slow: CS accepts the handoff: Met → Met late; escalations raised: 0 → 2',
    );
    expect(out).toContain('What the replay cannot know');
  });

  it('when asked for JSON and a shorter window, then it prints the result object over that window', async () => {
    const { code, out } = await run(
      'backtest',
      tighter,
      '--against',
      DEFAULT_PLAYBOOK_PATH,
      '--history',
      history,
      '--days',
      '5',
      '--json',
    );
    expect(code).toBe(0);
    const result = JSON.parse(out);
    // Five days before the export (Thursday 3 December) start after the Monday the deals were won.
    expect(result.window).toEqual({ from: EXPORTED_AT - 5 * DAY, to: EXPORTED_AT });
    expect(result.changedRecords).toBe(0);
  });

  it('when the history has a bad line or an option is missing, then it names the line or the option', async () => {
    const bad = file(
      'bad.jsonl',
      `${JSON.stringify({ type: 'snapshot', record: deal() })}\n{"type":"stage","recordId":"d-1"}\n`,
    );
    expect(
      await run(
        'backtest',
        tighter,
        '--against',
        DEFAULT_PLAYBOOK_PATH,
        '--history',
        bad,
        '--to',
        '2026-12-03',
      ),
    ).toMatchObject({ code: 1, err: `${bad}: history line 2: stage line needs stage as text.` });
    const missing = await run('backtest', tighter, '--against', DEFAULT_PLAYBOOK_PATH);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('backtest needs --history <export.jsonl>.');
    expect(
      await run(
        'backtest',
        tighter,
        '--against',
        DEFAULT_PLAYBOOK_PATH,
        '--history',
        '/nonexistent.jsonl',
      ),
    ).toMatchObject({
      code: 2,
      err: '/nonexistent.jsonl: cannot read the history (it does not exist).',
    });
  });
});
