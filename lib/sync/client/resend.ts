import { uuidv7 } from 'uuidv7';
import type { OutboxEntry } from '../../db/db';
import { fromStored } from '../../db/write';
import { BASE_KEYS, type EntityName } from '../../schema';

const BASE = new Set<string>(BASE_KEYS);

/**
 * The outbox entries that send a stored record whole, with its own stamps (creation and per-field): for the first
 * push after sync is turned on, and whenever the server turns out to hold only part of a record this device has.
 * Merging is idempotent, so sending a record the server already knows changes nothing there.
 */
export function resendEntries(entity: EntityName, row: Record<string, unknown>): Omit<OutboxEntry, 'seq'>[] {
  const r = fromStored(row) as Record<string, unknown> & { id: string; createdAt: string; deletedAt: string | null; fieldClock?: Record<string, string> };
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) if (!BASE.has(k)) fields[k] = v;
  const entry: Omit<OutboxEntry, 'seq'> = { id: uuidv7(), entity, recordId: r.id, op: 'upsert', fields, hlc: r.createdAt, createdAt: r.createdAt };
  if (r.fieldClock && Object.keys(r.fieldClock).length) entry.fieldClock = r.fieldClock;
  const entries = [entry];
  if (r.deletedAt) entries.push({ id: uuidv7(), entity, recordId: r.id, op: 'delete', fields: {}, hlc: r.deletedAt });
  return entries;
}
