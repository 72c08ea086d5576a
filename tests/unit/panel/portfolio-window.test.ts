import { describe, it, expect } from 'vitest';
import { insertMany, insert, remove, update, getDb, nameSortKey } from '../../../lib/db';
import { portfolioPlan, portfolioWindow, portfolioFacets, pagesThroughIndex, NO_FILTER, type PortfolioQuery } from '../../../lib/panel/queries/portfolio';

const N = 250;
const q = (o: Partial<PortfolioQuery> = {}): PortfolioQuery => ({ sort: 'name', dir: 'asc', filter: NO_FILTER, ...o });

/** "Client 0" … "Client 249" (numbers compare as numbers), every 10th deleted, value i, churn i/N on odd i. */
async function seed() {
  const accounts = await insertMany(
    'accounts',
    Array.from({ length: N }, (_, i) => ({ name: `Client ${i}`, owner: i % 3 ? `Owner ${i % 3}` : null, annualValue: i })),
  );
  for (let i = 0; i < N; i += 10) await remove('accounts', accounts[i]!.id);
  await getDb().scores.bulkPut(
    accounts
      .filter((_, i) => i % 2 === 1)
      .map((a, k) => ({
        accountId: a.id,
        churnProbability: (2 * k + 1) / N,
        churnModel: 'health' as const,
        reasons: [],
        clv: null,
        clvMethod: 'none' as const,
        segments: [k % 2 ? 'tag:vip' : 'tier:key'],
        actions: [],
        computedAt: '2026-03-01T00:00:00Z',
      })),
  );
  return accounts;
}
const live = Array.from({ length: N }, (_, i) => i).filter((i) => i % 10 !== 0);

describe('portfolio windows', () => {
  it('pages the default view (name, no filter) through the sortName index: numeric-aware order, tombstones skipped', async () => {
    const accounts = await seed();
    await insert('interactions', { channel: 'call', accountId: accounts[101]!.id, occurredAt: '2026-01-01T00:00:00Z' });
    await insert('interactions', { channel: 'call', accountId: accounts[101]!.id, occurredAt: '2026-02-01T00:00:00Z' });
    expect(pagesThroughIndex(q())).toBe(true);
    const plan = await portfolioPlan(q());
    expect(plan).toEqual({ all: live.length, total: live.length, ids: null });
    const rows = await portfolioWindow(q(), null, 90, 5);
    expect(rows.map((r) => r?.name)).toEqual(live.slice(90, 95).map((i) => `Client ${i}`));
    const desc = await portfolioWindow(q({ dir: 'desc' }), null, 0, 3);
    expect(desc.map((r) => r?.name)).toEqual(['Client 249', 'Client 248', 'Client 247']);
    // the window's rows carry their score and their last contact
    const w = await portfolioWindow(q(), null, live.indexOf(101), 1);
    expect(w[0]).toMatchObject({ name: 'Client 101', churn: expect.any(Number), lastContact: '2026-02-01T00:00:00Z', value: 101 });
  });

  it('a rename moves the account in the index; a delete leaves it', async () => {
    const accounts = await seed();
    await update('accounts', accounts[5]!.id, { name: 'Aardvark' });
    expect((await portfolioWindow(q(), null, 0, 1))[0]?.name).toBe('Aardvark');
    await remove('accounts', accounts[5]!.id);
    expect((await portfolioWindow(q(), null, 0, 1))[0]?.name).toBe('Client 1');
    expect((await portfolioPlan(q())).all).toBe(live.length - 1);
  });

  it('a sort without an index (value, churn) or a filter orders ids once, then reads only the window', async () => {
    await seed();
    const byValue = await portfolioPlan(q({ sort: 'value', dir: 'desc' }));
    expect(byValue.total).toBe(live.length);
    expect((await portfolioWindow(q({ sort: 'value', dir: 'desc' }), byValue.ids, 0, 3)).map((r) => r?.value)).toEqual([249, 248, 247]);
    // churn descending: scored (odd) accounts from the highest, then the unscored in name order
    const churn = q({ sort: 'churn', dir: 'desc' });
    const plan = await portfolioPlan(churn);
    const scoredLive = live.filter((i) => i % 2 === 1);
    const first = await portfolioWindow(churn, plan.ids, 0, 2);
    expect(first.map((r) => r?.name)).toEqual([`Client ${scoredLive.at(-1)}`, `Client ${scoredLive.at(-2)}`]);
    const tail = await portfolioWindow(churn, plan.ids, scoredLive.length, 2);
    expect(tail.map((r) => [r?.name, r?.churn])).toEqual([
      ['Client 2', null],
      ['Client 4', null],
    ]);
    // a filter: high risk (churn ≥ 0.6) and owner 1
    const f = q({ filter: { ...NO_FILTER, risk: 'high', owner: 'Owner 1' } });
    const fp = await portfolioPlan(f);
    const rows = await portfolioWindow(f, fp.ids, 0, 1000);
    expect(rows.length).toBe(fp.total);
    expect(rows.every((r) => r!.owner === 'Owner 1' && r!.churn! >= 0.6)).toBe(true);
    expect(rows.map((r) => r!.name)).toEqual([...rows.map((r) => r!.name)].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : 1)));
    expect(fp.total).toBe(live.filter((i) => i % 3 === 1 && i % 2 === 1 && i / N >= 0.6).length);
  });

  it('facets list the owners and segments present', async () => {
    await seed();
    expect(await portfolioFacets()).toEqual({ owners: ['Owner 1', 'Owner 2'], segments: ['tag:vip', 'tier:key'] });
  });

  it('facets read every score, past the first chunk', async () => {
    const ids = Array.from({ length: 4500 }, (_, i) => `0190a0a0-0000-7000-8000-${String(i).padStart(12, '0')}`);
    await getDb().scores.bulkPut(
      ids.map((accountId, i) => ({
        accountId,
        churnProbability: null,
        churnModel: 'none' as const,
        reasons: [],
        clv: null,
        clvMethod: 'none' as const,
        segments: i === 4499 ? ['tag:last'] : i === 0 ? ['tag:first'] : [],
        actions: [],
        computedAt: '2026-03-01T00:00:00Z',
      })),
    );
    expect((await portfolioFacets()).segments).toEqual(['tag:first', 'tag:last']);
  });
});
