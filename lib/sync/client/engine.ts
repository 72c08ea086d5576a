import * as z from 'zod/mini';
import { getDb, type CarnetDB, type OutboxEntry } from '../../db/db';
import { ENTITY_NAMES } from '../../schema';
import { resendEntries } from './resend';
import { call, SYNC_ERROR_KINDS, SyncError, syncErrorKind, type SyncConfig, type SyncErrorKind } from './http';
import { MeResponse } from '../shared/protocol';
import { pushOutbox } from './push';
import { pull } from './pull';
import { backoffDelay } from './backoff';
import { getMeta, setMeta, SYNC_META } from './meta';
import { entityTables } from './apply';
import { isLocked } from '../../crypto/state';

export interface SyncStatus {
  enabled: boolean;
  lastSuccessAt: number | null;
  lastAttemptAt: number | null;
  lastError: string | null;
  lastErrorKind: SyncErrorKind | null;
  failures: number;
  nextAttemptAt: number | null;
  /** Changes waiting to be pushed (counted now). */
  pending: number;
  cursor: number;
  rejected: number;
  /** Pulled changes set aside (could not be applied here). */
  setAside: number;
}

const num = z.catch(z.nullable(z.number()), null);
/** The stored sync state, parsed: a value that does not read as expected counts as absent, never breaks the status. */
const StoredSyncState = z.object({
  enabled: z.catch(z.boolean(), false),
  lastSuccessAt: num,
  lastAttemptAt: num,
  lastError: z.catch(z.nullable(z.string()), null),
  lastErrorKind: z.catch(z.nullable(z.enum(SYNC_ERROR_KINDS)), null),
  failures: z.catch(z.number(), 0),
  nextAttemptAt: num,
  cursor: z.catch(z.number(), 0),
  rejected: z.catch(z.array(z.unknown()), []),
  setAside: z.catch(z.array(z.unknown()), []),
});

export async function getSyncStatus(db: CarnetDB = getDb()): Promise<SyncStatus> {
  const keys = [
    'enabled',
    'lastSuccessAt',
    'lastAttemptAt',
    'lastError',
    'lastErrorKind',
    'failures',
    'nextAttemptAt',
    'cursor',
    'rejected',
    'setAside',
  ] as const;
  const rows = await db.meta.bulkGet(keys.map((k) => SYNC_META[k]));
  const m = StoredSyncState.parse(Object.fromEntries(keys.map((k, i) => [k, rows[i]?.value])));
  return { ...m, pending: await db.outbox.count(), rejected: m.rejected.length, setAside: m.setAside.length };
}

/** For an alarm: sync is on and its backoff delay, if any, has passed. */
export async function isSyncDue(db: CarnetDB = getDb(), now = Date.now()): Promise<boolean> {
  const s = await getSyncStatus(db);
  return s.enabled && (s.nextAttemptAt === null || s.nextAttemptAt <= now);
}

/** "Test connection": who the token belongs to, or a SyncError in plain words. */
export function testConnection(config: SyncConfig): Promise<MeResponse> {
  return call(config, 'GET', '/v1/me', MeResponse);
}

export type SyncOutcome =
  | { ok: true; pushed: number; pulled: number; rejected: number; setAside: number }
  | { ok: false; error: string; retryInMs: number }
  | { ok: false; error: 'sync is off'; retryInMs: null }
  | { ok: false; error: 'locked'; retryInMs: null };

/**
 * Push, then pull; records the outcome in db.meta (lastSuccessAt, lastError, failures, nextAttemptAt, pending).
 * Never throws for a server or network failure: it returns and stores it. Safe to stop at any point and call again.
 */
export async function syncOnce(config: SyncConfig): Promise<SyncOutcome> {
  const db = config.db ?? getDb();
  const now = config.now ?? Date.now;
  if ((await getMeta(db, SYNC_META.enabled)) !== true) return { ok: false, error: 'sync is off', retryInMs: null };
  // At-rest encryption locked: the outbox is sealed (the server must get clear text, not envelopes) and pulled notes
  // could not be sealed, so sync waits for the unlock; nothing is lost, the outbox keeps growing meanwhile.
  if (isLocked()) return { ok: false, error: 'locked', retryInMs: null };
  await setMeta(db, { [SYNC_META.lastAttemptAt]: now() });
  try {
    const pushed = await pushOutbox(config);
    const pulled = await pull(config);
    await setMeta(db, {
      [SYNC_META.lastSuccessAt]: now(),
      [SYNC_META.lastError]: null,
      [SYNC_META.lastErrorKind]: null,
      [SYNC_META.failures]: 0,
      [SYNC_META.nextAttemptAt]: null,
      [SYNC_META.pending]: await db.outbox.count(),
    });
    return { ok: true, pushed: pushed.pushed, pulled: pulled.applied, rejected: pushed.rejected, setAside: pulled.setAside.length };
  } catch (e) {
    const failures = ((await getMeta<number>(db, SYNC_META.failures)) ?? 0) + 1;
    const error = e instanceof SyncError ? e.message : `Sync failed: ${e instanceof Error ? e.message : String(e)}`;
    const retryInMs = backoffDelay(failures, { retryAfterMs: e instanceof SyncError ? e.retryAfterMs : 0 });
    await setMeta(db, {
      [SYNC_META.lastError]: error,
      [SYNC_META.lastErrorKind]: syncErrorKind(e),
      [SYNC_META.failures]: failures,
      [SYNC_META.nextAttemptAt]: now() + retryInMs,
      [SYNC_META.pending]: await db.outbox.count(),
    });
    return { ok: false, error, retryInMs };
  }
}

/**
 * Turns sync on and queues every record the device holds, once, with its own stamps, so the first push sends what
 * the device already has (merging on the server is idempotent, so re-sending known records is harmless). The cursor
 * starts from zero: the first pull brings everything the team has.
 */
export async function enableSync(db: CarnetDB = getDb()): Promise<{ queued: number }> {
  return db.transaction('rw', [...entityTables(db), db.outbox, db.meta], async () => {
    if ((await getMeta(db, SYNC_META.enabled)) === true) return { queued: 0 };
    const entries: Omit<OutboxEntry, 'seq'>[] = [];
    for (const entity of ENTITY_NAMES) {
      await db.table(entity).each((row: Record<string, unknown>) => {
        entries.push(...resendEntries(entity, row));
      });
    }
    await db.outbox.bulkAdd(entries as OutboxEntry[]);
    await setMeta(db, {
      [SYNC_META.enabled]: true,
      [SYNC_META.cursor]: 0,
      [SYNC_META.failures]: 0,
      [SYNC_META.nextAttemptAt]: null,
      [SYNC_META.lastError]: null,
      [SYNC_META.lastErrorKind]: null,
      [SYNC_META.pending]: entries.length,
    });
    return { queued: entries.length };
  });
}

/** Turns sync off and drops the queue: enabling again re-queues every record anyway. Local data stays. */
export async function disableSync(db: CarnetDB = getDb()): Promise<void> {
  await db.transaction('rw', db.outbox, db.meta, async () => {
    await db.outbox.clear();
    await setMeta(db, { [SYNC_META.enabled]: false, [SYNC_META.pending]: 0, [SYNC_META.nextAttemptAt]: null });
  });
}
