import { beforeEach } from 'vitest';
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { setDb } from '../../lib/db/db';

beforeEach(() => {
  fakeBrowser.reset();
  // A fresh IndexedDB per test, so tests never see each other's data.
  const factory = new IDBFactory();
  globalThis.indexedDB = factory;
  Dexie.dependencies.indexedDB = factory;
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  setDb(null);
});
