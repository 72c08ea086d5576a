import { signal } from '@preact/signals';
import { getDb } from '../db/db';
import { askPersistentStorage, storageEstimate, storageProblemOf, watchStorage, type StorageProblem } from '../db/storage-health';

export type { StorageProblem } from '../db/storage-health';

export interface StorageNotice {
  kind: StorageProblem;
  /** For a full storage: what the browser says Carnet uses and may use. */
  estimate?: { usage: number; quota: number } | null;
}

/** The storage problem the panel shows in its banner, if any. */
export const storageProblem = signal<StorageNotice | null>(null);

// A later problem replaces an earlier one only when it is at least as serious: a deleted database stays on screen
// even if the next write then fails on the closed connection.
const RANK: Record<StorageProblem, number> = { quota: 1, blocked: 2, unavailable: 3, upgraded: 4, deleted: 5 };

export function reportStorageProblem(kind: StorageProblem): void {
  const cur = storageProblem.value;
  if (cur && RANK[cur.kind] > RANK[kind]) return;
  storageProblem.value = { kind };
  if (kind === 'quota') {
    void storageEstimate().then((estimate) => {
      if (storageProblem.value?.kind === 'quota') storageProblem.value = { kind, estimate };
    });
  }
}

/** Notes an error that is a storage problem (then shown in the banner); returns which one, or null. */
export function noteStorageError(e: unknown): StorageProblem | null {
  const kind = storageProblemOf(e);
  if (kind) reportStorageProblem(kind);
  return kind;
}

export function dismissStorageProblem(): void {
  storageProblem.value = null;
}

/**
 * The panel's watch on its database: blocked or foreign upgrades, deletion, forced close, and any storage error a
 * screen did not catch. A blocked upgrade that then completes clears its banner. Asks once for persistent storage.
 */
export function followStorage(target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window): () => void {
  const db = getDb();
  const stop = watchStorage(db, reportStorageProblem);
  const onReady = () => {
    if (storageProblem.value?.kind === 'blocked') storageProblem.value = null;
  };
  db.on('ready', onReady, true);
  const onRejection = (ev: PromiseRejectionEvent) => void noteStorageError(ev.reason);
  target.addEventListener('unhandledrejection', onRejection);
  void askPersistentStorage();
  return () => {
    stop();
    db.on('ready').unsubscribe(onReady);
    target.removeEventListener('unhandledrejection', onRejection);
  };
}
