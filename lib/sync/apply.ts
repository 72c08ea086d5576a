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

type Prepared = { change: Change; entity: EntityName; stored: object | null };

/** What a page of changes gives for records this device does not hold yet: pure work, done outside any transaction. */
export type PreparedPage = Map<EntityName, Prepared[]>;

/**
 * The CPU part of applying a page (merge into an empty record, validate, add index fields), done before the page's
 * transaction opens so it can overlap the previous page's commit. Records that turn out to exist locally are merged
 * again, inside the transaction, against what is stored.
 */
export function prepareRemoteChanges(changes: Change[], clock: HybridClock): PreparedPage {
  const byEntity: PreparedPage = new Map();
  for (const change of changes) {
    const entity = change.entity as EntityName;
    if (!ENTITY_NAMES.includes(entity)) continue;
    clock.receive(change.updatedAt);
    const record = recordFromState(change.recordId, mergeStates(emptyState(), remoteState(change)));
    const stored = isCompleteRecord(entity, record) ? toStored(entity, record) : null;
    let list = byEntity.get(entity);
    if (!list) byEntity.set(entity, (list = []));
    list.push({ change, entity, stored });
  }
  return byEntity;
}

function remoteState(change: Change) {
  return { createdAt: change.createdAt, deletedAt: change.deletedAt, fields: change.fields, clock: change.fieldClock };
}

/**
 * Merges pulled records into the local tables. Writes directly, not through lib/db's write path: a pulled change
 * is not re-queued for push, and no audit line is added for it. Run inside the caller's transaction; pass the
 * output of prepareRemoteChanges to skip redoing that part.
 */
export async function applyRemoteChanges(db: CarnetDB, changes: Change[], clock: HybridClock, prepared?: PreparedPage): Promise<ApplyResult> {
  const result: ApplyResult = { applied: 0, unchanged: 0, incomplete: 0 };
  const byEntity = prepared ?? prepareRemoteChanges(changes, clock);
  // One bulk read and one bulk write per table and page: a pull of many records costs few IndexedDB round trips.
  for (const [entity, list] of byEntity) {
    const table = db.table(entity);
    const ids = [...new Set(list.map((p) => p.change.recordId))];
    const rows = await table.bulkGet(ids);
    const current = new Map<string, Record<string, unknown>>();
    ids.forEach((id, i) => {
      const row = rows[i];
      if (row) current.set(id, fromStored(row) as Record<string, unknown>);
    });
    const puts = new Map<string, object>();
    for (const { change, stored } of list) {
      const row = current.get(change.recordId);
      if (!row) {
        if (!stored) {
          result.incomplete++;
          continue;
        }
        current.set(change.recordId, fromStored(stored) as Record<string, unknown>);
        puts.set(change.recordId, stored);
        result.applied++;
        continue;
      }
      const local = stateFromRecord(row);
      const merged = mergeStates(local, remoteState(change));
      if (isNoop(local, merged)) {
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
