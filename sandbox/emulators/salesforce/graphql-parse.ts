// A GraphQL reader for the query subset the Handoff components send to the UI API GraphQL endpoint:
// one operation with variable definitions, selections with aliases and arguments, and values
// (variables, strings, numbers, booleans, null, enums, lists, objects). No fragments or directives.
// https://spec.graphql.org/October2021/#sec-Language
export type GqlValue =
  | { kind: 'variable'; name: string }
  | { kind: 'scalar'; value: string | number | boolean | null }
  | { kind: 'enum'; value: string }
  | { kind: 'list'; values: GqlValue[] }
  | { kind: 'object'; fields: Record<string, GqlValue> };

export interface Selection {
  name: string;
  alias?: string;
  args: Record<string, GqlValue>;
  selections: Selection[];
  line: number;
  column: number;
}

export class GraphQLSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

interface Token {
  type: 'name' | 'punct' | 'string' | 'number' | 'variable';
  text: string;
  line: number;
  column: number;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  while (i < source.length) {
    const ch = source[i] ?? '';
    const column = i - lineStart + 1;
    if (ch === '\n') {
      line++;
      lineStart = ++i;
      continue;
    }
    if (/[\s,\uFEFF]/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '#') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (ch === '"') {
      let text = '';
      i++;
      while (i < source.length && source[i] !== '"') {
        if (source[i] === '\\') i++;
        text += source[i] ?? '';
        i++;
      }
      if (i >= source.length) throw new GraphQLSyntaxError('Unterminated string', line, column);
      i++;
      tokens.push({ type: 'string', text, line, column });
      continue;
    }
    const rest = source.slice(i);
    const match =
      /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(rest) ??
      /^\$[_A-Za-z][_0-9A-Za-z]*/.exec(rest) ??
      /^[_A-Za-z][_0-9A-Za-z]*/.exec(rest) ??
      /^[{}()[\]:!=]/.exec(rest);
    if (!match) throw new GraphQLSyntaxError(`Unexpected character '${ch}'`, line, column);
    const text = match[0];
    const type = /^-?\d/.test(text)
      ? 'number'
      : text.startsWith('$')
        ? 'variable'
        : /^[_A-Za-z]/.test(text)
          ? 'name'
          : 'punct';
    tokens.push({ type, text, line, column });
    i += text.length;
  }
  return tokens;
}

export function parseGraphQL(source: string): Selection[] {
  const tokens = tokenize(source);
  let i = 0;
  const peek = () => tokens[i];
  const fail = (message: string): never => {
    const at = tokens[i] ?? tokens[tokens.length - 1];
    throw new GraphQLSyntaxError(message, at?.line ?? 1, at?.column ?? 1);
  };
  const next = () => tokens[i++] ?? fail('Unexpected end of the document');
  const expect = (text: string) => {
    const token = next();
    if (token.text !== text) {
      i--;
      fail(`Expected '${text}', found '${token.text}'`);
    }
  };

  const value = (): GqlValue => {
    const token = next();
    if (token.type === 'variable') return { kind: 'variable', name: token.text.slice(1) };
    if (token.type === 'string') return { kind: 'scalar', value: token.text };
    if (token.type === 'number') return { kind: 'scalar', value: Number(token.text) };
    if (token.type === 'name') {
      if (token.text === 'true' || token.text === 'false')
        return { kind: 'scalar', value: token.text === 'true' };
      if (token.text === 'null') return { kind: 'scalar', value: null };
      return { kind: 'enum', value: token.text };
    }
    if (token.text === '[') {
      const values: GqlValue[] = [];
      while (peek()?.text !== ']') values.push(value());
      next();
      return { kind: 'list', values };
    }
    if (token.text === '{') {
      const fields: Record<string, GqlValue> = {};
      while (peek()?.text !== '}') {
        const name = next();
        if (name.type !== 'name') fail(`Expected a field name, found '${name.text}'`);
        expect(':');
        fields[name.text] = value();
      }
      next();
      return { kind: 'object', fields };
    }
    i--;
    return fail(`Unexpected '${token.text}' where a value belongs`);
  };

  const type = (): void => {
    if (peek()?.text === '[') {
      next();
      type();
      expect(']');
    } else if (next().type !== 'name') fail('Expected a type');
    if (peek()?.text === '!') next();
  };

  const selectionSet = (): Selection[] => {
    expect('{');
    const out: Selection[] = [];
    while (peek()?.text !== '}') {
      const first = next();
      if (first.type !== 'name') {
        i--;
        fail(`Expected a field, found '${first.text}'`);
      }
      let name = first.text;
      let alias: string | undefined;
      if (peek()?.text === ':') {
        next();
        alias = name;
        name = next().text;
      }
      const args: Record<string, GqlValue> = {};
      if (peek()?.text === '(') {
        next();
        while (peek()?.text !== ')') {
          const arg = next();
          if (arg.type !== 'name') fail(`Expected an argument name, found '${arg.text}'`);
          expect(':');
          args[arg.text] = value();
        }
        next();
      }
      const selections = peek()?.text === '{' ? selectionSet() : [];
      out.push({
        name,
        ...(alias ? { alias } : {}),
        args,
        selections,
        line: first.line,
        column: first.column,
      });
    }
    next();
    return out;
  };

  if (peek()?.type === 'name') {
    if (peek()?.text !== 'query')
      fail(`Only query operations are supported, not '${peek()?.text ?? ''}'`);
    next();
    if (peek()?.type === 'name') next();
    if (peek()?.text === '(') {
      next();
      while (peek()?.text !== ')') {
        if (next().type !== 'variable') fail('Expected a variable definition');
        expect(':');
        type();
        if (peek()?.text === '=') {
          next();
          value();
        }
      }
      next();
    }
  }
  const selections = selectionSet();
  if (i < tokens.length) fail(`Unexpected '${peek()?.text ?? ''}' after the operation`);
  return selections;
}
