import { CarnetDB, setDb, insertMany, findContactByEmail, buildRecord, toStored } from '../../lib/db';
import type { ContactInput } from '../../lib/schema';
import { median, time, type BenchSuite } from '../harness';
import { openRaw, rawPutAll, rawIndexGet, deleteDb, CONTACT_STORE } from '../raw-idb';

const N = 100_000;
const FIRST = ['Hélène', 'François', 'Zoë', 'James', 'Amélie', 'Oliver', 'Ngozi', 'Łukasz', 'Chloé', 'Thomas'];
const LAST = ['Dupont', 'Martin', 'Smith', 'Lefèvre', 'Okafor', 'Nowak', 'Bernard', 'Taylor', 'Moreau', 'García'];

function contactInputs(n: number): ContactInput[] {
  return Array.from({ length: n }, (_, i) => ({
    firstName: FIRST[i % 10]!,
    lastName: `${LAST[(i / 10) % 10 | 0]!}${i}`,
    emails: [`person${i}@company${i % 5000}.fr`, `p${i}@alt${i % 97}.com`],
    title: 'Directrice des achats',
  }));
}

export const foundationSuite: BenchSuite = {
  name: 'foundation',
  async run(log) {
    const inputs = contactInputs(N);
    await deleteDb('bench-carnet');
    await deleteDb('bench-raw');

    // Raw: the same stored records (already validated and stamped), plain puts in one transaction.
    const prepared = inputs.map((c) => toStored('contacts', buildRecord('contacts', c)));
    const raw = await openRaw('bench-raw', CONTACT_STORE);
    const [rawMs] = await time(() => rawPutAll(raw, 'contacts', prepared));
    log(`raw IndexedDB: ${N} contacts in ${rawMs.toFixed(0)} ms`);

    const db = new CarnetDB('bench-carnet');
    setDb(db);
    await db.open();
    const [dexieMs] = await time(() => insertMany('contacts', inputs));
    log(`Carnet insertMany (validate + stamp + Dexie): ${N} contacts in ${dexieMs.toFixed(0)} ms`);

    const probes = Array.from({ length: 300 }, (_, k) => `p${(k * 7919) % N}@alt${((k * 7919) % N) % 97}.com`);
    const dexieTimes: number[] = [];
    const rawTimes: number[] = [];
    for (const email of probes) {
      const [d, found] = await time(() => findContactByEmail(email));
      if (!found) throw new Error(`lookup missed ${email}`);
      dexieTimes.push(d);
      const [r] = await time(() => rawIndexGet(raw, 'contacts', 'emails', email));
      rawTimes.push(r);
    }
    raw.close();
    db.close();
    setDb(null);
    await deleteDb('bench-carnet');
    await deleteDb('bench-raw');

    const insertRatio = rawMs / dexieMs;
    const lookupD = median(dexieTimes);
    const lookupR = median(rawTimes);
    return [
      { suite: 'foundation', metric: `bulk insert ${N} contacts (records/s)`, unit: 'rec/s', carnet: (N / dexieMs) * 1000, raw: (N / rawMs) * 1000, budget: '≥ 0.7 × raw', pass: insertRatio >= 0.7 },
      { suite: 'foundation', metric: `lookup by email among ${N} (median)`, unit: 'ms', carnet: lookupD, raw: lookupR, budget: '≤ 2 ms and ≤ 1.5 × raw', pass: lookupD <= 2 && lookupD <= 1.5 * Math.max(lookupR, 0.1) },
    ];
  },
};
