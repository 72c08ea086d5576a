import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';

export const REALDATA = path.resolve(__dirname, '../../../../shared/realdata');

export function readCsv(rel: string): Record<string, string>[] {
  const text = fs.readFileSync(path.join(REALDATA, rel), 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`${rel}: ${parsed.errors[0]!.message}`);
  return parsed.data;
}
