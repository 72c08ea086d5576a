import { ENTITIES, type EntityName } from '../schema';
import { getDb } from '../db/db';
import { fromStored } from '../db/write';
import { toCsv } from '../import/csv-export';

const SKIP = new Set(['fieldClock', 'deletedAt']);

function cell(v: unknown): unknown {
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join('; ');
  return v !== null && typeof v === 'object' ? JSON.stringify(v) : v;
}

/**
 * The live records of one table as CSV (arrays of strings joined by "; ", objects as JSON), for taking the
 * book of business to a spreadsheet or another CRM. Cells are neutralised against formula injection.
 */
export async function exportEntityCsv(name: EntityName): Promise<{ name: string; text: string; rows: number }> {
  const rows = (await getDb().table(name).toArray()).filter((r: { deletedAt?: string | null }) => !r.deletedAt).map(fromStored);
  const shape = Object.keys((ENTITIES[name].input as unknown as { shape: Record<string, unknown> }).shape);
  const columns = ['id', ...shape.filter((k) => !SKIP.has(k)), 'createdAt', 'updatedAt'];
  const text = toCsv(
    columns,
    rows.map((r: Record<string, unknown>) => Object.fromEntries(columns.map((c) => [c, cell(r[c])]))),
  );
  return { name: `carnet-${name}.csv`, text, rows: rows.length };
}
