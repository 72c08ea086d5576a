import Dexie from 'dexie';
import type { CarnetDB } from '../../db/db';
import { fromStored, toStored } from '../../db/write';
import { ENTITY_NAMES, type EntityName } from '../../schema';
import { isTooFarAhead, type HybridClock } from '../../clock/hlc';
import { derivedCreatedAt, isNoop, mergeStates, recordFromState, stateFromRecord, type RecordState } from '../shared/merge';
import { knowsMoreThan, isEntityField, isEntityName, materialize } from '../shared/validate';
import { Change } from '../shared/protocol';
import { resendEntries } from './resend';

/** A pulled change this device could not apply: kept (bounded) with its reason, shown in the sync status. */
export interface SetAsideChange {
  seq: number | null;
  entity: string | null;
  recordId: string | null;
  reason: string;
}

export interface ApplyResult {
  /** Records written locally. */
  applied: number;
  /** Records already up to date here. */
  unchanged: number;
  /** Records the server holds only in part so far, without a required field (a later change completes them). */
  incomplete: number;
  /** Changes that could not be applied (unreadable, invalid, or stamped too far ahead), with their reasons. */
  setAside: SetAsideChange[];
  /** Records of this device the server turned out to hold only in part: queued to be sent whole. */
  resent: number;
}

type Prepared = { change: Change; entity: EntityName; remote: RecordState; stored: object | null; reason: string | null; missing: boolean };

/** What a page of changes gives, parsed and prepared outside any transaction. */
export interface PreparedPage {
  byEntity: Map<EntityName, Prepared[]>;
  setAside: SetAsideChange[];
}

const short = (v: unknown, max = 64) => (typeof v === 'string' ? v.slice(0, max) : null);

function describe(raw: unknown, reason: string): SetAsideChange {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return { seq: typeof r.seq === 'number' && Number.isSafeInteger(r.seq) ? r.seq : null, entity: short(r.entity), recordId: short(r.recordId), reason };
}

/**
 * The change as a merge state, with only the entity's own fields (and their stamps). In a compact page a field
 * without a stamp was written at the record's creation.
 */
function remoteState(entity: EntityName, change: Change, compact: boolean): RecordState {
  const state: RecordState = { createdAt: change.createdAt, deletedAt: change.deletedAt, fields: {}, clock: {} };
  const implied = compact ? change.createdAt : null;
  for (const key of Object.keys(change.fields)) {
    const stamp = change.fieldClock[key] ?? implied ?? undefined;
    if (stamp === undefined || !isEntityField(entity, key)) continue;
    state.fields[key] = change.fields[key];
    state.clock[key] = stamp;
  }
  return state;
}

function tooFarAhead(change: Change, nowMs: number): boolean {
  if (isTooFarAhead(change.updatedAt, nowMs)) return true;
  if (change.createdAt && isTooFarAhead(change.createdAt, nowMs)) return true;
  if (change.deletedAt && isTooFarAhead(change.deletedAt, nowMs)) return true;
  for (const key in change.fieldClock) if (isTooFarAhead(change.fieldClock[key]!, nowMs)) return true;
  return false;
}

/**
 * The CPU part of applying a page — parse each change, merge it into an empty record, validate — done before the
 * page's transaction opens so it can overlap the previous page's commit. A change that cannot be read or applied
 * is set aside with its reason; it never stops the others. Records that turn out to exist locally are merged
 * again, inside the transaction, against what is stored. `compact`: the page is in the compact form (PullQuery).
 */
export function prepareRemoteChanges(changes: readonly unknown[], clock: HybridClock, nowMs = Date.now(), compact = false): PreparedPage {
  const page: PreparedPage = { byEntity: new Map(), setAside: [] };
  for (const raw of changes) {
    const entityName = (raw as { entity?: unknown } | null)?.entity;
    if (!isEntityName(entityName)) {
      page.setAside.push(describe(raw, `unknown kind of record "${short(entityName, 40) ?? ''}" (is Carnet up to date?)`));
      continue;
    }
    const parsed = Change.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      page.setAside.push(describe(raw, `unreadable change (${issue.path.map(String).join('.') || 'change'}: ${issue.message})`));
      continue;
    }
    const change = parsed.data;
    if (tooFarAhead(change, nowMs)) {
      page.setAside.push(describe(raw, 'stamped more than 24 h ahead of this device’s clock'));
      continue;
    }
    clock.receive(change.updatedAt);
    const remote = remoteState(entityName, change, compact);
    // Merged into an empty record, the remote state is the record as the server holds it (mergeStates copies it).
    const m = materialize(entityName, recordFromState(change.recordId, remote));
    let list = page.byEntity.get(entityName);
    if (!list) page.byEntity.set(entityName, (list = []));
    list.push({
      change,
      entity: entityName,
      remote,
      stored: m.ok ? toStored(entityName, m.record) : null,
      reason: m.ok ? null : m.reason,
      missing: !m.ok && m.missing,
    });
  }
  return page;
}

export interface ApplyOptions {
  /**
   * Add the page's new records first and read only those already stored (the add refuses them): a first pull
   * writes 100 000 records the device does not hold, and reading each one first costs a request per record.
   */
  tryAdd?: boolean;
  /** Set to how many of the tried adds found the record already stored (the caller stops trying when most do). */
  onAddRefused?: (refused: number, tried: number) => void;
}

/** Positions of a bulkAdd that failed only because the key exists, or null when something else failed. */
function refusedAsExisting(e: unknown): Set<number> | null {
  if (!(e instanceof Dexie.BulkError)) return null;
  const out = new Set<number>();
  for (const [pos, err] of Object.entries(e.failuresByPos)) {
    if ((err as { name?: string } | null)?.name !== 'ConstraintError') return null;
    out.add(Number(pos));
  }
  return out;
}

/**
 * Merges pulled records into the local tables. Writes directly, not through lib/db's write path: a pulled change
 * is not re-queued for push, and no audit line is added for it. Run inside the caller's transaction (over the
 * entity tables and the outbox); pass the output of prepareRemoteChanges to skip redoing that part.
 */
export async function applyRemoteChanges(
  db: CarnetDB,
  changes: readonly unknown[],
  clock: HybridClock,
  prepared?: PreparedPage,
  opts: ApplyOptions = {},
): Promise<ApplyResult> {
  const page = prepared ?? prepareRemoteChanges(changes, clock);
  const result: ApplyResult = { applied: 0, unchanged: 0, incomplete: 0, setAside: [...page.setAside], resent: 0 };
  const setAside = (p: Prepared, reason: string) => result.setAside.push({ seq: p.change.seq, entity: p.entity, recordId: p.change.recordId, reason });
  // One bulk read and one bulk write per table and page: a pull of many records costs few IndexedDB round trips.
  for (const [entity, all] of page.byEntity) {
    const table = db.table(entity);
    let list = all;
    if (opts.tryAdd) {
      // Records named once in the page and whole: added as they are unless already stored. The rest (and the
      // refused ones) take the merge below, in page order, on ids disjoint from the added ones.
      const times = new Map<string, number>();
      for (const p of all) times.set(p.change.recordId, (times.get(p.change.recordId) ?? 0) + 1);
      const tried = all.filter((p) => p.stored && times.get(p.change.recordId) === 1);
      let refused = new Set<number>();
      if (tried.length) {
        try {
          await table.bulkAdd(tried.map((p) => p.stored!));
        } catch (e) {
          const existing = refusedAsExisting(e);
          if (!existing) throw e;
          refused = existing;
        }
      }
      opts.onAddRefused?.(refused.size, tried.length);
      const added = new Set(tried.filter((_, i) => !refused.has(i)));
      result.applied += added.size;
      list = all.filter((p) => !added.has(p));
      if (list.length === 0) continue;
    }
    const ids = [...new Set(list.map((p) => p.change.recordId))];
    const rows = await table.bulkGet(ids);
    const current = new Map<string, Record<string, unknown>>();
    ids.forEach((id, i) => {
      const row = rows[i];
      if (row) current.set(id, fromStored(row) as Record<string, unknown>);
    });
    const puts = new Map<string, object>();
    for (const p of list) {
      const { change } = p;
      const row = current.get(change.recordId);
      if (!row) {
        if (!p.stored) {
          if (p.missing) result.incomplete++;
          else setAside(p, p.reason ?? 'invalid record');
          continue;
        }
        current.set(change.recordId, fromStored(p.stored) as Record<string, unknown>);
        puts.set(change.recordId, p.stored);
        result.applied++;
        continue;
      }
      // The server holds only part of a record this device has whole (a record written before sync saw it, a
      // field added by a newer version, a server restored from an older copy): send it whole, once, so every
      // device gets all of it. Once sent, the server's copy names every field and this stops.
      const local = stateFromRecord(row);
      if (!p.change.deletedAt && !puts.has(change.recordId) && knowsMoreThan(entity, p.remote.fields, local.clock)) {
        await db.outbox.bulkAdd(resendEntries(entity, row) as never);
        result.resent++;
      }
      const merged = mergeStates(local, p.remote);
      // The server's creation stamp is the team's (the earliest any device reported, this one's included once it
      // pushed); without one, the stamp is derived from the merged fields alone, never from what this device
      // derived earlier from fewer writes, so every device lands on the same.
      merged.createdAt = p.remote.createdAt ?? derivedCreatedAt(merged);
      if (isNoop(local, merged)) {
        result.unchanged++;
        continue;
      }
      const m = materialize(entity, recordFromState(change.recordId, merged));
      if (!m.ok) {
        setAside(p, m.reason);
        continue;
      }
      current.set(change.recordId, m.record);
      puts.set(change.recordId, toStored(entity, m.record));
      result.applied++;
    }
    if (puts.size) await table.bulkPut([...puts.values()]);
  }
  return result;
}

export function entityTables(db: CarnetDB) {
  return ENTITY_NAMES.map((n) => db.table(n));
}
