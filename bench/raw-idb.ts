/** Plain IndexedDB, no library: the physical limit Carnet's Dexie paths are compared with. */
export function openRaw(name: string, stores: Record<string, { keyPath: string; indexes: [string, string | string[], boolean][] }>): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      for (const [store, spec] of Object.entries(stores)) {
        const os = req.result.createObjectStore(store, { keyPath: spec.keyPath });
        for (const [idx, keyPath, multiEntry] of spec.indexes) os.createIndex(idx, keyPath, { multiEntry });
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * Every row put in one readwrite transaction, with relaxed durability: what Carnet's bulk writes use (and Chromium's
 * default since 121), so the two sides commit the same way.
 */
export function rawPutAll(db: IDBDatabase, store: string, rows: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, 'readwrite', { durability: 'relaxed' });
    const os = tx.objectStore(store);
    for (const r of rows) os.put(r);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

export function rawIndexGet<T>(db: IDBDatabase, store: string, index: string, key: IDBValidKey): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const req = db.transaction(store).objectStore(store).index(index).get(key);
    req.onsuccess = () => resolve(req.result as T | undefined);
    req.onerror = () => reject(req.error);
  });
}

export function deleteDb(name: string): Promise<void> {
  return new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

/** The contacts store as Carnet declares it (lib/db/db.ts, latest version). */
export const CONTACT_STORE = {
  contacts: {
    keyPath: 'id',
    indexes: [
      ['accountId', 'accountId', false],
      ['emails', 'emails', true],
      ['linkedinUrl', 'linkedinUrl', false],
      ['updatedAt', 'updatedAt', false],
      ['searchTokens', 'searchTokens', true],
    ] as [string, string, boolean][],
  },
};
