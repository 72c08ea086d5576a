import { h, render } from 'preact';
import { uuidv7 } from 'uuidv7';
import { CarnetDB, setDb, toStored } from '../../lib/db';
import type { Account, Interaction, Score } from '../../lib/schema';
import { loadPortfolio, filterRows, sortRows, NO_FILTER } from '../../lib/panel/queries/portfolio';
import { PortfolioView } from '../../components/PortfolioView';
import { median, percentile, profiled, time, type BenchSuite } from '../harness';
import { deleteDb } from '../raw-idb';

const SCALE = Number(new URLSearchParams(location.search).get('scale') ?? '1');
const ACCOUNTS = Math.max(1000, Math.round(100_000 * SCALE));
const NAME = 'bench-portfolio';
const PAGE = 30; // the view's page
const STAMP = '2026-11-26T00:00:00.000Z-0000-bench';
const OWNERS = ['Inès Roche', 'Marc Petit', 'Zoë Martin', 'Oliver Grant', null];
const WORDS = ['Société', 'Atelier', 'Groupe', 'Maison', 'Études', 'Cabinet', 'Compagnie', 'Laboratoire'];

/** Complete records written straight to the tables (toStored, no validation): the seeding is not what is measured. */
async function seed(db: CarnetDB, from: number, to: number): Promise<void> {
  const chunk = 10_000;
  for (let i = from; i < to; i += chunk) {
    const accounts: Account[] = [];
    const scores: Score[] = [];
    const interactions: Interaction[] = [];
    for (let k = i; k < Math.min(to, i + chunk); k++) {
      const id = uuidv7();
      accounts.push({
        id, createdAt: STAMP, updatedAt: STAMP, deletedAt: null, name: `${WORDS[(k * 7) % WORDS.length]} ${k}`, domains: [`c${k}.fr`],
        industry: null, size: null, owner: OWNERS[k % OWNERS.length]!, lifecycleStage: 'active', tier: 'standard', currency: 'EUR',
        annualValue: (k * 7919) % 100_000, contractStart: null, renewalDate: null, churnedAt: null, linkedinUrl: null, tags: [], custom: {}, notes: null,
      } as Account);
      scores.push({
        accountId: id, churnProbability: ((k * 31) % 100) / 100, churnModel: 'health', reasons: [], clv: null, clvMethod: 'none',
        segments: [k % 3 ? 'tier:standard' : 'tag:vip'], actions: [], computedAt: '2026-11-26T00:00:00Z',
      });
      interactions.push({
        id: uuidv7(), createdAt: STAMP, updatedAt: STAMP, deletedAt: null, accountId: id, contactIds: [], channel: 'email', direction: 'outbound',
        occurredAt: new Date(Date.parse('2026-01-01T00:00:00Z') + k * 60_000).toISOString(), subject: `Objet ${k}`,
      } as unknown as Interaction);
    }
    await db.transaction('rw', [db.accounts, db.scores, db.interactions], async () => {
      await db.accounts.bulkAdd(accounts.map((a) => toStored('accounts', a)) as never);
      await db.scores.bulkAdd(scores);
      await db.interactions.bulkAdd(interactions);
    });
  }
}

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** The same first page on plain IndexedDB: the count, 30 accounts by sortName, their scores and last interactions. */
async function rawFirstPage(db: IDBDatabase): Promise<number> {
  const tx = db.transaction(['accounts', 'scores', 'interactions']);
  const ix = tx.objectStore('accounts').index('sortName');
  const [count, page] = await Promise.all([req(ix.count()), req(ix.getAll(null, PAGE))]);
  const ids = (page as { id: string }[]).map((a) => a.id);
  const last = tx.objectStore('interactions').index('[accountId+occurredAt]');
  await Promise.all([
    ...ids.map((id) => req(tx.objectStore('scores').get(id))),
    ...ids.map(
      (id) =>
        new Promise<void>((resolve, reject) => {
          const c = last.openKeyCursor(IDBKeyRange.bound([id, ''], [id, '\uffff']), 'prev');
          c.onsuccess = () => resolve();
          c.onerror = () => reject(c.error);
        }),
    ),
  ]);
  return count;
}

function rawOpen(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(NAME);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

const gcFn = (globalThis as { gc?: () => void }).gc;
/** A full collection (the bench launches Chromium with --expose-gc), a few times so finalised objects go too. */
const gc = async () => {
  for (let i = 0; i < 3; i++) {
    gcFn?.();
    await new Promise((r) => setTimeout(r, 20));
  }
};
const heap = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN;
const _settle = () => new Promise((r) => setTimeout(r, 50));

async function waitFor(check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const t0 = performance.now();
  while (!check()) {
    if (performance.now() - t0 > timeoutMs) throw new Error('timed out waiting for the portfolio');
    await new Promise((r) => setTimeout(r, 0));
  }
}

/** Time to the first rows of the portfolio view (fresh mount, default sort), raw first-page reads in the same loop. */
async function measureView(raw: IDBDatabase, runs: number) {
  const host = document.createElement('div');
  document.body.append(host);
  const firstRows: number[] = [];
  const raws: number[] = [];
  for (let k = 0; k < runs; k++) {
    render(null, host);
    await new Promise((r) => setTimeout(r, 100));
    raws.push((await time(() => rawFirstPage(raw)))[0]);
    const t0 = performance.now();
    render(h(PortfolioView, {}), host);
    await waitFor(() => host.querySelector('[role="listitem"] button.row') !== null);
    firstRows.push(performance.now() - t0);
    // The after-paint pass (filter menus) finishes before the next mount, so runs do not overlap.
    await waitFor(() => host.querySelectorAll('.filters select').length >= 4);
  }
  // The heap the mounted view keeps (its window, the filter menus): mounted minus unmounted, each after a full gc.
  await gc();
  const mounted = heap();
  const rendered = host.querySelectorAll('[role="listitem"]').length;
  render(null, host);
  host.remove();
  await new Promise((r) => setTimeout(r, 2000));
  await gc();
  const kept = mounted - heap();
  return { firstRows, raws, kept, rendered };
}

/** What the panel awaited before its first row until now: every account, score and interaction key, filtered and sorted. */
async function measureLoadAll() {
  await gc();
  let [ms, rows] = await time(async () => sortRows(filterRows(await loadPortfolio(), NO_FILTER), 'name', 'asc'));
  await gc();
  const held = heap();
  const n = rows.length;
  rows = [];
  await gc();
  return { ms, kept: held - heap(), n };
}

export const portfolioSuite: BenchSuite = {
  name: 'portfolio',
  async run(log) {
    await deleteDb(NAME);
    const db = new CarnetDB(NAME);
    setDb(db);
    await db.open();
    const small = Math.round(ACCOUNTS / 10);
    await seed(db, 0, small);
    log(`${small} accounts (gc exposed: ${typeof gcFn === 'function'})`);
    const raw = await rawOpen();
    const atSmall = await measureView(raw, 10);
    const allSmall = await measureLoadAll();
    await seed(db, small, ACCOUNTS);
    log(`${ACCOUNTS} accounts (+ one score and one interaction each)`);
    const atFull = await profiled('portfolio-first-rows', () => measureView(raw, 20));
    const allFull = await measureLoadAll();
    raw.close();
    db.close();
    setDb(null);
    await deleteDb(NAME);
    const mb = (b: number) => b / 1024 / 1024;
    log(`first rows at ${small}: median ${median(atSmall.firstRows).toFixed(1)} ms; at ${ACCOUNTS}: median ${median(atFull.firstRows).toFixed(1)} ms, raw median ${median(atFull.raws).toFixed(1)} ms`);
    log(`heap kept by the view: ${mb(atSmall.kept).toFixed(2)} MB at ${small}, ${mb(atFull.kept).toFixed(2)} MB at ${ACCOUNTS} (${atFull.rendered} rows in the DOM)`);
    log(`load-everything path: ${allSmall.ms.toFixed(0)} ms / ${mb(allSmall.kept).toFixed(1)} MB at ${small}; ${allFull.ms.toFixed(0)} ms / ${mb(allFull.kept).toFixed(1)} MB at ${ACCOUNTS}`);
    return [
      { suite: 'portfolio', metric: `first rows of the portfolio, ${ACCOUNTS} accounts (p95; raw = count + same first page, scores, last contacts, same loop)`, unit: 'ms', carnet: percentile(atFull.firstRows, 95), raw: percentile(atFull.raws, 95), budget: '—', pass: true },
      { suite: 'portfolio', metric: `first rows of the portfolio, ${small} accounts (p95)`, unit: 'ms', carnet: percentile(atSmall.firstRows, 95), raw: percentile(atSmall.raws, 95), budget: '—', pass: true },
      { suite: 'portfolio', metric: `heap kept by the mounted portfolio view, ${small} → ${ACCOUNTS} accounts`, unit: 'MB', carnet: mb(atFull.kept), raw: null, budget: `not ∝ accounts (${mb(atSmall.kept).toFixed(2)} MB at ${small})`, pass: atFull.kept < Math.max(2 * atSmall.kept, 4 * 1024 * 1024) },
      { suite: 'portfolio', metric: `before: load every row, then filter + sort (what the view awaited), ${ACCOUNTS} accounts`, unit: 'ms', carnet: allFull.ms, raw: null, budget: `kept ${mb(allFull.kept).toFixed(1)} MB`, pass: true },
    ];
  },
};
