import { CarnetDB, setDb, insertMany, findContactByEmail, buildRecord, toStored } from '../../lib/db';
import type { ContactInput } from '../../lib/schema';
import { interleaved, median, profiled, rateRow, repeats, time, type BenchSuite } from '../harness';
import { openRaw, rawPutAll, rawIndexGet, deleteDb, CONTACT_STORE } from '../raw-idb';

const N = 100_000;
const FIRST = ['Hélène', 'François', 'Zoë', 'James', 'Amélie', 'Oliver', 'Ngozi', 'Łukasz', 'Chloé', 'Thomas'];
const LAST = ['Dupont', 'Martin', 'Smith', 'Lefèvre', 'Okafor', 'Nowak', 'Bernard', 'Taylor', 'Moreau', 'García'];

function contactInputs(n: number): ContactInput[] {
  return Array.from({ length: n }, (_, i) => ({
    firstName: FIRST[i % 10]!,
    lastName: `${LAST[((i / 10) % 10) | 0]!}${i}`,
    emails: [`person${i}@company${i % 5000}.fr`, `p${i}@alt${i % 97}.com`],
    title: 'Directrice des achats',
  }));
}

export const foundationSuite: BenchSuite = {
  name: 'foundation',
  async run(log) {
    const inputs = contactInputs(N);
    const pairs = repeats(3);
    // Raw: the same stored records (already validated and stamped), plain puts in one transaction.
    const prepared = inputs.map((c) => toStored('contacts', buildRecord('contacts', c)));
    let raw: IDBDatabase | null = null;
    let db: CarnetDB | null = null;
    const t = await interleaved(
      pairs,
      async () => {
        raw?.close();
        await deleteDb('bench-raw');
        raw = await openRaw('bench-raw', CONTACT_STORE);
        const [ms] = await time(() => rawPutAll(raw!, 'contacts', prepared));
        return ms;
      },
      async (k) => {
        db?.close();
        await deleteDb('bench-carnet');
        db = new CarnetDB('bench-carnet');
        setDb(db);
        await db.open();
        const [ms] = await time(() => (k === pairs - 1 ? profiled('foundation-insert', () => insertMany('contacts', inputs)) : insertMany('contacts', inputs)));
        return ms;
      },
      log,
    );

    const probes = Array.from({ length: 300 }, (_, k) => `p${(k * 7919) % N}@alt${((k * 7919) % N) % 97}.com`);
    const dexieTimes: number[] = [];
    const rawTimes: number[] = [];
    for (const email of probes) {
      const [d, found] = await time(() => findContactByEmail(email));
      if (!found) throw new Error(`lookup missed ${email}`);
      dexieTimes.push(d);
      const [r] = await time(() => rawIndexGet(raw!, 'contacts', 'emails', email));
      rawTimes.push(r);
    }
    raw!.close();
    db!.close();
    setDb(null);
    await deleteDb('bench-carnet');
    await deleteDb('bench-raw');

    const lookupD = median(dexieTimes);
    const lookupR = median(rawTimes);
    return [
      rateRow('foundation', `bulk insert ${N} contacts (insertMany: validate + stamp + Dexie; raw = put of the same stored records)`, N, t, 0.9),
      {
        suite: 'foundation',
        metric: `lookup by email among ${N} (median)`,
        unit: 'ms',
        carnet: lookupD,
        raw: lookupR,
        budget: '≤ 2 ms and ≤ 1.5 × raw',
        pass: lookupD <= 2 && lookupD <= 1.5 * Math.max(lookupR, 0.1),
      },
    ];
  },
};
