import { h, render } from 'preact';
import { uuidv7 } from 'uuidv7';
import { CarnetDB, setDb, toStored } from '../../lib/db';
import type { Account, Interaction, Score } from '../../lib/schema';
import { NO_FILTER, portfolioPlan, portfolioWindow, type PortfolioQuery } from '../../lib/panel/queries/portfolio';
import { makeConverter } from '../../lib/currency/convert';
import { filterRows, loadPortfolio, sortRows } from '../portfolio-reference';
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
        id,
        createdAt: STAMP,
        updatedAt: STAMP,
        deletedAt: null,
        name: `${WORDS[(k * 7) % WORDS.length]} ${k}`,
        domains: [`c${k}.fr`],
        industry: null,
        size: null,
        owner: OWNERS[k % OWNERS.length]!,
        lifecycleStage: 'active',
        tier: 'standard',
        currency: (['EUR', 'GBP', 'USD'] as const)[k % 3]!,
        annualValue: (k * 7919) % 100_000,
        contractStart: null,
        renewalDate: null,
        churnedAt: null,
        linkedinUrl: null,
        tags: [],
        custom: {},
        notes: null,
      } as Account);
      scores.push({
        accountId: id,
        churnProbability: ((k * 31) % 100) / 100,
        churnModel: 'health',
        reasons: [],
        clv: null,
        clvMethod: 'none',
        segments: [k % 3 ? 'tier:standard' : 'tag:vip'],
        actions: [],
        computedAt: '2026-11-26T00:00:00Z',
      });
      interactions.push({
        id: uuidv7(),
        createdAt: STAMP,
        updatedAt: STAMP,
        deletedAt: null,
        accountId: id,
        contactIds: [],
        channel: 'email',
        direction: 'outbound',
        occurredAt: new Date(Date.parse('2026-01-01T00:00:00Z') + k * 60_000).toISOString(),
        subject: `Objet ${k}`,
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

const MONEY = makeConverter('EUR', { asOf: '2026-01-02', source: 'user', perEur: { GBP: 0.86, USD: 1.08 } });
const QUERIES: [string, PortfolioQuery][] = [
  ['name, Z → A', { sort: 'name', dir: 'desc', filter: NO_FILTER }],
  ['churn risk, highest first', { sort: 'churn', dir: 'desc', filter: NO_FILTER }],
  ['value, highest first (converted)', { sort: 'value', dir: 'desc', filter: NO_FILTER }],
  ['last contact, oldest first', { sort: 'lastContact', dir: 'asc', filter: NO_FILTER }],
  ['owner', { sort: 'owner', dir: 'asc', filter: NO_FILTER }],
  ['filter: name contains "12"', { sort: 'name', dir: 'asc', filter: { ...NO_FILTER, text: '12' } }],
  ['filter: segment', { sort: 'name', dir: 'asc', filter: { ...NO_FILTER, segment: 'tag:vip' } }],
  ['filter: owner', { sort: 'name', dir: 'asc', filter: { ...NO_FILTER, owner: 'Marc Petit' } }],
  ['filter: high risk, by value', { sort: 'value', dir: 'desc', filter: { ...NO_FILTER, risk: 'high' } }],
  [
    'filter: owner + segment + medium risk, by churn',
    { sort: 'churn', dir: 'desc', filter: { ...NO_FILTER, owner: 'Inès Roche', segment: 'tier:standard', risk: 'medium' } },
  ],
];

/**
 * Every other sort and filter: the time to the view's first rows (the plan from index keys, then the first window
 * of 30 rows), several runs each. Raw: the key reads any such plan needs on plain IndexedDB in the same loop (the
 * live accounts in name order, the sort's own index) and the same first page.
 */
async function measureQueries(raw: IDBDatabase, runs: number) {
  const out: { label: string; ms: number[]; raw: number[]; total: number }[] = [];
  for (const [label, q] of QUERIES) {
    const ms: number[] = [];
    const raws: number[] = [];
    let total = 0;
    for (let k = 0; k < runs; k++) {
      raws.push((await time(() => rawKeyPlan(raw, q)))[0]);
      const [t, n] = await time(async () => {
        const plan = await portfolioPlan(q, MONEY);
        await portfolioWindow(q, plan.ids, 0, PAGE);
        return plan.total;
      });
      ms.push(t);
      total = n;
    }
    out.push({ label, ms, raw: raws, total });
  }
  return out;
}

/** Raw IndexedDB: the sortName index's ids, the sort's index (keys and ids, by cursor as any reader of index keys must), 30 rows. */
async function rawKeyPlan(db: IDBDatabase, q: PortfolioQuery): Promise<number> {
  const tx = db.transaction(['accounts', 'scores', 'interactions']);
  const accounts = tx.objectStore('accounts');
  const live = (await req(accounts.index('sortName').getAllKeys())) as string[];
  const index =
    q.sort === 'churn'
      ? tx.objectStore('scores').index('churnProbability')
      : q.sort === 'value'
        ? accounts.index('[currency+annualValue]')
        : q.sort === 'owner'
          ? accounts.index('owner')
          : q.sort === 'lastContact'
            ? tx.objectStore('interactions').index('[accountId+occurredAt]')
            : accounts.index('sortName');
  let n = 0;
  await new Promise<void>((resolve, reject) => {
    const c = index.openKeyCursor();
    c.onsuccess = () => {
      if (!c.result) return resolve();
      n++;
      c.result.continue();
    };
    c.onerror = () => reject(c.error);
  });
  await Promise.all(live.slice(0, PAGE).map((id) => req(accounts.get(id))));
  return n;
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
    const queries = await measureQueries(raw, 7);
    raw.close();
    db.close();
    setDb(null);
    await deleteDb(NAME);
    const mb = (b: number) => b / 1024 / 1024;
    log(
      `first rows at ${small}: median ${median(atSmall.firstRows).toFixed(1)} ms; at ${ACCOUNTS}: median ${median(atFull.firstRows).toFixed(1)} ms, raw median ${median(atFull.raws).toFixed(1)} ms`,
    );
    log(
      `heap kept by the view: ${mb(atSmall.kept).toFixed(2)} MB at ${small}, ${mb(atFull.kept).toFixed(2)} MB at ${ACCOUNTS} (${atFull.rendered} rows in the DOM)`,
    );
    log(
      `load-everything path: ${allSmall.ms.toFixed(0)} ms / ${mb(allSmall.kept).toFixed(1)} MB at ${small}; ${allFull.ms.toFixed(0)} ms / ${mb(allFull.kept).toFixed(1)} MB at ${ACCOUNTS}`,
    );
    for (const r of queries) log(`${r.label}: ${r.total} accounts, median ${median(r.ms).toFixed(0)} ms (raw keys ${median(r.raw).toFixed(0)} ms)`);
    return [
      ...queries.map((r) => ({
        suite: 'portfolio',
        metric: `first rows, ${r.label}, ${ACCOUNTS} accounts (${r.total} shown; p95 of ${r.ms.length}; raw = its index keys + the first page)`,
        unit: 'ms',
        carnet: percentile(r.ms, 95),
        raw: percentile(r.raw, 95),
        budget: '≤ 200 ms',
        pass: percentile(r.ms, 95) <= 200,
      })),
      {
        suite: 'portfolio',
        metric: `first rows of the portfolio, ${ACCOUNTS} accounts (p95; raw = count + same first page, scores, last contacts, same loop)`,
        unit: 'ms',
        carnet: percentile(atFull.firstRows, 95),
        raw: percentile(atFull.raws, 95),
        budget: '—',
        pass: true,
      },
      {
        suite: 'portfolio',
        metric: `first rows of the portfolio, ${small} accounts (p95)`,
        unit: 'ms',
        carnet: percentile(atSmall.firstRows, 95),
        raw: percentile(atSmall.raws, 95),
        budget: '—',
        pass: true,
      },
      {
        suite: 'portfolio',
        metric: `heap kept by the mounted portfolio view, ${small} → ${ACCOUNTS} accounts`,
        unit: 'MB',
        carnet: mb(atFull.kept),
        raw: null,
        budget: `not ∝ accounts (${mb(atSmall.kept).toFixed(2)} MB at ${small})`,
        pass: atFull.kept < Math.max(2 * atSmall.kept, 4 * 1024 * 1024),
      },
      {
        suite: 'portfolio',
        metric: `before: load every row, then filter + sort (what the view awaited), ${ACCOUNTS} accounts`,
        unit: 'ms',
        carnet: allFull.ms,
        raw: null,
        budget: `kept ${mb(allFull.kept).toFixed(1)} MB`,
        pass: true,
      },
    ];
  },
};
