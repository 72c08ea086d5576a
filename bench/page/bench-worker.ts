/// <reference lib="webworker" />
/**
 * The bench page's helper worker: it holds the raw side's records and runs the raw IndexedDB puts, and runs the
 * sync pull as the extension's service worker does (off the panel's thread). The page's main thread then keeps a
 * small heap, like the panel's, so its long tasks are the product's and not the harness's (a major GC of 100 000
 * records held on the main thread is a long task of its own).
 */
import { CarnetDB, setDb, buildRecord, toStored, update } from '../../lib/db';
import { enableSync, pull, pushOutbox, syncOnce, type SyncConfig, type Mutation } from '../../lib/sync';
import { median, time } from '../harness';
import { CONTACT_STORE, deleteDb, openRaw, rawPutAll } from '../raw-idb';
import type { BenchWorkerReply, BenchWorkerRequest } from './bench-worker-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let held: unknown[] = [];
let seeded: { id: string }[] = [];

function csv(n: number): ArrayBuffer {
  const lines = ['First Name,Last Name,E-mail Address,Job Title,Mobile Phone'];
  for (let i = 0; i < n; i++)
    lines.push(`Hélène${i},Dupont${i},person${i}@company${i % 5000}.fr,Directrice des achats,+33 6 12 ${String(i % 100).padStart(2, '0')} 34 56`);
  return new TextEncoder().encode(lines.join('\r\n')).buffer as ArrayBuffer;
}

function readAll(name: string, store: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const req = db.transaction(store).objectStore(store).getAll();
      req.onsuccess = () => {
        db.close();
        resolve(req.result);
      };
      req.onerror = () => reject(req.error);
    };
  });
}

function contactFields(i: number) {
  return {
    firstName: ['Hélène', 'François', 'Zoë', 'James', 'Amélie'][i % 5]!,
    lastName: `Lefèvre${i}`,
    emails: [`person${i}@company${i % 5000}.fr`],
    title: 'Directrice des achats',
  };
}

async function seed(serverUrl: string, token: string, n: number, batch: number): Promise<number> {
  const records = Array.from({ length: n }, (_, i) => buildRecord('contacts', contactFields(i)));
  const t0 = performance.now();
  for (let i = 0; i < n; i += batch) {
    const mutations: Mutation[] = records.slice(i, i + batch).map((r, k) => {
      const { id, createdAt, updatedAt: _u, deletedAt: _d, ...fields } = r as typeof r & { fieldClock?: unknown };
      return { id: `seed-${i + k}-${id}`, entity: 'contacts', recordId: id, op: 'upsert', fields, hlc: createdAt, createdAt };
    });
    const res = await fetch(`${serverUrl}/v1/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: 'bench-seed', mutations }),
    });
    if (!res.ok) throw new Error(`seed push failed: HTTP ${res.status} ${await res.text()}`);
  }
  // The raw side's records: the same ones as Carnet stores them.
  held = records.map((r) => toStored('contacts', r));
  seeded = records;
  return performance.now() - t0;
}

let pullDb: CarnetDB | null = null;
let pullConfig: SyncConfig | null = null;

/** Into the database the page just created (empty), as a device's first sync. */
async function initialPull(serverUrl: string, token: string, name: string, pageSize: number) {
  pullDb?.close();
  const db = new CarnetDB(name);
  await db.open();
  setDb(db);
  pullDb = db;
  // Time spent waiting for the server's answers to start (request to headers; a streamed answer's pages then
  // arrive while the pull writes), to tell server time from browser time.
  let headersMs = 0;
  const timedFetch: NonNullable<SyncConfig['fetch']> = async (input, init) => {
    const t = performance.now();
    const res = await fetch(input, init);
    headersMs += performance.now() - t;
    return res;
  };
  pullConfig = { serverUrl, token, db, pullPageSize: pageSize, pushBatchSize: 1000, fetch: timedFetch };
  await enableSync(db);
  const [ms, pulled] = await time(() => pull(pullConfig!));
  const count = await db.contacts.count();
  // Closed until the next request: the page deletes and recreates the database before each pull.
  db.close();
  return { ms, pages: pulled.pages, applied: pulled.applied, count, headersMs };
}

/** One local edit, then one sync (push it, pull the team's changes since the cursor), `runs` times. */
async function incremental(runs: number) {
  if (!pullDb || !pullConfig) throw new Error('no initial pull yet');
  await pullDb.open();
  await pushOutbox(pullConfig);
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const target = seeded[(k * 7919) % seeded.length]!;
    await update('contacts', target.id, { title: `Acheteuse ${k}` });
    const [ms, outcome] = await time(() => syncOnce(pullConfig!));
    if (!outcome.ok || outcome.pushed !== 1) throw new Error(`incremental sync failed: ${JSON.stringify(outcome)}`);
    times.push(ms);
  }
  return { median: median(times), max: Math.max(...times) };
}

async function handle(m: BenchWorkerRequest): Promise<[BenchWorkerReply, Transferable[]]> {
  switch (m.type) {
    case 'csv': {
      const buffer = csv(m.n);
      return [{ type: 'csv', buffer }, [buffer]];
    }
    case 'hold': {
      held = await readAll(m.name, m.store);
      return [{ type: 'held', count: held.length }, []];
    }
    case 'raw-put': {
      await deleteDb(m.name);
      const db = await openRaw(m.name, CONTACT_STORE);
      const [ms] = await time(() => rawPutAll(db, 'contacts', held));
      db.close();
      await deleteDb(m.name);
      return [{ type: 'timed', ms }, []];
    }
    case 'sync-seed':
      return [{ type: 'timed', ms: await seed(m.serverUrl, m.token, m.n, m.batch) }, []];
    case 'sync-pull':
      return [{ type: 'pulled', ...(await initialPull(m.serverUrl, m.token, m.name, m.pageSize)) }, []];
    case 'sync-incremental':
      return [{ type: 'incremental', ...(await incremental(m.runs)) }, []];
    case 'close': {
      pullDb?.close();
      setDb(null);
      if (pullDb) await deleteDb(pullDb.name);
      pullDb = null;
      held = [];
      seeded = [];
      return [{ type: 'closed' }, []];
    }
  }
}

scope.addEventListener('message', (e: MessageEvent<BenchWorkerRequest & { id: number }>) => {
  const { id } = e.data;
  handle(e.data).then(
    ([reply, transfer]) => scope.postMessage({ id, ...reply }, transfer),
    (err: unknown) => scope.postMessage({ id, type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
});
