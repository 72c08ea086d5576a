import { liveQuery } from 'dexie';
import { CarnetDB, setDb } from '../../lib/db';
import { watchForRescoring } from '../../lib/scoring-runner';
import { interleaved, longTaskObserver, median, profiled, rateRow, repeats, type BenchRow, type BenchSuite } from '../harness';
import { deleteDb } from '../raw-idb';
import { benchWorker } from '../page/bench-worker-protocol';

/**
 * Sync against a real server (started by scripts/bench.mjs, which passes ?syncUrl=…&token=…; the suite is skipped
 * without them). The pull runs in the bench worker, off this page's thread, as the extension's service worker runs
 * it; this page keeps what the panel has open during a first pull (its rescoring watcher and a live count of the
 * contacts) and its long tasks are observed. Each pair: raw IndexedDB put of the same records as Carnet stores
 * them (in the same worker), then the initial pull into a fresh database.
 */
const N = 100_000;
const PUSH_BATCH = 1000;
const PAGE = 1000;
const INCREMENTAL_RUNS = 25;
const DB = 'bench-sync-a';

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
    const pairs = repeats(3);
    for (const name of [DB, 'bench-sync-raw']) await deleteDb(name);
    const helper = benchWorker();
    const seedMs = (await helper.ask({ type: 'sync-seed', serverUrl, token, n: N, batch: PUSH_BATCH }, 'timed')).ms;
    log(`sync: seeded ${N} contacts on the server in ${seedMs.toFixed(0)} ms (pushed in batches of ${PUSH_BATCH}, not measured)`);

    const longTasks: number[] = [];
    let observed = true;
    const pulls: { pages: number; headersMs: number }[] = [];
    const pullOnce = async (profile: boolean) => {
      // What the panel has open while the service worker pulls: the rescoring watcher and a live count, on the
      // database the pull fills (created empty here first).
      await deleteDb(DB);
      const db = new CarnetDB(DB);
      await db.open();
      setDb(db);
      const stopWatch = watchForRescoring();
      let seen = 0;
      const count = liveQuery(() => db.contacts.count()).subscribe((n) => (seen = n));
      await new Promise((r) => setTimeout(r, 300));
      const tasks = longTaskObserver();
      const run = async () => {
        const r = await helper.ask({ type: 'sync-pull', serverUrl, token, name: DB, pageSize: PAGE }, 'pulled');
        // What the pull's last pages set off on this page (live queries, the rescoring) is part of it.
        await new Promise((res) => setTimeout(res, 500));
        return r;
      };
      try {
        const r = await (profile ? profiled('sync-pull', run) : run());
        if (r.count !== N || r.applied !== N) throw new Error(`initial pull: ${r.count} stored, ${r.applied} applied, expected ${N}`);
        pulls.push({ pages: r.pages, headersMs: r.headersMs });
        longTasks.push(...tasks.tasks);
        observed &&= tasks.supported;
        log(`  pull: ${r.ms.toFixed(0)} ms (${r.pages} pages; waiting ${r.headersMs.toFixed(0)} ms in all for the answers to start); live count seen ${seen}`);
        return r.ms;
      } finally {
        tasks.stop();
        stopWatch();
        count.unsubscribe();
        db.close();
        setDb(null);
      }
    };

    const t = await interleaved(
      pairs,
      async () => (await helper.ask({ type: 'raw-put', name: 'bench-sync-raw' }, 'timed')).ms,
      (k) => pullOnce(k === pairs - 1),
      log,
    );
    const inc = await helper.ask({ type: 'sync-incremental', runs: INCREMENTAL_RUNS }, 'incremental');
    log(`sync: incremental sync of one change, median of ${INCREMENTAL_RUNS}: ${inc.median.toFixed(1)} ms (max ${inc.max.toFixed(1)} ms)`);
    await helper.ask({ type: 'close' }, 'closed');
    helper.terminate();
    for (const name of [DB, 'bench-sync-raw']) await deleteDb(name);

    const maxLong = longTasks.length ? Math.max(...longTasks) : 0;
    log(
      `sync: waiting for the answers to start, median ${median(pulls.map((p) => p.headersMs)).toFixed(0)} ms per pull; main-thread long tasks over ${pairs} pulls: ${longTasks.length} (${longTasks.map((x) => x.toFixed(0)).join(', ') || 'none'})`,
    );
    const rows: BenchRow[] = [
      rateRow('sync', `initial pull of ${N} contacts, pages of ${PAGE} (raw = put of the same stored records)`, N, t, 0.9),
      {
        suite: 'sync',
        metric: `longest main-thread task (wall time) of the page during ${pairs} first pulls, ${longTasks.length} over 50 ms${observed ? '' : ' (longtask unsupported)'}`,
        unit: 'ms',
        carnet: maxLong,
        raw: null,
        budget: '≤ 50 ms',
        pass: observed && maxLong <= 50,
      },
      {
        suite: 'sync',
        metric: 'incremental sync of one change, loopback (median)',
        unit: 'ms',
        carnet: inc.median,
        raw: null,
        budget: '≤ 200 ms',
        pass: inc.median <= 200,
      },
    ];
    return rows;
  },
};
