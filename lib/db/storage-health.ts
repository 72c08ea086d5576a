import type Dexie from 'dexie';

/**
 * What can go wrong with the browser's storage, in the user's terms:
 * - quota: the device (or the browser's share of it) is full; the write that hit it was rolled back.
 * - blocked: this context wants a newer database version and another Carnet window keeps the old one open.
 * - upgraded: another context (a newer Carnet after an update) upgraded the database; this one must reload.
 * - deleted: the database was deleted under this context (site data cleared, storage pressure, a reset).
 * - unavailable: the browser refuses IndexedDB here (private browsing in some browsers, a broken profile).
 */
export type StorageProblem = 'quota' | 'blocked' | 'upgraded' | 'deleted' | 'unavailable';

const QUOTA = new Set(['QuotaExceededError']);
const CLOSED = new Set(['DatabaseClosedError']);
const VERSION = new Set(['VersionChangeError']);
const UNAVAILABLE = new Set(['MissingAPIError', 'InvalidStateError', 'UnknownError', 'OpenFailedError']);

/** The chain of an error and its causes: Dexie wraps the DOMException (inner), an aborted transaction its cause. */
function* causes(e: unknown): Generator<{ name?: unknown; message?: unknown }> {
  const seen = new Set<unknown>();
  let cur: unknown = e;
  while (cur && typeof cur === 'object' && !seen.has(cur) && seen.size < 8) {
    seen.add(cur);
    yield cur as { name?: unknown };
    const o = cur as { inner?: unknown; cause?: unknown; failures?: unknown[] };
    cur = o.inner ?? o.cause ?? (Array.isArray(o.failures) ? o.failures[0] : undefined);
  }
}

/** Which storage problem an error is, or null when it is not one (a validation error, a bug). */
export function storageProblemOf(e: unknown): StorageProblem | null {
  let closed = false;
  for (const c of causes(e)) {
    const name = typeof c.name === 'string' ? c.name : '';
    const message = typeof c.message === 'string' ? c.message : '';
    // Firefox reports a full disk on commit as an AbortError whose message names the quota.
    if (QUOTA.has(name) || /quota/i.test(message)) return 'quota';
    if (VERSION.has(name)) return 'upgraded';
    if (CLOSED.has(name)) closed = true;
    else if (UNAVAILABLE.has(name)) return closed ? 'deleted' : 'unavailable';
  }
  return closed ? 'deleted' : null;
}

/**
 * Follows the events that end this context's use of the database, reporting each as a problem: an upgrade of ours
 * waiting on another window, another context's upgrade or deletion, and the browser closing the connection by
 * force (its "close" event fires only then, never for our own close()). Returns a function that stops following.
 */
export function watchStorage(db: Dexie, report: (problem: StorageProblem) => void): () => void {
  const onBlocked = () => report('blocked');
  // Not returning false keeps Dexie's default: close this connection so the other context can go on.
  const onVersionChange = (ev: IDBVersionChangeEvent) => report(ev.newVersion === null ? 'deleted' : 'upgraded');
  const onForcedClose = () => report('deleted');
  let backend: IDBDatabase | null = null;
  const onReady = () => {
    backend?.removeEventListener('close', onForcedClose);
    backend = db.backendDB();
    backend?.addEventListener('close', onForcedClose);
  };
  db.on('blocked', onBlocked);
  db.on('versionchange', onVersionChange);
  db.on('ready', onReady, true);
  if (db.isOpen()) onReady();
  return () => {
    db.on('blocked').unsubscribe(onBlocked);
    db.on('versionchange').unsubscribe(onVersionChange);
    db.on('ready').unsubscribe(onReady);
    backend?.removeEventListener('close', onForcedClose);
  };
}

/** How much the browser lets Carnet store and how much it uses, when it says (not every browser does). */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  const e = await globalThis.navigator?.storage?.estimate?.().catch(() => null);
  return e && typeof e.usage === 'number' && typeof e.quota === 'number' ? { usage: e.usage, quota: e.quota } : null;
}

/**
 * Asks the browser not to evict Carnet's data under storage pressure (granted silently to extensions in Chrome;
 * Firefox may decide by itself). Returns whether storage is persistent.
 */
export async function askPersistentStorage(): Promise<boolean> {
  const s = globalThis.navigator?.storage;
  if (!s?.persist) return false;
  try {
    return (await s.persisted?.()) || (await s.persist());
  } catch {
    return false;
  }
}
