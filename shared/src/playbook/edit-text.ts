// A form's change written into the admin's playbook text. YAML is edited in place: only the text
// of the setting the change writes is replaced (the yaml library finds where it is and renders the
// new value in the style the admin wrote it in), so every other line, comment and quote stays as
// it was. Comments inside a replaced setting go with it. JSON is rewritten with two-space indentation.
// Node entry only, as the YAML parser is.
import {
  Document,
  isCollection,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  type Node,
} from 'yaml';
import type { PathSegment } from './issues.js';
import {
  applyWrites,
  editPlaybookJson,
  writesFor,
  type EditedText,
  type PlaybookEdit,
} from './edit.js';
import { parsePlaybookText } from './text.js';

export function editPlaybookText(text: string, edit: PlaybookEdit): EditedText {
  if (text.trimStart().startsWith('{')) {
    const edited = editPlaybookJson(text, edit);
    return { text: edited.text, result: parsePlaybookText(edited.text) };
  }
  let out = text;
  const first = parseDocument(text, { uniqueKeys: true });
  if (first.errors.length > 0) return { text, result: parsePlaybookText(text) };
  for (const write of writesFor(first.toJS({ maxAliasCount: 100 }), edit)) {
    const document = parseDocument(out, { uniqueKeys: true });
    const after = applyWrites(document.toJS({ maxAliasCount: 100 }), [write]);
    out = writeInText(out, document, write.path, write.value, after);
  }
  return { text: out, result: parsePlaybookText(out) };
}

/** `text` with the setting at `path` written as `value`; `after` is the whole document written. */
function writeInText(
  text: string,
  document: Document,
  path: PathSegment[],
  value: unknown,
  after: unknown,
): string {
  const parentPath = path.slice(0, -1);
  const parent = document.getIn(parentPath, true);
  const old = document.getIn(path, true);
  const key = path[path.length - 1];
  if (value === undefined) {
    // A whole-line entry of a block mapping goes with its lines; anything else rewrites its parent.
    const pair =
      isMap(parent) && !parent.flow ? parent.items.find((p) => keyOf(p) === key) : undefined;
    const range = pair && isNode(pair.key) ? pair.key.range : undefined;
    const end = isNode(pair?.value) ? pair.value.range?.[1] : undefined;
    if (range && end !== undefined && isWholeLine(text, range[0])) {
      const from = text.lastIndexOf('\n', range[0] - 1) + 1;
      const to = text.indexOf('\n', end - 1);
      return text.slice(0, from) + text.slice(to < 0 ? text.length : to + 1);
    }
    return replaceNode(text, parent, valueAt(after, parentPath), parentPath, document, after);
  }
  if (isNode(old)) return replace(text, old, value, styleOf(old));
  // A new entry at the end of a block list: one more `- …` line at the list's indentation.
  if (isSeq(parent) && !parent.flow && key === parent.items.length && parent.items.length > 0) {
    const last = parent.items[parent.items.length - 1];
    const start = parent.range?.[0];
    const end = isNode(last) ? last.range?.[1] : undefined;
    if (start !== undefined && end !== undefined) {
      const column = start - (text.lastIndexOf('\n', start - 1) + 1);
      const lineEnd = text.indexOf('\n', end - 1);
      const at = lineEnd < 0 ? text.length : lineEnd;
      const rendered = render(value, styleOf(last), column + 2);
      return `${text.slice(0, at)}\n${' '.repeat(column)}- ${rendered}${text.slice(at)}`;
    }
  }
  // A new setting of a block mapping: one more `key: value` line (a list or group on one line).
  const lastPair =
    isMap(parent) && !parent.flow ? parent.items[parent.items.length - 1] : undefined;
  const firstKey = isMap(parent) ? parent.items[0]?.key : undefined;
  const lastEnd = isNode(lastPair?.value) ? lastPair.value.range?.[1] : undefined;
  const keyStart = isNode(firstKey) ? firstKey.range?.[0] : undefined;
  if (typeof key === 'string' && lastEnd !== undefined && keyStart !== undefined) {
    const column = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
    const lineEnd = text.indexOf('\n', lastEnd - 1);
    const at = lineEnd < 0 ? text.length : lineEnd;
    const rendered = render(value, { flow: true, flowItems: true }, column + key.length + 2);
    return `${text.slice(0, at)}\n${' '.repeat(column)}${key}: ${rendered}${text.slice(at)}`;
  }
  return replaceNode(text, parent, valueAt(after, parentPath), parentPath, document, after);
}

/** Rewrites the nearest node on the path that the text holds, with its value after the write. */
function replaceNode(
  text: string,
  node: unknown,
  value: unknown,
  path: PathSegment[],
  document: Document,
  after: unknown,
): string {
  if (isNode(node)) return replace(text, node, value, styleOf(node));
  if (path.length === 0) return new Document(after).toString({ lineWidth: 0 });
  const up = path.slice(0, -1);
  return replaceNode(text, document.getIn(up, true), valueAt(after, up), up, document, after);
}

interface Style {
  flow: boolean;
  /** Whether the entries of a list are written on one line each (`- { id: a, … }`). */
  flowItems: boolean;
}

function styleOf(node: unknown): Style {
  const first = isSeq(node) ? node.items[0] : undefined;
  return {
    flow: isCollection(node) && node.flow === true,
    flowItems: isCollection(first) && first.flow === true,
  };
}

function replace(text: string, node: Node, value: unknown, style: Style): string {
  const [start, end] = node.range ?? [0, 0];
  const column = start - (text.lastIndexOf('\n', start - 1) + 1);
  // A block collection's range runs to the next line: keep the line break it ends with.
  const trailing = /\s*$/.exec(text.slice(start, end))?.[0] ?? '';
  return text.slice(0, start) + render(value, style, column) + trailing + text.slice(end);
}

/** `value` as YAML to stand at `column` (lines after the first indented to it), in `style`. */
function render(value: unknown, style: Style, column: number): string {
  const document = new Document(value);
  const node = document.contents;
  if (isCollection(node)) {
    node.flow = style.flow;
    if (isSeq(node) && style.flowItems)
      for (const item of node.items) if (isCollection(item)) item.flow = true;
  }
  const lines = document.toString({ lineWidth: 0 }).replace(/\n$/, '').split('\n');
  return lines.map((line, i) => (i === 0 ? line : ' '.repeat(column) + line)).join('\n');
}

function keyOf(pair: unknown): unknown {
  if (!isPair(pair)) return undefined;
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

function isWholeLine(text: string, offset: number): boolean {
  return text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset).trim() === '';
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  return path.reduce<unknown>(
    (node, segment) =>
      typeof node === 'object' && node !== null
        ? (node as Record<PathSegment, unknown>)[segment]
        : undefined,
    data,
  );
}
