import { CarnetDB, setDb, buildRecord, toStored, update } from '../../lib/db';
import { enableSync, pull, pushOutbox, syncOnce, type SyncConfig, type Mutation } from '../../lib/sync';
import { median, time, type BenchRow, type BenchSuite } from '../harness';
import { openRaw, rawPutAll, deleteDb, CONTACT_STORE } from '../raw-idb';

/**
 * Sync from the page against a real server (started by scripts/bench.mjs, which passes ?syncUrl=…&token=…; the
 * suite is skipped without them). The raw baseline is the same records, as stored, put into plain IndexedDB.
 */
const N = 100_000;
const PUSH_BATCH = 1000;
const INCREMENTAL_RUNS = 25;

function contactFields(i: number) {
  return {
    firstName: ['Hélène', 'François', 'Zoë', 'James', 'Amélie'][i % 5]!,
    lastName: `Lefèvre${i}`,
    emails: [`person${i}@company${i % 5000}.fr`],
    title: 'Directrice des achats',
  };
}

export const syncSuite: BenchSuite = {
  name: 'sync',
  async run(log) {
    const q = new URLSearchParams(location.search);
    const serverUrl = q.get('syncUrl');
    const token = q.get('token');
    if (!serverUrl || !token) {
      log('sync: no ?syncUrl=…&token=… given, skipped');
      return [];
    }
    for (const name of ['bench-sync-seed', 'bench-sync-a', 'bench-sync-raw']) await deleteDb(name);

    // Seed the team on the server: N contacts, pushed in batches as a device would (not measured).
    const records = Array.from({ length: N }, (_, i) => buildRecord('contacts', contactFields(i)));
    const t0 = performance.now();
    for (let i = 0; i < N; i += PUSH_BATCH) {
      const mutations: Mutation[] = records.slice(i, i + PUSH_BATCH).map((r, k) => {
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
    log(`sync: seeded ${N} contacts on the server in ${(performance.now() - t0).toFixed(0)} ms`);

    // Raw: the same records as Carnet stores them, put into plain IndexedDB in one transaction.
    const prepared = records.map((r) => toStored('contacts', r));
    const raw = await openRaw('bench-sync-raw', CONTACT_STORE);
    const [rawMs] = await time(() => rawPutAll(raw, 'contacts', prepared));
    raw.close();
    log(`sync: raw IndexedDB put of ${N} contacts in ${rawMs.toFixed(0)} ms`);

    // Initial pull into a fresh database: download, merge, validate, search tokens, write.
    const db = new CarnetDB('bench-sync-a');
    await db.open();
    setDb(db);
    // Time spent waiting for the server (request to last byte), to tell server time from browser time.
    let serverMs = 0;
    const timedFetch: NonNullable<SyncConfig['fetch']> = async (input, init) => {
      const t = performance.now();
      const res = await fetch(input, init);
      const body = await res.arrayBuffer();
      serverMs += performance.now() - t;
      return new Response(body, { status: res.status, headers: res.headers });
    };
    const config: SyncConfig = { serverUrl, token, db, pullPageSize: 1000, pushBatchSize: 1000, fetch: timedFetch };
    await enableSync(db);
    const [pullMs, pulled] = await time(() => pull(config));
    const count = await db.contacts.count();
    if (count !== N || pulled.applied !== N) throw new Error(`initial pull: ${count} stored, ${pulled.applied} applied, expected ${N}`);
    log(`sync: initial pull of ${N} contacts in ${pullMs.toFixed(0)} ms (${pulled.pages} pages; waiting on the server ${serverMs.toFixed(0)} ms, overlapped with writing)`);
    await pushOutbox(config);

    // Incremental: one local edit, then one sync (push it, pull the team's changes since the cursor).
    const times: number[] = [];
    for (let k = 0; k < INCREMENTAL_RUNS; k++) {
      const target = records[(k * 7919) % N]!;
      await update('contacts', target.id, { title: `Acheteuse ${k}` });
      const [ms, outcome] = await time(() => syncOnce(config));
      if (!outcome.ok || outcome.pushed !== 1) throw new Error(`incremental sync failed: ${JSON.stringify(outcome)}`);
      times.push(ms);
    }
    const incremental = median(times);
    log(`sync: incremental sync of one change, median of ${INCREMENTAL_RUNS}: ${incremental.toFixed(1)} ms (max ${Math.max(...times).toFixed(1)} ms)`);
    db.close();
    setDb(null);
    for (const name of ['bench-sync-a', 'bench-sync-raw']) await deleteDb(name);

    const rows: BenchRow[] = [
      { suite: 'sync', metric: `initial pull of ${N} contacts (records/s)`, unit: 'rec/s', carnet: (N / pullMs) * 1000, raw: (N / rawMs) * 1000, budget: '≥ 0.7 × raw', pass: rawMs / pullMs >= 0.7 },
      { suite: 'sync', metric: 'incremental sync of one change, loopback (median)', unit: 'ms', carnet: incremental, raw: null, budget: '≤ 200 ms', pass: incremental <= 200 },
    ];
    return rows;
  },
};
