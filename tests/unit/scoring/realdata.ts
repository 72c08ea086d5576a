import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';

/** Beside the repository (/work/main → /work/shared); CARNET_REALDATA overrides it for checkouts elsewhere (worktrees). */
export const REALDATA = process.env.CARNET_REALDATA ?? path.resolve(__dirname, '../../../../shared/realdata');

export function readCsv(rel: string): Record<string, string>[] {
  const text = fs.readFileSync(path.join(REALDATA, rel), 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`${rel}: ${parsed.errors[0]!.message}`);
  return parsed.data;
}
