// The one formula subset the generators emit: builders, and an evaluator for exactly that subset
// (AND, OR, NOT, ISCHANGED, PRIORVALUE, ISPICKVAL, ISBLANK, ISNEW, INCLUDES, NOW, REGEX, CASESAFEID,
// comparisons, + - * / and &, TRUE/FALSE, $Permission, $User and field references). Anything else is
// an error, so a generator that starts emitting more fails first. The metadata tests and the
// Salesforce emulator's validation rules share it.
//
// NOW() is the date/time of the save [https://help.salesforce.com/s/articleView?id=platform.customize_functions_now.htm];
// subtracting two date/times gives the days between them as a decimal number, and a date/time plus or
// minus a number is that many days later or earlier
// [https://help.salesforce.com/s/articleView?id=platform.tips_for_using_date_datetime_formula_fields.htm].
// $User.Id is the saving user's id; "$User.Id <> PRIORVALUE(OwnerId)" is Salesforce's own example of
// comparing it with a lookup field [https://help.salesforce.com/s/articleView?id=000385858&type=1].
// CASESAFEID gives an id's 18-character form, so a lookup compares with the 18-character ids the APIs
// write [https://help.salesforce.com/s/articleView?id=platform.customize_functions_casesafeid.htm].
// REGEX matches the whole text against a Java regular expression
// [https://help.salesforce.com/s/articleView?id=platform.customize_functions_regex.htm]; the
// generators emit only patterns that read the same in JavaScript (character classes, repeats, groups).
// & joins texts, + - * / are arithmetic [https://help.salesforce.com/s/articleView?id=platform.customize_functions.htm].
//
// INCLUDES(multiselect_picklist_field, text_literal) is true when any selected value equals the
// literal, which must be a non-empty text literal
// [https://help.salesforce.com/apex/HTViewHelpDoc?id=platform.customize_functions_includes.htm].
// $User.<field> reads the saving user's User record; "most of the fields available on the User
// standard object are also available on $User", custom ones included
// [https://developer.salesforce.com/docs/platform/salesforce-pages-developers-guide/guide/pages-variables-global-user.html]
// (the page documents the merge field for Visualforce; formulas share the global variables).
export type Formula = string;

export const and = (...parts: Formula[]): Formula => call('AND', parts);
export const or = (...parts: Formula[]): Formula => call('OR', parts);
export const not = (part: Formula): Formula => `NOT(${part})`;
export const isChanged = (field: string): Formula => `ISCHANGED(${field})`;
export const isNew = (): Formula => 'ISNEW()';
export const priorValue = (field: string): Formula => `PRIORVALUE(${field})`;
export const isBlank = (value: Formula): Formula => `ISBLANK(${value})`;
export const permission = (name: string): Formula => `$Permission.${name}`;
/** A field of the saving user's User record. */
export const user = (field: string): Formula => `$User.${field}`;
/** The saving user's id. */
export const userId = (): Formula => '$User.Id';
export const now = (): Formula => 'NOW()';
export const caseSafeId = (field: Formula): Formula => `CASESAFEID(${field})`;
export const join = (...parts: Formula[]): Formula => parts.join(' & ');
/** The whole text matches the pattern (a JavaScript-compatible subset of Java's syntax). */
export function regex(field: Formula, pattern: string): Formula {
  new RegExp(pattern, 'u'); // a pattern JavaScript cannot read is a generator bug: fail at generation
  return `REGEX(${field}, ${text(pattern)})`;
}
/** A date/time within `minutes` of the save, either side (clocks of browsers and servers differ). */
export function withinMinutesOfNow(field: Formula, minutes: number): Formula {
  const days = `${number(minutes)} / 1440`;
  return and(
    not(isBlank(field)),
    compare(field, '>=', `NOW() - ${days}`),
    compare(field, '<=', `NOW() + ${days}`),
  );
}
export const text = (value: string): Formula =>
  `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

export function isPickval(field: Formula, value: string): Formula {
  return `ISPICKVAL(${field}, ${text(value)})`;
}

/** A multi-select picklist has this value among its selected ones. */
export function includes(field: Formula, value: string): Formula {
  if (value.trim() === '') throw new Error('INCLUDES needs a value that is not empty');
  return `INCLUDES(${field}, ${text(value)})`;
}

/** The picklist holds one of the values (an empty list never holds). */
export function pickvalIn(field: Formula, values: readonly string[]): Formula {
  if (values.length === 0) return 'FALSE';
  return values.length === 1
    ? isPickval(field, values[0] as string)
    : or(...values.map((v) => isPickval(field, v)));
}

export type Comparison = '=' | '<>' | '<' | '<=' | '>' | '>=';
export function compare(left: Formula, op: Comparison, right: Formula): Formula {
  return `${left} ${op} ${right}`;
}

export function number(value: number): Formula {
  if (!Number.isFinite(value)) throw new Error(`${value} is not a formula number`);
  return String(value);
}

function call(name: 'AND' | 'OR', parts: Formula[]): Formula {
  if (parts.length === 0) return name === 'AND' ? 'TRUE' : 'FALSE';
  if (parts.length === 1) return parts[0] as Formula;
  return `${name}(\n    ${parts.map((p) => p.replace(/\n/g, '\n    ')).join(',\n    ')}\n)`;
}

/** Date/time values are Dates, so arithmetic and comparisons know them from numbers. */
export type Value = string | number | boolean | null | Date;

export type Node =
  | { kind: 'literal'; value: Value }
  | { kind: 'ref'; name: string }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'compare'; op: string; left: Node; right: Node }
  | { kind: 'arithmetic'; op: '+' | '-' | '*' | '/' | '&'; left: Node; right: Node };

export interface SaveContext {
  /** The record as it would be saved; cross-object references (`Handoff__r.Status__c`) included. */
  after: Readonly<Record<string, Value>>;
  /** The record as it was; ignored on insert. */
  before: Readonly<Record<string, Value>>;
  isNew: boolean;
  permissions: ReadonlySet<string>;
  /** The saving user's User record, for `$User.<field>`. */
  user: Readonly<Record<string, Value>>;
  /** References the formula may name; any other is a mistake in the rule. */
  knownFields: ReadonlySet<string>;
  /** The instant of the save (ms), for NOW(). */
  now: number;
}

const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?)|"((?:[^"\\]|\\.)*)"|([$A-Za-z_][\w.]*)|(<>|!=|<=|>=|[=<>(),+\-*/&]))/y;

type Token = { type: 'number' | 'string' | 'name' | 'punct'; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(source);
    if (!m) throw new Error(`cannot read the formula at ${at}: ${source.slice(at, at + 20)}`);
    if (m[1] !== undefined) tokens.push({ type: 'number', text: m[1] });
    else if (m[2] !== undefined)
      tokens.push({ type: 'string', text: m[2].replace(/\\(.)/g, '$1') });
    else if (m[3] !== undefined) tokens.push({ type: 'name', text: m[3] });
    else tokens.push({ type: 'punct', text: m[4] as string });
  }
  return tokens;
}

const FUNCTIONS: Record<string, number | 'many'> = {
  AND: 'many',
  OR: 'many',
  NOT: 1,
  ISCHANGED: 1,
  PRIORVALUE: 1,
  ISPICKVAL: 2,
  ISBLANK: 1,
  ISNEW: 0,
  INCLUDES: 2,
  NOW: 0,
  REGEX: 2,
  CASESAFEID: 1,
};
const COMPARISONS = new Set(['=', '<>', '!=', '<', '<=', '>', '>=']);

export function parseFormula(source: string): Node {
  const tokens = tokenize(source);
  let i = 0;
  const peek = () => tokens[i];
  const expect = (text: string) => {
    if (tokens[i]?.text !== text) throw new Error(`expected "${text}" at token ${i}`);
    i++;
  };
  // Precedence as in Salesforce: * and / bind tighter than + - &, which bind tighter than comparisons.
  const binary = (ops: readonly string[], next: () => Node) => (): Node => {
    let left = next();
    for (let op = peek(); op?.type === 'punct' && ops.includes(op.text); op = peek()) {
      i++;
      const kind = op.text as '+' | '-' | '*' | '/' | '&';
      left = { kind: 'arithmetic', op: kind, left, right: next() };
    }
    return left;
  };
  const term = binary(['*', '/'], () => primary());
  const sum = binary(['+', '-', '&'], term);
  const expression = (): Node => {
    const left = sum();
    const op = peek();
    if (op?.type === 'punct' && COMPARISONS.has(op.text)) {
      i++;
      return { kind: 'compare', op: op.text, left, right: sum() };
    }
    return left;
  };
  const primary = (): Node => {
    const token = tokens[i++];
    if (!token) throw new Error('the formula ends too early');
    if (token.type === 'number') return { kind: 'literal', value: Number(token.text) };
    if (token.type === 'string') return { kind: 'literal', value: token.text };
    if (token.text === '(') {
      const inner = expression();
      expect(')');
      return inner;
    }
    if (token.type !== 'name') throw new Error(`unexpected "${token.text}"`);
    if (token.text === 'TRUE' || token.text === 'FALSE')
      return { kind: 'literal', value: token.text === 'TRUE' };
    if (peek()?.text !== '(') return { kind: 'ref', name: token.text };
    const arity = FUNCTIONS[token.text];
    if (arity === undefined) throw new Error(`${token.text} is not in the evaluated subset`);
    i++;
    const args: Node[] = [];
    while (peek()?.text !== ')') {
      args.push(expression());
      if (peek()?.text === ',') i++;
      else break;
    }
    expect(')');
    if (arity !== 'many' && args.length !== arity)
      throw new Error(`${token.text} takes ${arity} argument(s), got ${args.length}`);
    return { kind: 'call', name: token.text, args };
  };
  const node = expression();
  if (i !== tokens.length) throw new Error(`unexpected "${tokens[i]?.text}" after the formula`);
  return node;
}

/** Every field and permission the formula names. */
export function references(node: Node): string[] {
  switch (node.kind) {
    case 'literal':
      return [];
    case 'ref':
      return [node.name];
    case 'compare':
    case 'arithmetic':
      return [...references(node.left), ...references(node.right)];
    case 'call':
      return node.args.flatMap(references);
  }
}

export function evaluate(node: Node, context: SaveContext): Value {
  const bool = (n: Node): boolean => {
    const v = evaluate(n, context);
    if (typeof v !== 'boolean') throw new Error(`expected true or false, got ${JSON.stringify(v)}`);
    return v;
  };
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'ref':
      return read(node.name, context.after, context);
    case 'compare':
      return compareValues(node.op, evaluate(node.left, context), evaluate(node.right, context));
    case 'arithmetic':
      return arithmetic(node.op, evaluate(node.left, context), evaluate(node.right, context));
    case 'call': {
      const [first, second] = node.args as [Node, Node];
      switch (node.name) {
        case 'AND':
          return node.args.every(bool);
        case 'OR':
          return node.args.some(bool);
        case 'NOT':
          return !bool(first);
        case 'ISNEW':
          return context.isNew;
        case 'ISBLANK':
          return blank(evaluate(first, context));
        case 'ISCHANGED': {
          const name = fieldName(first);
          if (context.isNew) return false;
          return !same(read(name, context.after, context), read(name, context.before, context));
        }
        case 'PRIORVALUE': {
          const name = fieldName(first);
          return read(name, context.isNew ? context.after : context.before, context);
        }
        case 'ISPICKVAL': {
          if (second.kind !== 'literal' || typeof second.value !== 'string')
            throw new Error('ISPICKVAL compares with a text literal');
          return same(evaluate(first, context), second.value);
        }
        case 'INCLUDES': {
          if (second.kind !== 'literal' || typeof second.value !== 'string' || blank(second.value))
            throw new Error('INCLUDES compares with a text literal that is not empty');
          const selected = evaluate(first, context);
          if (blank(selected)) return false;
          if (typeof selected !== 'string')
            throw new Error(
              `INCLUDES reads a multi-select picklist, got ${JSON.stringify(selected)}`,
            );
          return selected.split(';').includes(second.value);
        }
        case 'NOW':
          return new Date(context.now);
        case 'REGEX': {
          if (second.kind !== 'literal' || typeof second.value !== 'string')
            throw new Error('REGEX takes a pattern as a text literal');
          const value = evaluate(first, context);
          if (value !== null && typeof value !== 'string')
            throw new Error(`REGEX reads text, got ${JSON.stringify(value)}`);
          // The whole text must match, as in Salesforce.
          return new RegExp(`^(?:${second.value})$`, 'u').test(value ?? '');
        }
        case 'CASESAFEID': {
          const value = evaluate(first, context);
          if (blank(value)) return null;
          if (typeof value !== 'string') throw new Error('CASESAFEID reads an id');
          return caseSafe(value);
        }
      }
      throw new Error(`${node.name} is not in the evaluated subset`);
    }
  }
}

function fieldName(node: Node): string {
  if (node.kind !== 'ref' || node.name.startsWith('$'))
    throw new Error('this function takes a field');
  return node.name;
}

function read(name: string, record: Readonly<Record<string, Value>>, context: SaveContext): Value {
  if (name.startsWith('$Permission.')) {
    if (!context.knownFields.has(name)) throw new Error(`unknown custom permission ${name}`);
    return context.permissions.has(name.slice('$Permission.'.length));
  }
  if (name.startsWith('$User.')) {
    if (!context.knownFields.has(name)) throw new Error(`unknown user field ${name}`);
    return context.user[name.slice('$User.'.length)] ?? null;
  }
  if (!context.knownFields.has(name)) throw new Error(`unknown field ${name}`);
  return record[name] ?? null;
}

const blank = (v: Value) => v === null || v === '';
const same = (a: Value, b: Value) =>
  (blank(a) && blank(b)) ||
  a === b ||
  (a instanceof Date && b instanceof Date && a.getTime() === b.getTime());

const DAY_MS = 86_400_000;

/**
 * Numbers, date/times (minus each other: days; plus or minus a number of days) and `&` on texts; a
 * blank operand makes the result blank, as with "treat blank fields as blanks".
 */
function arithmetic(op: '+' | '-' | '*' | '/' | '&', a: Value, b: Value): Value {
  if (op === '&') {
    const part = (v: Value) => {
      if (blank(v)) return '';
      if (typeof v !== 'string') throw new Error(`& joins texts, got ${JSON.stringify(v)}`);
      return v;
    };
    return part(a) + part(b);
  }
  if (blank(a) || blank(b)) return null;
  if (a instanceof Date && b instanceof Date && op === '-')
    return (a.getTime() - b.getTime()) / DAY_MS;
  if (a instanceof Date && typeof b === 'number' && (op === '+' || op === '-'))
    return new Date(a.getTime() + (op === '+' ? b : -b) * DAY_MS);
  if (typeof a === 'number' && b instanceof Date && op === '+')
    return new Date(b.getTime() + a * DAY_MS);
  if (typeof a !== 'number' || typeof b !== 'number')
    throw new Error(`${op} cannot combine ${JSON.stringify(a)} and ${JSON.stringify(b)}`);
  if (op === '+') return a + b;
  if (op === '-') return a - b;
  if (op === '*') return a * b;
  return b === 0 ? null : a / b;
}

const ID_SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 18-character form of an id: 3 check characters encode which of the 15 are upper case. */
function caseSafe(id: string): string {
  if (id.length === 18) return id;
  if (id.length !== 15) throw new Error(`CASESAFEID reads a 15- or 18-character id, got "${id}"`);
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let k = 0; k < 5; k++) {
      const c = id.charAt(chunk * 5 + k);
      if (c >= 'A' && c <= 'Z') bits |= 1 << k;
    }
    suffix += ID_SUFFIX.charAt(bits);
  }
  return id + suffix;
}

/** A comparison with a blank is itself blank, which a validation rule treats as "does not fire". */
function compareValues(op: string, a: Value, b: Value): boolean {
  if (op === '=' || op === '<>' || op === '!=') {
    return op === '=' ? same(a, b) : !same(a, b);
  }
  if (a instanceof Date && b instanceof Date) return compareValues(op, a.getTime(), b.getTime());
  if (typeof a !== 'number' || typeof b !== 'number') {
    if (blank(a) || blank(b)) return false;
    throw new Error(`${op} compares numbers, got ${JSON.stringify(a)} and ${JSON.stringify(b)}`);
  }
  if (op === '<') return a < b;
  if (op === '<=') return a <= b;
  if (op === '>') return a > b;
  return a >= b;
}
