import { uuidv7 } from 'uuidv7';
import type { Table } from 'dexie';
import { ENTITIES, BASE_KEYS, ValidationError, type EntityName, type EntityInput, type EntityRecord } from '../schema';
import { clock } from '../clock/hlc';
import { getDb, type OutboxEntry } from './db';
import { accountSearchTokens, contactSearchTokens, nameSortKey } from './search-tokens';
import { sealedFields } from '../crypto/fields';
import { isSealed } from '../crypto/cipher';
import { META_KEYS } from '../schema/meta-keys';

/**
 * The one write path for synced entities: parse with the schema, stamp with the HLC, add index-only fields,
 * and (when sync is on) append to the outbox in the same transaction. Nothing half-written: a failure
 * anywhere rolls the whole logical write back.
 */

export const SYNC_ENABLED_KEY = META_KEYS.syncEnabled;

type AnyRecord = Record<string, unknown> & { id: string; updatedAt: string; createdAt: string; deletedAt: string | null };

export function parseRecord<N extends EntityName>(name: N, candidate: unknown): EntityRecord<N> {
  const result = ENTITIES[name].record.safeParse(candidate);
  if (!result.success) throw ValidationError.from(name, result.error);
  return result.data as EntityRecord<N>;
}

/** Adds the fields that exist only for IndexedDB indexes. */
export function toStored(name: EntityName, record: object): object {
  if (name === 'contacts') return { ...record, searchTokens: contactSearchTokens(record as never) };
  if (name === 'accounts') {
    // sortName exists on live accounts only, so its index lists exactly the live portfolio (count, pages).
    const { sortName: _old, ...rest } = record as { sortName?: string; deletedAt?: string | null; name: string };
    return { ...rest, searchTokens: accountSearchTokens(record as never), ...(rest.deletedAt ? {} : { sortName: nameSortKey(rest.name) }) };
  }
  return record;
}

/** Removes index-only fields, so what leaves the db is exactly the schema's record. */
export function fromStored<T>(row: T): T {
  if (row && typeof row === 'object' && ('searchTokens' in row || 'sortName' in row)) {
    const { searchTokens: _omit, sortName: _omit2, ...rest } = row as Record<string, unknown>;
    return rest as T;
  }
  return row;
}

export function table(name: EntityName): Table<AnyRecord, string> {
  return getDb().table(name);
}

/** Tables every write transaction needs besides the entity tables. */
function writeTables(names: EntityName[]) {
  const db = getDb();
  return [...names.map((n) => db.table(n)), db.outbox, db.meta, db.audit];
}

/** Runs fn in one read-write transaction over these entities (and the outbox): all of it lands, or none. */
export function writeTransaction<T>(names: EntityName[], fn: () => Promise<T>): Promise<T> {
  return getDb().transaction('rw', writeTables(names), fn);
}

async function syncEnabled(): Promise<boolean> {
  return (await getDb().meta.get(SYNC_ENABLED_KEY))?.value === true;
}

function fieldsOf(record: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (!(BASE_KEYS as readonly string[]).includes(k)) out[k] = v;
  return out;
}

/** Appends outbox entries when sync is enabled; for writers outside this module (erasure). */
export async function enqueue(entries: Omit<OutboxEntry, 'id'>[]): Promise<void> {
  if (entries.length === 0 || !(await syncEnabled())) return;
  await getDb().outbox.bulkAdd(entries.map((e) => ({ ...e, id: uuidv7() })));
}

export function buildRecord<N extends EntityName>(name: N, input: EntityInput<N> & { id?: string }): EntityRecord<N> {
  const stamp = clock.tick();
  return parseRecord(name, { ...input, id: input.id ?? uuidv7(), createdAt: stamp, updatedAt: stamp, deletedAt: null });
}

export async function insert<N extends EntityName>(name: N, input: EntityInput<N> & { id?: string }): Promise<EntityRecord<N>> {
  const record = buildRecord(name, input);
  await writeTransaction([name], async () => {
    await table(name).add(toStored(name, record) as AnyRecord);
    await enqueue([upsertEntry(name, record as unknown as AnyRecord)]);
  });
  return record;
}

/** Validates every input first (the error names the row and field), then writes them in one transaction. */
export async function insertMany<N extends EntityName>(name: N, inputs: (EntityInput<N> & { id?: string })[]): Promise<EntityRecord<N>[]> {
  const records = inputs.map((input, i) => {
    try {
      return buildRecord(name, input);
    } catch (e) {
      if (e instanceof ValidationError) {
        throw new ValidationError(`${name}[${i}]`, e.issues);
      }
      throw e;
    }
  });
  await writeTransaction([name], async () => {
    await table(name).bulkAdd(records.map((r) => toStored(name, r) as AnyRecord));
    await enqueue(records.map((r) => upsertEntry(name, r as unknown as AnyRecord)));
  });
  return records;
}

/** Inputs for several tables at once, as one logical write. */
export type InsertBatch = { [N in EntityName]?: (EntityInput<N> & { id?: string })[] };

/**
 * Validates every input of every table first (the error names the table, row and field), then writes them
 * all in one transaction with one bulkAdd per table: the fast path for imports and demo data.
 */
export async function insertBatch(batch: InsertBatch): Promise<Partial<Record<EntityName, number>>> {
  const prepared: [EntityName, AnyRecord[]][] = [];
  for (const name of Object.keys(batch) as EntityName[]) {
    const inputs = batch[name] as (EntityInput<typeof name> & { id?: string })[] | undefined;
    if (!inputs || inputs.length === 0) continue;
    const records = inputs.map((input, i) => {
      try {
        return buildRecord(name, input) as unknown as AnyRecord;
      } catch (e) {
        if (e instanceof ValidationError) throw new ValidationError(`${name}[${i}]`, e.issues);
        throw e;
      }
    });
    prepared.push([name, records]);
  }
  const counts: Partial<Record<EntityName, number>> = {};
  if (prepared.length === 0) return counts;
  await writeTransaction(
    prepared.map(([name]) => name),
    async () => {
      for (const [name, records] of prepared) {
        await addBuilt(name, records as never);
        counts[name] = records.length;
      }
    },
  );
  return counts;
}

/**
 * Writes records already made by buildRecord (validated and stamped) in bulk, with their outbox entries:
 * for imports, which build and check every record before the first write. Call inside writeTransaction.
 */
export async function addBuilt<N extends EntityName>(name: N, records: EntityRecord<N>[]): Promise<void> {
  await writeTransaction([name], async () => {
    await table(name).bulkAdd(records.map((r) => toStored(name, r) as AnyRecord));
    await enqueue(records.map((r) => upsertEntry(name, r as unknown as AnyRecord)));
  });
}

/** A new record, whole, with its creation stamp (so the server knows the record from its creation on). */
function upsertEntry(name: EntityName, record: AnyRecord): Omit<OutboxEntry, 'id'> {
  return { entity: name, recordId: record.id, op: 'upsert', fields: fieldsOf(record), hlc: record.updatedAt, createdAt: record.createdAt };
}

export class NotFoundError extends Error {
  constructor(entity: string, id: string) {
    super(`${entity} ${id} not found`);
    this.name = 'NotFoundError';
  }
}

/** Changes some fields of a live record; records which fields changed (the rectification log). */
export async function update<N extends EntityName>(name: N, id: string, patch: Partial<EntityInput<N>>): Promise<EntityRecord<N>> {
  return writeTransaction([name], async () => {
    const existing = fromStored(await table(name).get(id));
    if (!existing || existing.deletedAt) throw new NotFoundError(name, id);
    clock.receive(existing.updatedAt);
    const stamp = clock.tick();
    // Locked at-rest encryption: sealed fields the patch leaves alone are validated as empty and stored as they are
    // (the storage layer refuses clear text in them while locked, so a patch that sets one fails there).
    const sealed = sealedFields(name, existing, isSealed).filter((f) => !(f in patch));
    const candidate: Record<string, unknown> = { ...existing, ...patch, updatedAt: stamp };
    for (const f of sealed) candidate[f] = Array.isArray(existing[f]) ? [] : null;
    const merged = parseRecord(name, candidate) as unknown as AnyRecord;
    for (const f of sealed) merged[f] = existing[f];
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(fieldsOf(merged))) {
      if (JSON.stringify(existing[key]) !== JSON.stringify(merged[key])) {
        changes[key] = { from: existing[key] ?? null, to: merged[key] };
      }
    }
    if (Object.keys(changes).length === 0) return existing as unknown as EntityRecord<N>;
    const fieldClock = { ...(existing.fieldClock as Record<string, string> | undefined) };
    for (const key of Object.keys(changes)) fieldClock[key] = stamp;
    merged.fieldClock = fieldClock;
    await table(name).put(toStored(name, merged) as AnyRecord);
    await getDb().audit.add({ id: uuidv7(), entity: name, recordId: id, at: stamp, action: 'update', changes });
    const fields: Record<string, unknown> = {};
    for (const key of Object.keys(changes)) fields[key] = merged[key];
    await enqueue([{ entity: name, recordId: id, op: 'upsert', fields, hlc: stamp }]);
    return merged as unknown as EntityRecord<N>;
  });
}

/**
 * The outbox entry of a delete: it carries the record's fields with their own stamps (a field absent from
 * fieldClock was written at createdAt), so the server keeps what this device holds of the deleted record, e.g. the
 * cleared values of an erasure. Use it for every delete queued outside `remove()` (lib/gdpr/erase.ts).
 */
export function deleteEntry(name: EntityName, record: Record<string, unknown> & { id: string; createdAt: string }, stamp: string): Omit<OutboxEntry, 'id'> {
  const fields = fieldsOf(fromStored(record));
  const ownClock = (record.fieldClock as Record<string, string> | undefined) ?? {};
  const fieldClock: Record<string, string> = {};
  for (const key of Object.keys(fields)) fieldClock[key] = ownClock[key] ?? record.createdAt;
  return { entity: name, recordId: record.id, op: 'delete', fields, hlc: stamp, createdAt: record.createdAt, fieldClock };
}

/**
 * Deletes by tombstone, so the delete can sync; the record's fields stay until erasure or a purge. The delete
 * carries the record's fields with their own stamps, so what the server keeps of a deleted record is what this
 * device holds: an erasure clears the personal fields with `update()` (fresh stamps), then calls `remove()`, and
 * the server stores the cleared values (an older value never overrides a newer stamp).
 */
export async function remove(name: EntityName, id: string): Promise<void> {
  await writeTransaction([name], async () => {
    const existing = fromStored(await table(name).get(id));
    if (!existing || existing.deletedAt) return;
    clock.receive(existing.updatedAt);
    const stamp = clock.tick();
    await table(name).put(toStored(name, { ...existing, deletedAt: stamp, updatedAt: stamp }) as AnyRecord);
    await getDb().audit.add({ id: uuidv7(), entity: name, recordId: id, at: stamp, action: 'delete', changes: {} });
    await enqueue([deleteEntry(name, existing, stamp)]);
  });
}

/** A live record by id, or undefined (tombstones are not returned). */
export async function getLive<N extends EntityName>(name: N, id: string): Promise<EntityRecord<N> | undefined> {
  const row = fromStored(await table(name).get(id));
  return row && !row.deletedAt ? (row as unknown as EntityRecord<N>) : undefined;
}

/** The stamp of seeded records: a fixed past instant, older than any real write. */
export const SEED_STAMP = '2026-01-01T00:00:00.000Z-0000-seeded';

/**
 * Inserts records every device seeds alike (ids derived from what they are, e.g. the starter templates), stamped
 * SEED_STAMP: any edit or delete made anywhere is newer and wins field by field in sync, so seeding on a second
 * device never brings back what the user changed or deleted. Ids already present, alive or tombstoned, are skipped.
 */
export async function seedRecords<N extends EntityName>(name: N, inputs: (EntityInput<N> & { id: string })[]): Promise<EntityRecord<N>[]> {
  const records = inputs.map((input, i) => {
    try {
      return parseRecord(name, { ...input, createdAt: SEED_STAMP, updatedAt: SEED_STAMP, deletedAt: null });
    } catch (e) {
      if (e instanceof ValidationError) throw new ValidationError(`${name}[${i}]`, e.issues);
      throw e;
    }
  });
  return writeTransaction([name], async () => {
    const existing = await table(name).bulkGet(records.map((r) => (r as unknown as AnyRecord).id));
    const fresh = records.filter((_, i) => !existing[i]);
    await table(name).bulkAdd(fresh.map((r) => toStored(name, r) as AnyRecord));
    await enqueue(fresh.map((r) => upsertEntry(name, r as unknown as AnyRecord)));
    return fresh;
  });
}
