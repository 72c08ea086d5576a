import { getDb, setDb } from '../../lib/db';
import { createImportSession } from '../../lib/panel/models/import';
import { importWorkerPort } from '../../lib/panel/import-worker';
import { time, type BenchSuite } from '../harness';
import { openRaw, rawPutAll, deleteDb, CONTACT_STORE } from '../raw-idb';

const N = 100_000;

function failed(e: { message: string } | null): void {
  if (e) throw new Error(e.message);
}

function csv(n: number): ArrayBuffer {
  const lines = ['First Name,Last Name,E-mail Address,Job Title,Mobile Phone'];
  for (let i = 0; i < n; i++) lines.push(`Hélène${i},Dupont${i},person${i}@company${i % 5000}.fr,Directrice des achats,+33 6 12 ${String(i % 100).padStart(2, '0')} 34 56`);
  return new TextEncoder().encode(lines.join('\r\n')).buffer as ArrayBuffer;
}

/**
 * The import screen's path, end to end, as ImportView runs it: parse, dry run and commit in the module worker
 * (lib/import/worker.ts). Compared with raw IndexedDB puts of the same stored records; long tasks (> 50 ms) on the
 * main thread are observed throughout.
 */
export const importSuite: BenchSuite = {
  name: 'import',
  async run(log) {
    setDb(null);
    getDb().close();
    await deleteDb('carnet');
    await deleteDb('bench-raw-import');
    setDb(null);
    await getDb().open();

    const bytes = csv(N);
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push(e.duration);
    });
    let observing = true;
    try {
      observer.observe({ type: 'longtask', buffered: false });
    } catch {
      observing = false;
    }

    const s = createImportSession(importWorkerPort);
    const [analyzeMs] = await time(() => s.analyze('bench.csv', bytes));
    failed(s.error.value);
    const [planMs] = await time(() => s.dryRun());
    failed(s.error.value);
    const parseLong = [...longTasks];
    const [commitMs] = await time(() => s.commit());
    failed(s.error.value);
    await new Promise((r) => setTimeout(r, 200));
    observer.disconnect();
    const written = await getDb().contacts.count();
    if (written !== N) throw new Error(`imported ${written} of ${N}`);
    log(`import: analyze ${analyzeMs.toFixed(0)} ms, plan ${planMs.toFixed(0)} ms (worker), commit ${commitMs.toFixed(0)} ms`);

    // The records exactly as the import stored them (search tokens included), written again raw.
    const stored = await getDb().contacts.toArray();
    s.dispose();
    const raw = await openRaw('bench-raw-import', CONTACT_STORE);
    const [rawMs] = await time(() => rawPutAll(raw, 'contacts', stored));
    raw.close();
    await deleteDb('bench-raw-import');
    getDb().close();
    setDb(null);
    await deleteDb('carnet');
    log(`raw IndexedDB put of the same ${N} records: ${rawMs.toFixed(0)} ms`);

    const totalMs = analyzeMs + planMs + commitMs;
    const maxLong = longTasks.length ? Math.max(...longTasks) : 0;
    const maxParseLong = parseLong.length ? Math.max(...parseLong) : 0;
    log(`long tasks: ${longTasks.length} (max ${maxLong.toFixed(0)} ms); during parse+plan: ${parseLong.length} (max ${maxParseLong.toFixed(0)} ms)`);
    return [
      { suite: 'import', metric: `import ${N} contacts, file to IndexedDB (records/s)`, unit: 'rec/s', carnet: (N / totalMs) * 1000, raw: (N / rawMs) * 1000, budget: '≥ 0.7 × raw', pass: rawMs / totalMs >= 0.7 },
      { suite: 'import', metric: `commit stage only (runImport in the worker, records/s)`, unit: 'rec/s', carnet: (N / commitMs) * 1000, raw: (N / rawMs) * 1000, budget: 'info', pass: true },
      { suite: 'import', metric: `longest main-thread task while the worker parses and plans${observing ? '' : ' (longtask unsupported)'}`, unit: 'ms', carnet: maxParseLong, raw: null, budget: '≤ 50 ms', pass: observing && maxParseLong <= 50 },
      { suite: 'import', metric: `longest main-thread task, whole import (${longTasks.length} over 50 ms)`, unit: 'ms', carnet: maxLong, raw: null, budget: '≤ 50 ms', pass: observing && maxLong <= 50 },
    ];
  },
};
