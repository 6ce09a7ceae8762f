// Playbooks arrive as text from admins: YAML or JSON (JSON is YAML, but its errors read better as JSON).
// Every issue comes back with the line and column of its path in that text.
// Node entry only: the YAML parser stays out of card and Lightning bundles.
import {
  isAlias,
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
} from 'yaml';
import type { PlaybookIssue } from './issues.js';
import { jsonPositions, jsonSyntaxIssue, locateIssues, type PositionOf } from './locate.js';
import { parsePlaybook, type ParseResult } from './parse.js';

export function parsePlaybookText(text: string): ParseResult {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(text) as unknown;
    } catch (error) {
      return { ok: false, issues: [jsonSyntaxIssue(text, error)] };
    }
    return located(parsePlaybook(data), jsonPositions(text));
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true, lineCounter });
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
  return located(parsePlaybook(data), yamlPositions(document, lineCounter));
}

function located(result: ParseResult, positionOf: PositionOf): ParseResult {
  return result.ok ? result : { ok: false, issues: locateIssues(result.issues, positionOf) };
}

/** Positions in a parsed YAML document: a mapping entry at its key, a list entry at its start. */
export function yamlPositions(document: Document, lineCounter: LineCounter): PositionOf {
  return (path) => {
    let node: unknown = document.contents;
    let offset = isNode(node) ? node.range?.[0] : undefined;
    for (const segment of path) {
      if (isAlias(node)) node = node.resolve(document);
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => String(isScalar(p.key) ? p.key.value : p.key) === String(segment),
        );
        if (!pair) return undefined;
        offset = (isNode(pair.key) ? pair.key.range?.[0] : undefined) ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
        if (node === undefined) return undefined;
        offset = (isNode(node) ? node.range?.[0] : undefined) ?? offset;
      } else return undefined;
    }
    if (offset === undefined) return undefined;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col, offset };
  };
}

function yamlIssue(error: {
  message: string;
  linePos?: [{ line: number; col: number }, ...unknown[]];
}): PlaybookIssue {
  const firstLine = error.message.split('\n')[0] ?? error.message;
  const issue: PlaybookIssue = {
    path: '',
    message: `is not valid YAML: ${firstLine.replace(/ at line \d+, column \d+:?$/, '')}`,
  };
  return error.linePos
    ? { ...issue, line: error.linePos[0].line, column: error.linePos[0].col }
    : issue;
}
