import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';
import { isSealed, openText, sealText } from './cipher';
import { mapRow, tableHasSensitiveValues } from './fields';
import { LockedError, txCrypto } from './state';

/**
 * Seals sensitive fields on their way into IndexedDB and opens them on the way out, below every other Dexie
 * layer (level -2: under hooks, liveQuery's observation and its cache), for every table that holds them: entity
 * tables, the sync outbox, the audit log and rejected sync changes. Nothing above it ever sees an envelope
 * unless the data is locked, and nothing can forget to encrypt.
 *
 * Sealing is synchronous (see cipher.ts), so it runs inside the caller's transaction.
 * - Writing while locked: values already sealed (read while locked, written back unchanged) and empty values go
 *   through; any clear text in a sensitive field fails the write with LockedError, so no clear text reaches disk.
 * - Reading while locked: envelopes are returned as they are; the UI shows them as locked (see isSealed).
 * - An envelope that does not open with the key (altered) is returned as is rather than failing the whole read.
 */
function opener(key: Uint8Array) {
  return (s: string) => {
    if (!isSealed(s)) return s;
    try {
      return openText(key, s);
    } catch {
      return s;
    }
  };
}

function sealer(key: Uint8Array | null) {
  return (s: string) => {
    if (isSealed(s)) return s;
    if (!key) throw new LockedError();
    return sealText(key, s);
  };
}

function wrapCursor(cursor: DBCoreCursor, open: (v: unknown) => unknown): DBCoreCursor {
  let raw: unknown;
  let opened: unknown;
  // key and primaryKey are native getters of IDBCursor: read them on the cursor itself, as Dexie's own cursor
  // wrappers do (through the wrapper they throw "Illegal invocation" in a browser; fake-indexeddb does not care).
  return Object.create(cursor, {
    key: { get: () => cursor.key },
    primaryKey: { get: () => cursor.primaryKey },
    value: {
      get() {
        const v = cursor.value;
        if (v !== raw) {
          raw = v;
          opened = open(v);
        }
        return opened;
      },
    },
  }) as DBCoreCursor;
}

function cryptoTable(down: DBCoreTable): DBCoreTable {
  const name = down.name;
  const readMapper = (trans: object) => {
    const key = txCrypto(trans).readKey;
    if (!key) return null;
    const f = opener(key);
    return (v: unknown) => mapRow(name, v, f);
  };
  return {
    ...down,
    mutate(req) {
      if (req.type !== 'add' && req.type !== 'put') return down.mutate(req);
      const c = txCrypto(req.trans);
      if (!c.enabled) return down.mutate(req);
      try {
        const f = sealer(c.writeKey);
        return down.mutate({ ...req, values: req.values.map((v) => mapRow(name, v, f)) });
      } catch (e) {
        return Promise.reject(e);
      }
    },
    async get(req) {
      const m = readMapper(req.trans);
      const v = await down.get(req);
      return m ? m(v) : v;
    },
    async getMany(req) {
      const m = readMapper(req.trans);
      const vs = await down.getMany(req);
      return m ? vs.map(m) : vs;
    },
    async query(req) {
      const m = req.values ? readMapper(req.trans) : null;
      const res = await down.query(req);
      return m ? { ...res, result: res.result.map(m) } : res;
    },
    async openCursor(req) {
      const m = req.values ? readMapper(req.trans) : null;
      const cursor = await down.openCursor(req);
      return cursor && m ? wrapCursor(cursor, m) : cursor;
    },
  };
}

export const fieldCryptoMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'FieldCrypto',
  level: -2,
  create(down) {
    return {
      ...down,
      table(tableName) {
        const t = down.table(tableName);
        return tableHasSensitiveValues(tableName) ? cryptoTable(t) : t;
      },
    };
  },
};
