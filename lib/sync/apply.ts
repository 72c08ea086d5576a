import type { CarnetDB } from '../db/db';
import { fromStored, toStored } from '../db/write';
import { ENTITY_NAMES, type EntityName } from '../schema';
import type { HybridClock } from '../clock/hlc';
import { emptyState, isNoop, mergeStates, recordFromState, stateFromRecord } from './merge';
import { isCompleteRecord } from './validate';
import type { Change } from './protocol';

export interface ApplyResult {
  /** Records written locally. */
  applied: number;
  /** Records already up to date here. */
  unchanged: number;
  /** Records the server holds only in part so far (a later change completes them). */
  incomplete: number;
}

/**
 * Merges pulled records into the local tables. Writes directly, not through lib/db's write path: a pulled change
 * is not re-queued for push, and no audit line is added for it. Run inside the caller's transaction.
 */
export async function applyRemoteChanges(db: CarnetDB, changes: Change[], clock: HybridClock): Promise<ApplyResult> {
  const result: ApplyResult = { applied: 0, unchanged: 0, incomplete: 0 };
  // One bulk read and one bulk write per table and page: a pull of many records costs few IndexedDB round trips.
  const byEntity = new Map<EntityName, Change[]>();
  for (const change of changes) {
    const entity = change.entity as EntityName;
    if (!ENTITY_NAMES.includes(entity)) continue;
    clock.receive(change.updatedAt);
    let list = byEntity.get(entity);
    if (!list) byEntity.set(entity, (list = []));
    list.push(change);
  }
  for (const [entity, list] of byEntity) {
    const table = db.table(entity);
    const ids = [...new Set(list.map((c) => c.recordId))];
    const rows = await table.bulkGet(ids);
    const current = new Map<string, Record<string, unknown>>();
    ids.forEach((id, i) => {
      const row = rows[i];
      if (row) current.set(id, fromStored(row) as Record<string, unknown>);
    });
    const puts = new Map<string, object>();
    for (const change of list) {
      const row = current.get(change.recordId);
      const local = row ? stateFromRecord(row) : emptyState();
      const merged = mergeStates(local, {
        createdAt: change.createdAt,
        deletedAt: change.deletedAt,
        fields: change.fields,
        clock: change.fieldClock,
      });
      if (row && isNoop(local, merged)) {
        result.unchanged++;
        continue;
      }
      const record = recordFromState(change.recordId, merged);
      if (!isCompleteRecord(entity, record)) {
        result.incomplete++;
        continue;
      }
      current.set(change.recordId, record);
      puts.set(change.recordId, toStored(entity, record));
      result.applied++;
    }
    if (puts.size) await table.bulkPut([...puts.values()]);
  }
  return result;
}

export function entityTables(db: CarnetDB) {
  return ENTITY_NAMES.map((n) => db.table(n));
}
