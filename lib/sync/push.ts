import { getDb, type OutboxEntry } from '../db/db';
import { PushResponse, MAX_MUTATIONS_PER_PUSH, type Mutation } from './protocol';
import { call, SyncError, type SyncConfig } from './http';
import { getMeta, setMeta, SYNC_META } from './meta';
import { uuidv7 } from 'uuidv7';

const MAX_BATCH_BYTES = 4 * 1024 * 1024;
const MAX_REJECTED_KEPT = 200;

export function toMutation(e: OutboxEntry): Mutation {
  const m = { id: e.id, entity: e.entity, recordId: e.recordId, op: e.op, fields: e.fields, hlc: e.hlc } as Mutation;
  if (e.createdAt) m.createdAt = e.createdAt;
  if (e.fieldClock) m.fieldClock = e.fieldClock;
  return m;
}

export async function clientId(config: SyncConfig): Promise<string> {
  const db = config.db ?? getDb();
  let id = await getMeta<string>(db, SYNC_META.clientId);
  if (!id) {
    id = uuidv7();
    await setMeta(db, { [SYNC_META.clientId]: id });
  }
  return id;
}

/** The next batch in outbox order, cut to the server's count and size limits. */
async function nextBatch(config: SyncConfig): Promise<OutboxEntry[]> {
  const db = config.db ?? getDb();
  const size = Math.min(config.pushBatchSize ?? 500, MAX_MUTATIONS_PER_PUSH);
  const entries = await db.outbox.orderBy('seq').limit(size).toArray();
  const batch: OutboxEntry[] = [];
  let bytes = 0;
  for (const e of entries) {
    bytes += JSON.stringify(e).length * 2;
    if (batch.length > 0 && bytes > MAX_BATCH_BYTES) break;
    batch.push(e);
  }
  return batch;
}

/**
 * Sends the outbox in order, batch by batch. An entry leaves the outbox only once the server acknowledged its
 * batch; if the answer is lost the batch is sent again, which the server ignores (idempotent by mutation id).
 * Entries the server rejects as invalid are moved to meta `sync.rejected` so the rest can go on.
 */
export async function pushOutbox(config: SyncConfig): Promise<{ pushed: number; rejected: number }> {
  const db = config.db ?? getDb();
  const id = await clientId(config);
  let pushed = 0;
  let rejected = 0;
  for (;;) {
    const batch = await nextBatch(config);
    if (batch.length === 0) return { pushed, rejected };
    try {
      await call(config, 'POST', '/v1/sync/push', PushResponse, { clientId: id, mutations: batch.map(toMutation) });
    } catch (e) {
      const bad = e instanceof SyncError && e.status === 400 && Array.isArray(e.details) ? rejectedIndexes(e.details) : [];
      if (bad.length === 0) throw e;
      const entries = bad.map((i) => batch[i]).filter((x): x is OutboxEntry => !!x);
      await db.transaction('rw', db.outbox, db.meta, async () => {
        const kept = (await getMeta<unknown[]>(db, SYNC_META.rejected)) ?? [];
        const reasons = (e as SyncError).details as { index: number; path: string; message: string }[];
        const added = entries.map((entry) => ({
          entry,
          reasons: reasons.filter((r) => batch[r.index]?.seq === entry.seq).map((r) => `${r.path}: ${r.message}`),
        }));
        await setMeta(db, { [SYNC_META.rejected]: [...kept, ...added].slice(-MAX_REJECTED_KEPT) });
        await db.outbox.bulkDelete(entries.map((x) => x.seq!));
      });
      rejected += entries.length;
      continue;
    }
    await db.outbox.bulkDelete(batch.map((e) => e.seq!));
    pushed += batch.length;
  }
}

function rejectedIndexes(details: unknown[]): number[] {
  const out = new Set<number>();
  for (const d of details) {
    const i = (d as { index?: unknown }).index;
    if (typeof i === 'number') out.add(i);
  }
  return [...out];
}
