import { META_KEYS } from '../schema/meta-keys';
/**
 * Which stored values are sealed, table by table. Names, e-mails, domains, LinkedIn URLs, subjects and every
 * indexed field stay clear, so search tokens, matching and page recognition work without the key; only free text
 * and phone numbers are sealed. Copies of those fields elsewhere are sealed too: the sync outbox (`fields`), the
 * audit log (`changes[field].from/to`) and changes the server rejected (meta `sync.rejected`).
 */
export const SENSITIVE_FIELDS = {
  contacts: ['notes', 'phones'],
  accounts: ['notes'],
  interactions: ['summary'],
  tasks: ['notes'],
  deals: ['notes'],
  surveys: ['comment'],
  agencyPlans: ['notes'],
  reportNotes: ['notes', 'nextSteps'],
} as const satisfies Record<string, readonly string[]>;
export type SensitiveTable = keyof typeof SENSITIVE_FIELDS;
export const SENSITIVE_TABLES = Object.keys(SENSITIVE_FIELDS) as SensitiveTable[];
/** Device tables holding copies of sensitive fields. */
export const COPY_TABLES = ['outbox', 'audit', 'meta'] as const;
/** The meta entry where sync keeps the changes the server refused (lib/sync/meta.ts names it from here). */
export const SYNC_REJECTED_META_KEY = META_KEYS.syncRejected;

type Row = Record<string, unknown>;
/** Maps one string; returns it unchanged when there is nothing to do. */
export type StringMap = (s: string) => string;

export function fieldsOf(entity: unknown): readonly string[] {
  return typeof entity === 'string' && entity in SENSITIVE_FIELDS ? SENSITIVE_FIELDS[entity as SensitiveTable] : [];
}

/** A field's value with f applied to its text: a string, or each string of an array (phones). */
export function mapValue(value: unknown, f: StringMap): unknown {
  if (typeof value === 'string') return value === '' ? value : f(value);
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const m = typeof v === 'string' && v !== '' ? f(v) : v;
      if (m !== v) changed = true;
      return m;
    });
    return changed ? out : value;
  }
  return value;
}

/** The record's sensitive fields mapped; the same object when nothing changed. */
function mapFields(row: Row, fields: readonly string[], f: StringMap): Row {
  let out: Row | null = null;
  for (const field of fields) {
    if (!(field in row)) continue;
    const v = row[field];
    const m = mapValue(v, f);
    if (m !== v) (out ??= { ...row })[field] = m;
  }
  return out ?? row;
}

function mapOutboxEntry(row: Row, f: StringMap): Row {
  const fields = row.fields;
  if (!fields || typeof fields !== 'object') return row;
  const m = mapFields(fields as Row, fieldsOf(row.entity), f);
  return m === fields ? row : { ...row, fields: m };
}

function mapAudit(row: Row, f: StringMap): Row {
  const changes = row.changes as Record<string, { from: unknown; to: unknown }> | undefined;
  if (!changes || typeof changes !== 'object') return row;
  let out: Record<string, { from: unknown; to: unknown }> | null = null;
  for (const field of fieldsOf(row.entity)) {
    const c = changes[field];
    if (!c) continue;
    const from = mapValue(c.from, f);
    const to = mapValue(c.to, f);
    if (from !== c.from || to !== c.to) (out ??= { ...changes })[field] = { from, to };
  }
  return out ? { ...row, changes: out } : row;
}

/** Applies f to every sensitive string of a stored row of this table; the same object when nothing changed. */
export function mapRow(table: string, row: unknown, f: StringMap): unknown {
  if (!row || typeof row !== 'object') return row;
  const r = row as Row;
  if (table in SENSITIVE_FIELDS) return mapFields(r, SENSITIVE_FIELDS[table as SensitiveTable], f);
  if (table === 'outbox') return mapOutboxEntry(r, f);
  if (table === 'audit') return mapAudit(r, f);
  if (table === 'meta' && r.key === SYNC_REJECTED_META_KEY && Array.isArray(r.value)) {
    let changed = false;
    const value = r.value.map((item: unknown) => {
      if (!item || typeof item !== 'object' || !('entry' in item)) return item;
      const entry = (item as { entry: unknown }).entry;
      const m = entry && typeof entry === 'object' ? mapOutboxEntry(entry as Row, f) : entry;
      if (m === entry) return item;
      changed = true;
      return { ...item, entry: m };
    });
    return changed ? { ...r, value } : r;
  }
  return row;
}

export function tableHasSensitiveValues(table: string): boolean {
  return table in SENSITIVE_FIELDS || (COPY_TABLES as readonly string[]).includes(table);
}

/** The sensitive fields of an entity row that hold sealed values (read while locked). */
export function sealedFields(table: string, row: Record<string, unknown>, isSealed: (v: unknown) => boolean): string[] {
  return fieldsOf(table).filter((f) => {
    const v = row[f];
    return Array.isArray(v) ? v.some(isSealed) : isSealed(v);
  });
}
