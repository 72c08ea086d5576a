import { getDb, type CarnetDB, type OutboxEntry } from '../../db/db';
import { parseMutation } from '../shared/validate';
import { PushResponse, MAX_MUTATIONS_PER_PUSH, type Mutation } from '../shared/protocol';
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

/** The next batch in outbox order, cut to `size` entries and the server's size limit. */
async function nextBatch(db: CarnetDB, size: number): Promise<OutboxEntry[]> {
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

export interface RejectedEntry {
  entry: OutboxEntry;
  reasons: string[];
}

/** Moves entries out of the outbox into the kept list of refused changes, in one transaction. */
async function reject(db: CarnetDB, refused: RejectedEntry[]): Promise<void> {
  if (refused.length === 0) return;
  await db.transaction('rw', db.outbox, db.meta, async () => {
    const kept = (await getMeta<RejectedEntry[]>(db, SYNC_META.rejected)) ?? [];
    await setMeta(db, { [SYNC_META.rejected]: [...kept, ...refused].slice(-MAX_REJECTED_KEPT) });
    await db.outbox.bulkDelete(refused.map((x) => x.entry.seq!));
  });
}

type ErrorExtras = { invalidMutations?: unknown };

/** Indexes (in the sent batch) of the mutations a 400 answer names, or [] when it names none. */
function refusedIndexes(e: SyncError, size: number): number[] {
  const out = new Set<number>();
  const listed = (e.extras as ErrorExtras | undefined)?.invalidMutations;
  for (const i of Array.isArray(listed) ? listed : []) if (Number.isInteger(i) && i >= 0 && i < size) out.add(i);
  for (const d of Array.isArray(e.details) ? e.details : []) {
    const i = (d as { index?: unknown } | null)?.index;
    if (typeof i === 'number' && Number.isInteger(i) && i >= 0 && i < size) out.add(i);
  }
  return [...out];
}

function reasonsFor(e: SyncError, index: number): string[] {
  const details = Array.isArray(e.details) ? (e.details as { index?: unknown; path?: unknown; message?: unknown }[]) : [];
  const mine = details.filter((d) => d?.index === index).map((d) => `${String(d.path ?? '')}: ${String(d.message ?? '')}`.slice(0, 500));
  return mine.length ? mine : [e.message];
}

/**
 * Sends the outbox in order, batch by batch. An entry leaves the outbox only once the server acknowledged its
 * batch; if the answer is lost the batch is sent again, which changes nothing on the server (the merge is
 * idempotent: a replay is reported `duplicate`).
 *
 * No change can block the ones after it: each entry is parsed as the server will parse it before it is sent
 * (values cleaned; one that cannot be sent is refused here), entries the server refuses as invalid are moved to
 * meta `sync.rejected` (shown in the status, sent again from there after an edit), and a refusal that names no
 * entry (a 400 without details, a 413) is narrowed down by halving the batch until the one entry is found.
 */
export async function pushOutbox(config: SyncConfig): Promise<{ pushed: number; rejected: number }> {
  const db = config.db ?? getDb();
  const now = config.now ?? Date.now;
  const id = await clientId(config);
  const fullSize = Math.min(config.pushBatchSize ?? 500, MAX_MUTATIONS_PER_PUSH);
  let size = fullSize;
  let pushed = 0;
  let rejected = 0;
  for (;;) {
    const batch = await nextBatch(db, size);
    if (batch.length === 0) return { pushed, rejected };
    const at = now();
    const mutations: Mutation[] = [];
    const refusedHere: RejectedEntry[] = [];
    for (const entry of batch) {
      const r = parseMutation(toMutation(entry), at);
      if (r.ok) mutations.push(r.mutation);
      else refusedHere.push({ entry, reasons: r.issues.map((i) => `${i.path}: ${i.message}`) });
    }
    if (refusedHere.length) {
      await reject(db, refusedHere);
      rejected += refusedHere.length;
      continue;
    }
    try {
      await call(config, 'POST', '/v1/sync/push', PushResponse, { clientId: id, mutations });
    } catch (e) {
      if (!(e instanceof SyncError) || (e.status !== 400 && e.status !== 413)) throw e;
      const named = e.status === 400 ? refusedIndexes(e, batch.length) : [];
      if (named.length) {
        await reject(
          db,
          named.map((i) => ({ entry: batch[i]!, reasons: reasonsFor(e, i) })),
        );
        rejected += named.length;
      } else if (batch.length > 1) {
        size = Math.ceil(batch.length / 2);
      } else {
        await reject(db, [{ entry: batch[0]!, reasons: [e.message] }]);
        rejected += 1;
      }
      continue;
    }
    await db.outbox.bulkDelete(batch.map((e) => e.seq!));
    pushed += batch.length;
    size = Math.min(fullSize, size * 2);
  }
}
