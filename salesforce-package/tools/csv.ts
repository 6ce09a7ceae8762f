// Bulk API 2.0 results are CSV (RFC 4180, comma, LF): a header row of field paths, then one row per
// record. Salesforce writes null as an empty cell and has no empty text, so an empty cell is null.
export type CsvRow = Record<string, string | null>;

export function parseCsv(text: string): CsvRow[] {
  const lines: string[][] = [];
  let line: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endCell = () => {
    line.push(cell);
    cell = '';
  };
  const endLine = () => {
    endCell();
    if (line.length > 1 || line[0] !== '') lines.push(line);
    line = [];
  };
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\n') endLine();
    else if (ch !== '\r') cell += ch;
    i++;
  }
  if (quoted) throw new Error('the Bulk API 2.0 results end inside a quoted value');
  if (cell !== '' || line.length > 0) endLine();
  const [header, ...rows] = lines;
  if (!header) return [];
  return rows.map((values) => {
    const row: CsvRow = {};
    header.forEach((name, index) => {
      const value = values[index] ?? '';
      row[name] = value === '' ? null : value;
    });
    return row;
  });
}
