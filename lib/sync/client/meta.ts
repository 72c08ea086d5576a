import type { CarnetDB } from '../../db/db';
import { META_KEYS } from '../../schema/meta-keys';

/** Keys of the sync state in db.meta (declared with every other meta key in lib/db/meta-keys.ts). */
export const SYNC_META = {
  enabled: META_KEYS.syncEnabled,
  clientId: META_KEYS.syncClientId,
  cursor: META_KEYS.syncCursor,
  lastSuccessAt: META_KEYS.syncLastSuccessAt,
  lastAttemptAt: META_KEYS.syncLastAttemptAt,
  lastError: META_KEYS.syncLastError,
  lastErrorKind: META_KEYS.syncLastErrorKind,
  failures: META_KEYS.syncFailures,
  nextAttemptAt: META_KEYS.syncNextAttemptAt,
  pending: META_KEYS.syncPending,
  rejected: META_KEYS.syncRejected,
  setAside: META_KEYS.syncSetAside,
} as const;

export async function getMeta<T>(db: CarnetDB, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export async function setMeta(db: CarnetDB, entries: Record<string, unknown>): Promise<void> {
  await db.meta.bulkPut(Object.entries(entries).map(([key, value]) => ({ key, value })));
}
