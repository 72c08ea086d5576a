import Papa from 'papaparse';

/** A cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection). */
export function neutralizeCell(value: unknown): string {
  const s = value === null || value === undefined ? '' : typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** CSV text with a header row; every cell neutralised against formula injection. */
export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  return Papa.unparse({ fields: columns.map(neutralizeCell), data: rows.map((r) => columns.map((c) => neutralizeCell(r[c]))) }, { newline: '\r\n' });
}
