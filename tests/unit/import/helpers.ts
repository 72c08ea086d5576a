import fs from 'node:fs';
import path from 'node:path';
import { getDb } from '../../../lib/db';
import { REALDATA_DIR } from '../../realdata-dir';

export const REALDATA = path.join(REALDATA_DIR, 'crm-exports');
export const readReal = (name: string) => fs.readFileSync(path.join(REALDATA, name));
export const enc = (s: string) => new TextEncoder().encode(s);

/** Every table's row count, to assert that a failed or cancelled import changed nothing. */
export async function tableCounts(): Promise<Record<string, number>> {
  const db = getDb();
  const out: Record<string, number> = {};
  for (const t of db.tables) out[t.name] = await t.count();
  return out;
}
