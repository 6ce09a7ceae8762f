// The live check of the admin's text: read YAML or JSON, then the core's own parsePlaybook, so the
// page reports exactly the issues (with paths) the server will, each at its line and column.
// js-yaml rather than the core's `yaml`-based parsePlaybookText: it is 43 KB instead of 97 KB, which
// keeps this page under HubSpot's bundle budget. The server re-checks with the core's parser on save.
import {
  jsonPositions,
  jsonSyntaxIssue,
  locateIssues,
  parsePlaybook,
  type ParseResult,
  type PositionOf,
} from '@handoff/shared/runtime';
import type { YAMLException } from 'js-yaml';
import { loadWithPositions } from './yaml-positions.js';

export function checkPlaybookText(text: string): ParseResult {
  if (text.trim() === '') {
    return { ok: false, issues: [{ path: '', message: 'is empty: paste or write a playbook.' }] };
  }
  const json = text.trimStart().startsWith('{');
  let data: unknown;
  let positionOf: PositionOf;
  try {
    if (json) {
      data = JSON.parse(text);
      positionOf = jsonPositions(text);
    } else ({ data, positionOf } = loadWithPositions(text));
  } catch (error) {
    if (json) return { ok: false, issues: [jsonSyntaxIssue(text, error)] };
    const { reason, mark, message } = error as YAMLException;
    const first = (reason ?? message.split('\n')[0] ?? '').trim();
    const issue = { path: '', message: `is not valid YAML: ${first}` };
    return {
      ok: false,
      issues: [mark ? { ...issue, line: mark.line + 1, column: mark.column + 1 } : issue],
    };
  }
  const result = parsePlaybook(data);
  return result.ok ? result : { ok: false, issues: locateIssues(result.issues, positionOf) };
}
