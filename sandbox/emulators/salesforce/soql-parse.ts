// A SOQL subset, parsed as documented
// (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select.htm):
// fields, parent paths (Owner.Name), child subqueries, WHERE with AND/OR/NOT, = != <> < <= > >=,
// LIKE, IN / NOT IN, ORDER BY, LIMIT, OFFSET, COUNT(). Anything else is a MALFORMED_QUERY.
import { SalesforceFault } from './errors.js';

export type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'date'; value: string }
  | { kind: 'datetime'; value: string };

export type Condition =
  | { kind: 'and' | 'or'; parts: Condition[] }
  | { kind: 'not'; part: Condition }
  | { kind: 'compare'; field: string; op: string; value: Literal }
  | { kind: 'in'; field: string; negated: boolean; values: Literal[] };

export interface Query {
  fields: string[];
  count: boolean;
  subqueries: Query[];
  from: string;
  where?: Condition;
  orderBy: { field: string; descending: boolean; nullsLast: boolean }[];
  limit?: number;
  offset?: number;
}

type Token = { type: 'word' | 'string' | 'number' | 'punct' | 'literal'; text: string };

const malformed = (message: string): SalesforceFault =>
  new SalesforceFault(400, 'MALFORMED_QUERY', message);

function tokenize(soql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < soql.length) {
    const ch = soql[i] ?? '';
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "'") {
      let text = '';
      i++;
      while (i < soql.length && soql[i] !== "'") {
        if (soql[i] === '\\') i++;
        text += soql[i] ?? '';
        i++;
      }
      if (i >= soql.length) throw malformed('unterminated string literal');
      i++;
      tokens.push({ type: 'string', text });
      continue;
    }
    const rest = soql.slice(i);
    const dateTime = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2}))?/.exec(
      rest,
    );
    if (dateTime) {
      tokens.push({ type: 'literal', text: dateTime[0] });
      i += dateTime[0].length;
      continue;
    }
    const number = /^-?\d+(\.\d+)?/.exec(rest);
    if (number) {
      tokens.push({ type: 'number', text: number[0] });
      i += number[0].length;
      continue;
    }
    const op = /^(<=|>=|!=|<>|=|<|>|\(|\)|,)/.exec(rest);
    if (op) {
      tokens.push({ type: 'punct', text: op[0] });
      i += op[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
    if (word) {
      tokens.push({ type: 'word', text: word[0] });
      i += word[0].length;
      continue;
    }
    throw malformed(`unexpected character '${ch}' at position ${i}`);
  }
  return tokens;
}

class Parser {
  #i = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.#i + offset];
  }

  isWord(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token?.type === 'word' && token.text.toUpperCase() === word;
  }

  next(): Token {
    const token = this.tokens[this.#i++];
    if (!token) throw malformed('unexpected end of query');
    return token;
  }

  expectWord(word: string): void {
    const token = this.next();
    if (token.type !== 'word' || token.text.toUpperCase() !== word)
      throw malformed(`expected ${word} but found '${token.text}'`);
  }

  expectPunct(text: string): void {
    const token = this.next();
    if (token.type !== 'punct' || token.text !== text)
      throw malformed(`expected '${text}' but found '${token.text}'`);
  }

  done(): boolean {
    return this.#i >= this.tokens.length;
  }

  query(): Query {
    this.expectWord('SELECT');
    const query: Query = { fields: [], count: false, subqueries: [], from: '', orderBy: [] };
    for (;;) {
      if (this.peek()?.text === '(') {
        this.next();
        query.subqueries.push(this.query());
        this.expectPunct(')');
      } else if (this.isWord('COUNT') && this.peek(1)?.text === '(') {
        this.next();
        this.expectPunct('(');
        this.expectPunct(')');
        query.count = true;
      } else {
        const token = this.next();
        if (token.type !== 'word') throw malformed(`unexpected '${token.text}' in field list`);
        query.fields.push(token.text);
      }
      if (this.peek()?.text !== ',') break;
      this.next();
    }
    this.expectWord('FROM');
    query.from = this.next().text;
    if (this.isWord('WHERE')) {
      this.next();
      query.where = this.or();
    }
    if (this.isWord('ORDER')) {
      this.next();
      this.expectWord('BY');
      for (;;) {
        const field = this.next().text;
        let descending = false;
        if (this.isWord('ASC')) this.next();
        else if (this.isWord('DESC')) {
          this.next();
          descending = true;
        }
        let nullsLast = descending;
        if (this.isWord('NULLS')) {
          this.next();
          nullsLast = this.next().text.toUpperCase() === 'LAST';
        }
        query.orderBy.push({ field, descending, nullsLast });
        if (this.peek()?.text !== ',') break;
        this.next();
      }
    }
    if (this.isWord('LIMIT')) {
      this.next();
      query.limit = Number(this.next().text);
    }
    if (this.isWord('OFFSET')) {
      this.next();
      query.offset = Number(this.next().text);
    }
    return query;
  }

  or(): Condition {
    const parts = [this.and()];
    while (this.isWord('OR')) {
      this.next();
      parts.push(this.and());
    }
    return parts.length === 1 ? (parts[0] as Condition) : { kind: 'or', parts };
  }

  and(): Condition {
    const parts = [this.not()];
    while (this.isWord('AND')) {
      this.next();
      parts.push(this.not());
    }
    return parts.length === 1 ? (parts[0] as Condition) : { kind: 'and', parts };
  }

  not(): Condition {
    if (this.isWord('NOT')) {
      this.next();
      return { kind: 'not', part: this.not() };
    }
    if (this.peek()?.text === '(') {
      this.next();
      const inner = this.or();
      this.expectPunct(')');
      return inner;
    }
    const field = this.next();
    if (field.type !== 'word') throw malformed(`unexpected '${field.text}' in WHERE`);
    let negated = false;
    if (this.isWord('NOT') && this.isWord('IN', 1)) {
      this.next();
      negated = true;
    }
    if (this.isWord('IN')) {
      this.next();
      this.expectPunct('(');
      if (this.isWord('SELECT')) throw malformed('semi-join subqueries are not emulated');
      const values: Literal[] = [];
      for (;;) {
        values.push(this.literal());
        if (this.peek()?.text !== ',') break;
        this.next();
      }
      this.expectPunct(')');
      return { kind: 'in', field: field.text, negated, values };
    }
    const op = this.next();
    const text = op.text.toUpperCase();
    if (!(op.type === 'punct' && /^(=|!=|<>|<|<=|>|>=)$/.test(text)) && text !== 'LIKE')
      throw malformed(`unexpected '${op.text}' after ${field.text}`);
    return {
      kind: 'compare',
      field: field.text,
      op: text === '<>' ? '!=' : text,
      value: this.literal(),
    };
  }

  literal(): Literal {
    const token = this.next();
    if (token.type === 'string') return { kind: 'string', value: token.text };
    if (token.type === 'number') return { kind: 'number', value: Number(token.text) };
    if (token.type === 'literal')
      return token.text.length === 10
        ? { kind: 'date', value: token.text }
        : { kind: 'datetime', value: token.text };
    const word = token.text.toUpperCase();
    if (word === 'TRUE' || word === 'FALSE') return { kind: 'boolean', value: word === 'TRUE' };
    if (word === 'NULL') return { kind: 'null' };
    throw malformed(`unexpected '${token.text}' where a value belongs`);
  }
}

export function parseSoql(soql: string): Query {
  const parser = new Parser(tokenize(soql));
  const query = parser.query();
  if (!parser.done()) throw malformed(`unexpected '${parser.peek()?.text ?? ''}' after the query`);
  return query;
}
