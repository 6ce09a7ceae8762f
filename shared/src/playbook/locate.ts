// Where an issue's path sits in the admin's text (line and column), so an editor can show the line
// and move to it. Each text format brings its own `PositionOf`; this file holds JSON's, which needs
// no parser library and so serves the Lightning panel and the settings page alike.
import { formatPath, parsePath, type PathSegment, type PlaybookIssue } from './issues.js';

/** 1-based line and column, and the 0-based offset in the text. */
export interface TextPosition {
  line: number;
  column: number;
  offset: number;
}

/** The position of a path (a key's name, a list entry's start), or undefined when the text lacks it. */
export type PositionOf = (path: readonly PathSegment[]) => TextPosition | undefined;

/**
 * Each issue with the line and column of its path or, when the text lacks that path (a missing
 * setting), of its nearest ancestor; sorted as they appear in the text.
 */
export function locateIssues(
  issues: readonly PlaybookIssue[],
  positionOf: PositionOf,
): PlaybookIssue[] {
  const located = issues.map((issue): PlaybookIssue => {
    if (issue.line !== undefined) return issue;
    const path = parsePath(issue.path);
    for (let n = path.length; n >= 0; n--) {
      const at = positionOf(path.slice(0, n));
      if (at) return { ...issue, line: at.line, column: at.column };
    }
    return issue;
  });
  return located.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** Turns 0-based offsets into 1-based lines and columns of `text`. */
export function positionAt(text: string): (offset: number) => TextPosition {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1, offset };
  };
}

/**
 * Positions in JSON text that JSON.parse accepted: each member at its key, each list entry at its
 * first character. A nesting too deep to walk keeps what was found (issues fall back to ancestors).
 */
export function jsonPositions(text: string): PositionOf {
  const offsets = new Map<string, number>();
  const toPosition = positionAt(text);
  let i = 0;
  const space = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text[i] ?? '')) i++;
  };
  const string = (): string => {
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: PathSegment[]): void => {
    space();
    const open = text[i];
    if (open !== '{' && open !== '[') {
      if (open === '"') string();
      else while (i < text.length && !',]} \t\r\n'.includes(text[i] ?? '')) i++;
      return;
    }
    i++;
    for (let n = 0; i < text.length; n++) {
      space();
      if (text[i] === '}' || text[i] === ']') break;
      if (open === '{') {
        const at = i;
        const key = string();
        offsets.set(formatPath([...path, key]), at);
        space();
        i++; // the colon
        value([...path, key]);
      } else {
        offsets.set(formatPath([...path, n]), i);
        value([...path, n]);
      }
      space();
      if (text[i] === ',') i++;
    }
    i++;
  };
  try {
    space();
    offsets.set('', i);
    value([]);
  } catch {
    // A stack too deep for this walk: the positions found so far still serve.
  }
  return (path) => {
    const offset = offsets.get(formatPath(path));
    return offset === undefined ? undefined : toPosition(offset);
  };
}

/** JSON.parse's complaint as an issue, with the line and column when the engine names a position. */
export function jsonSyntaxIssue(text: string, error: unknown): PlaybookIssue {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  const issue: PlaybookIssue = { path: '', message: `is not valid JSON: ${message}.` };
  if (!position) return issue;
  const at = positionAt(text)(Number(position[1]));
  return { ...issue, line: at.line, column: at.column };
}
