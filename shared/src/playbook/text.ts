// Playbooks arrive as text from admins: YAML or JSON (JSON is YAML, but its errors read better as JSON).
// Node entry only: the YAML parser stays out of card and Lightning bundles.
import { parseDocument } from 'yaml';
import type { PlaybookIssue } from './issues.js';
import { parsePlaybook, type ParseResult } from './parse.js';

export function parsePlaybookText(text: string): ParseResult {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    try {
      return parsePlaybook(JSON.parse(text) as unknown);
    } catch (error) {
      return {
        ok: false,
        issues: [{ path: '', message: `is not valid JSON: ${(error as Error).message}.` }],
      };
    }
  }
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    return { ok: false, issues: document.errors.map(yamlIssue) };
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // e.g. an alias bomb: refuse it as bad input rather than expanding it.
    return {
      ok: false,
      issues: [{ path: '', message: `could not be read: ${(error as Error).message}` }],
    };
  }
  return parsePlaybook(data);
}

function yamlIssue(error: {
  message: string;
  linePos?: [{ line: number; col: number }, ...unknown[]];
}): PlaybookIssue {
  const where = error.linePos
    ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}`
    : '';
  const firstLine = error.message.split('\n')[0] ?? error.message;
  return {
    path: where,
    message: `is not valid YAML: ${firstLine.replace(/ at line \d+, column \d+:?$/, '')}`,
  };
}
