import { CarnetDB, setDb, insertMany } from '../../lib/db';
import { recognize as recognizeGmail } from '../../lib/sites/gmail/recognize';
import { resolveContext } from '../../lib/match';
import { PageContext, type ContactInput } from '../../lib/schema';
import { median, percentile, time, type BenchSuite } from '../harness';
import { deleteDb } from '../raw-idb';
import threadHtml from '../../lib/sites/gmail/fixtures/2026-11-26-thread-several-senders.html?raw';
import threadExpected from '../../lib/sites/gmail/fixtures/2026-11-26-thread-several-senders.expected.json';

const N = 100_000;

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

export const recognitionSuite: BenchSuite = {
  name: 'recognition',
  async run(log) {
    // 1. Content script main-thread time per navigation: the recognizer over the Gmail thread fixture.
    const doc = parse(threadHtml);
    const url = (threadExpected as { url: string }).url;
    for (let i = 0; i < 20; i++) recognizeGmail(url, doc);
    const runs: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      recognizeGmail(url, doc);
      runs.push(performance.now() - t0);
    }
    log(`gmail recognizer: median ${median(runs).toFixed(3)} ms`);

    // 2. From the recognised context to the person resolved, with 100 000 contacts in the database.
    await deleteDb('bench-recognition');
    const db = new CarnetDB('bench-recognition');
    setDb(db);
    await db.open();
    const inputs: ContactInput[] = Array.from({ length: N }, (_, i) => ({
      firstName: ['Hélène', 'Marc', 'Zoë', 'Oliver', 'Chloé'][i % 5]!,
      lastName: `Nom${i}`,
      emails: [`contact${i}@societe${i % 20000}.fr`],
    }));
    for (let i = 0; i < N; i += 20_000) await insertMany('contacts', inputs.slice(i, i + 20_000));
    log(`seeded ${N} contacts`);
    const known: number[] = [];
    const unknown: number[] = [];
    for (let k = 0; k < 200; k++) {
      const i = (k * 7919) % N;
      const ctx = PageContext.parse({
        site: 'gmail',
        kind: 'thread',
        url,
        ref: `thread-f:${k}`,
        self: 'me@carnet.example',
        people: [{ role: 'from', email: `contact${i}@societe${i % 20000}.fr`, name: `Zoë Nom${i}` }],
      });
      const [ms, res] = await time(() => resolveContext(ctx));
      if (!res.primary?.contactId) throw new Error('known contact not matched');
      known.push(ms);
      const stranger = PageContext.parse({ ...ctx, people: [{ role: 'from', email: `new${k}@inconnu${k}.fr`, name: `Hélène Nom${i}` }] });
      const [ms2] = await time(() => resolveContext(stranger));
      unknown.push(ms2);
    }
    db.close();
    setDb(null);
    await deleteDb('bench-recognition');
    const p95k = percentile(known, 95);
    const p95u = percentile(unknown, 95);
    return [
      {
        suite: 'recognition',
        metric: 'Gmail recognizer per navigation (median, thread fixture)',
        unit: 'ms',
        carnet: median(runs),
        raw: null,
        budget: '≤ 2 ms',
        pass: median(runs) <= 2,
      },
      {
        suite: 'recognition',
        metric: `context → person resolved, known contact among ${N} (p95)`,
        unit: 'ms',
        carnet: p95k,
        raw: null,
        budget: '≤ 100 ms (with render)',
        pass: p95k <= 100,
      },
      {
        suite: 'recognition',
        metric: `context → suggestions, unknown person among ${N} (p95)`,
        unit: 'ms',
        carnet: p95u,
        raw: null,
        budget: '≤ 100 ms (with render)',
        pass: p95u <= 100,
      },
    ];
  },
};
