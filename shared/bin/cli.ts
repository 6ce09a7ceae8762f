// handoff-playbook validate | explain | diff | backtest — the command's logic, with its streams passed in for tests.
import { readFile } from 'node:fs/promises';
import { explainPlaybook, parsePlaybookText, type PlaybookIssue } from '../src/index.js';
import { backtestCommand, diffCommand } from './preview.js';

const USAGE =
  'usage: handoff-playbook validate <file> | explain <file> | diff <old> <new> | backtest <new> --against <current> --history <export.jsonl> (backtest --help)';

export async function main(
  args: readonly string[],
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const [command, file, ...rest] = args;
  if (command === 'diff') return diffCommand(args.slice(1), out, err);
  if (command === 'backtest') return backtestCommand(args.slice(1), out, err);
  if ((command !== 'validate' && command !== 'explain') || file === undefined || rest.length > 0) {
    err(USAGE);
    return 2;
  }
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
  if (!result.ok) {
    err(`${file}: ${result.issues.length} ${result.issues.length === 1 ? 'problem' : 'problems'}`);
    for (const issue of result.issues) err(`  ${describe(file, issue)}`);
    return 1;
  }
  if (command === 'validate') {
    const p = result.playbook;
    out(
      `${file}: valid — ${p.stages.length} stages, ${p.handoffs.length} handoffs, ${p.slas.length} SLAs.`,
    );
  } else {
    out(explainPlaybook(result.playbook));
  }
  return 0;
}

/** `file:line:column: path: message (hint)`, the form editors and terminals link to the line. */
function describe(file: string, issue: PlaybookIssue): string {
  const at = issue.line === undefined ? '' : `${file}:${issue.line}:${issue.column ?? 1}: `;
  const where = issue.path === '' ? '(playbook)' : issue.path;
  return `${at}${where}: ${issue.message}${issue.hint ? ` (${issue.hint})` : ''}`;
}
