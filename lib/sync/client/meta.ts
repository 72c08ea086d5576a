import type { CarnetDB } from '../../db/db';
import { SYNC_ENABLED_KEY } from '../../db/write';
import { SYNC_REJECTED_META_KEY } from '../../crypto/fields';

/** Keys of the sync state in db.meta; the panel reads them (liveQuery) to show the sync status. */
export const SYNC_META = {
  enabled: SYNC_ENABLED_KEY,
  clientId: 'sync.clientId',
  /** Server change number up to which this device has pulled. */
  cursor: 'sync.cursor',
  lastSuccessAt: 'sync.lastSuccessAt',
  lastAttemptAt: 'sync.lastAttemptAt',
  /** The last failure in plain words, null after a success. */
  lastError: 'sync.lastError',
  /** What kind of failure the last error was (see SyncErrorKind), so the panel can say it in the user's language. */
  lastErrorKind: 'sync.lastErrorKind',
  failures: 'sync.failures',
  /** Epoch ms before which the next automatic attempt should wait (backoff). */
  nextAttemptAt: 'sync.nextAttemptAt',
  /** Outbox entries still to push, as of the last attempt. */
  pending: 'sync.pending',
  /** Changes the server refused as invalid, kept here so nothing is silently lost (their notes encrypted at rest). */
  rejected: SYNC_REJECTED_META_KEY,
  /** Pulled changes this device could not apply (ids and reasons only), shown in the status with a retry. */
  setAside: 'sync.setAside',
} as const;

export async function getMeta<T>(db: CarnetDB, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export async function setMeta(db: CarnetDB, entries: Record<string, unknown>): Promise<void> {
  await db.meta.bulkPut(Object.entries(entries).map(([key, value]) => ({ key, value })));
}
