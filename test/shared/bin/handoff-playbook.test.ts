import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../../shared/bin/cli.js';
import { DEFAULT_PLAYBOOK_PATH } from '../fixtures.js';

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

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'handoff-playbook-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('handoff-playbook', () => {
  it('when validating the default playbook, then it says so and exits 0', async () => {
    const { code, out } = await run('validate', DEFAULT_PLAYBOOK_PATH);
    expect(code).toBe(0);
    expect(out).toMatch(/valid — 11 stages, 4 handoffs, 7 SLAs\.$/);
  });

  it('when validating a broken playbook, then it prints every issue, structural and reference alike, with file:line:column and its path, and exits 1', async () => {
    const file = tempFile(
      'broken.yaml',
      'schemaVersion: 1\nname: x\nversion: "1"\nfields: {}\nroles: {}\nstages:\n  - { id: won, label: Won, exit: [{ id: a, label: A, rule: { op: present, field: amount } }] }\nhandoffs: 3\n',
    );
    const { code, err } = await run('validate', file);
    expect(code).toBe(1);
    expect(err).toContain(`${file}: 2 problems`);
    expect(err).toContain(
      `${file}:7:75: stages[0].exit[0].rule.field: names the field \`amount\`, which the playbook does not declare.`,
    );
    expect(err).toContain(`${file}:8:1: handoffs: must be a list, not the number 3.`);
  });

  it('when a playbook holds four problems of mixed kinds, then one run reports all four at their lines and columns', async () => {
    const file = tempFile(
      'four.yaml',
      [
        'schemaVersion: 1',
        'name: Four problems',
        'version: "1"',
        'fields:',
        '  amount: { type: number, label: Amount }',
        'roles:',
        '  rep: { label: Rep }',
        'stages:',
        '  - id: open',
        '    label: Open',
        '    exit:',
        '      - { id: priced, label: Priced, rule: { op: present, field: amuont } }',
        '  - id: won',
        '    outcome: won',
        'slas:',
        '  - id: quick',
        '    label: Quick',
        '    start: { on: stage_entered, stage: open }',
        '    stop: { on: stage_entered, stage: wonn }',
        '    target: { unit: calendar_hours, amount: 0 }',
        '',
      ].join('\n'),
    );
    const { code, err } = await run('validate', file);
    expect(code).toBe(1);
    expect(err.split('\n')).toEqual([
      `${file}: 4 problems`,
      `  ${file}:12:59: stages[0].exit[0].rule.field: names the field \`amuont\`, which the playbook does not declare. (did you mean \`amount\`?)`,
      `  ${file}:13:5: stages[1].label: is required but missing.`,
      `  ${file}:19:32: slas[0].stop.stage: names the stage \`wonn\`, which the playbook does not declare. (did you mean \`won\`?)`,
      `  ${file}:20:37: slas[0].target.amount: must be more than 0.`,
    ]);
  });

  it('when a reference is misspelt, then the hint is printed beside it', async () => {
    const file = tempFile(
      'typo.yaml',
      'schemaVersion: 1\nname: x\nversion: "1"\nfields: { amount: { type: number, label: Amount } }\nroles: {}\nstages:\n  - { id: won, label: Won, exit: [{ id: a, label: A, rule: { op: present, field: amout } }] }\n',
    );
    const { code, err } = await run('validate', file);
    expect(code).toBe(1);
    expect(err).toContain(
      'stages[0].exit[0].rule.field: names the field `amout`, which the playbook does not declare. (did you mean `amount`?)',
    );
  });

  it('when the YAML itself is broken, then the line is named', async () => {
    const file = tempFile('bad.yaml', 'schemaVersion: 1\nname: [unclosed\n');
    const { code, err } = await run('validate', file);
    expect(code).toBe(1);
    expect(err).toMatch(new RegExp(`${file}:3:1: \\(playbook\\): is not valid YAML`));
  });

  it('when the file is JSON, then it is read as JSON', async () => {
    const file = tempFile('p.json', '{"schemaVersion": 1, "name": "x"');
    const { code, err } = await run('validate', file);
    expect(code).toBe(1);
    expect(err).toContain('(playbook): is not valid JSON');
  });

  it('when explaining, then stages, criteria, handoffs and SLAs are printed in words', async () => {
    const { code, out } = await run('explain', DEFAULT_PLAYBOOK_PATH);
    expect(code).toBe(0);
    expect(out).toContain('to leave: Amount estimated — Amount must be more than 0 (blocks)');
    expect(out).toContain('Sales → CS: opens at Closed won;');
    expect(out).toContain(
      'CS accepts the handoff: 1 business day (counted in hours) (America/New_York business hours) from when Sales → CS is submitted until Sales → CS is accepted; waits on the CS manager;',
    );
    expect(out).toContain(
      'Rep submits the CS handoff: 8 business hours (America/New_York business hours) from when the deal enters Closed won until Sales → CS is submitted; waits on the Account executive;',
    );
    expect(out).toContain('at risk: a task for every CS manager (who it waits on)');
  });

  it('when the file does not exist or the command is unknown, then it says so and exits 2', async () => {
    expect(await run('validate', '/nonexistent/playbook.yaml')).toMatchObject({
      code: 2,
      err: '/nonexistent/playbook.yaml: cannot read the file (it does not exist).',
    });
    expect(await run('lint', DEFAULT_PLAYBOOK_PATH)).toMatchObject({
      code: 2,
      err: 'usage: handoff-playbook validate <file> | explain <file> | diff <old> <new> | backtest <new> --against <current> --history <export.jsonl> (backtest --help)',
    });
  });

  it('when run as the built command, then the exit code reaches the shell', async () => {
    const bin = fileURLToPath(
      new URL('../../../shared/dist/bin/handoff-playbook.js', import.meta.url),
    );
    const file = tempFile('empty.yaml', '{}');
    const failure = await promisify(execFile)(process.execPath, [bin, 'validate', file]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('schemaVersion: is required: it must be 1.');
  });
});
