import { getDb, type CarnetDB, type OutboxEntry } from '../../db/db';
import { isEntityName } from '../shared/validate';
import { getMeta, setMeta, SYNC_META } from './meta';
import { resendEntries } from './resend';
import type { RejectedEntry } from './push';
import type { SetAsideEntry } from './pull';
import { entityTables } from './apply';

/**
 * What sync could not do, kept where the user can see it and try again: changes of this device the server refused
 * (meta `sync.rejected`) and team changes this device could not apply (meta `sync.setAside`).
 */

export async function listRejected(db: CarnetDB = getDb()): Promise<RejectedEntry[]> {
  return (await getMeta<RejectedEntry[]>(db, SYNC_META.rejected)) ?? [];
}

export async function listSetAside(db: CarnetDB = getDb()): Promise<SetAsideEntry[]> {
  return (await getMeta<SetAsideEntry[]>(db, SYNC_META.setAside)) ?? [];
}

/**
 * Sends refused changes again, as the records stand now: after the user corrected a value, the record is queued
 * whole with its own stamps (what the server already has is unchanged by it); a record no longer on this device is
 * queued as it was refused. One transaction: the list empties only if the outbox got every entry.
 */
export async function retryRejected(db: CarnetDB = getDb()): Promise<number> {
  return db.transaction('rw', [...entityTables(db), db.outbox, db.meta], async () => {
    const rejected = await listRejected(db);
    const entries: Omit<OutboxEntry, 'seq'>[] = [];
    const done = new Set<string>();
    for (const { entry } of rejected) {
      const key = `${entry.entity}\u0000${entry.recordId}`;
      if (done.has(key)) continue;
      done.add(key);
      const row = isEntityName(entry.entity) ? ((await db.table(entry.entity).get(entry.recordId)) as Record<string, unknown> | undefined) : undefined;
      if (row && isEntityName(entry.entity)) entries.push(...resendEntries(entry.entity, row));
      else {
        const { seq: _seq, ...rest } = entry;
        entries.push(rest);
      }
    }
    await db.outbox.bulkAdd(entries as OutboxEntry[]);
    await setMeta(db, { [SYNC_META.rejected]: [] });
    return rejected.length;
  });
}

/** Forgets the refused changes (they stay applied on this device only). */
export async function discardRejected(db: CarnetDB = getDb()): Promise<void> {
  await setMeta(db, { [SYNC_META.rejected]: [] });
}

/**
 * Pulls again from just before the earliest change set aside: the server sends each record as it stands now, so a
 * change that failed here (an older Carnet, a record completed since) is tried again with the current state.
 */
export async function retrySetAside(db: CarnetDB = getDb()): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const list = await listSetAside(db);
    const seqs = list.map((e) => e.seq).filter((s): s is number => typeof s === 'number');
    const cursor = (await getMeta<number>(db, SYNC_META.cursor)) ?? 0;
    const from = seqs.length ? Math.max(0, Math.min(cursor, Math.min(...seqs) - 1)) : cursor;
    await setMeta(db, { [SYNC_META.setAside]: [], [SYNC_META.cursor]: from });
  });
}

export async function discardSetAside(db: CarnetDB = getDb()): Promise<void> {
  await setMeta(db, { [SYNC_META.setAside]: [] });
}
