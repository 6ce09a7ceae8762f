// Builders for the one formula subset the generators emit. The tests evaluate exactly this subset,
// so anything written here must also be taught to the evaluator in test/salesforce-package/.
export type Formula = string;

export const and = (...parts: Formula[]): Formula => call('AND', parts);
export const or = (...parts: Formula[]): Formula => call('OR', parts);
export const not = (part: Formula): Formula => `NOT(${part})`;
export const isChanged = (field: string): Formula => `ISCHANGED(${field})`;
export const isNew = (): Formula => 'ISNEW()';
export const priorValue = (field: string): Formula => `PRIORVALUE(${field})`;
export const isBlank = (value: Formula): Formula => `ISBLANK(${value})`;
export const permission = (name: string): Formula => `$Permission.${name}`;
export const text = (value: string): Formula =>
  `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

export function isPickval(field: Formula, value: string): Formula {
  return `ISPICKVAL(${field}, ${text(value)})`;
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
