import { CarnetDB, setDb, fromStored } from '../../../lib/db';
import { ENTITY_NAMES } from '../../../lib/schema';
import { recordFromState, stateFromRecord, type SyncConfig } from '../../../lib/sync';
import type { TestUser } from '../../../server/testing';

/** Devices for sync tests: each its own IndexedDB (fake-indexeddb), talking to an in-process server. */

export type Fetch = NonNullable<SyncConfig['fetch']>;

export interface Client {
  db: CarnetDB;
  config: SyncConfig;
  /** Runs local writes against this device's database (lib/db's write path uses the getDb() singleton). */
  local<T>(fn: () => Promise<T>): Promise<T>;
}

let dbCounter = 0;
export function client(user: TestUser, fetch: Fetch, options: Partial<SyncConfig> = {}): Client {
  const db = new CarnetDB(`device-${++dbCounter}-${Math.random().toString(36).slice(2)}`);
  return {
    db,
    config: { serverUrl: 'http://carnet.test/', token: user.token, fetch: (i, init) => fetch(i, init), db, pushBatchSize: 7, pullPageSize: 5, ...options },
    async local(fn) {
      setDb(db);
      try {
        return await fn();
      } finally {
        setDb(null);
      }
    },
  };
}

/** Every record of every table, in one canonical form (so two equal replicas compare equal). */
export async function snapshot(db: CarnetDB) {
  const out: Record<string, unknown[]> = {};
  for (const name of ENTITY_NAMES) {
    const rows = (await db.table(name).toArray()) as Record<string, unknown>[];
    out[name] = rows.map((r) => recordFromState(r.id as string, stateFromRecord(fromStored(r)))).sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  return out;
}

export function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
