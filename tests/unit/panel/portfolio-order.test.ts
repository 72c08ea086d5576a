import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CarnetDB, getDb, insertMany, remove, setDb } from '../../../lib/db';
import { insert } from '../../../lib/db/write';
import { makeConverter } from '../../../lib/currency/convert';
import {
  NO_FILTER,
  portfolioFacets,
  portfolioPlan,
  portfolioWindow,
  type PortfolioFilter,
  type PortfolioQuery,
  type SortKey,
} from '../../../lib/panel/queries/portfolio';
import { filterRows, loadPortfolio, sortRows } from '../../../bench/portfolio-reference';

const money = makeConverter('EUR', { asOf: '2026-01-02', source: 'user', perEur: { GBP: 0.8, USD: 1.25 } });

const NAMES = ['Acme', 'acme', 'Étoile', 'Zeta', 'Client 2', 'Client 10', 'Beta', 'béta', 'Ω Omega', 'Atelier'];
const OWNERS = [null, 'Inès', 'ines', 'Marc', 'Zoë'];
const SEGMENTS = ['tag:vip', 'tier:key', 'at_risk'];

const account = fc.record({
  name: fc.constantFrom(...NAMES),
  owner: fc.constantFrom(...OWNERS),
  annualValue: fc.option(fc.integer({ min: 0, max: 200_000 }), { nil: null }),
  currency: fc.constantFrom('EUR', 'GBP', 'USD', 'JPY'),
  deleted: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
  score: fc.option(fc.record({ churn: fc.option(fc.constantFrom(0, 0.1, 0.29, 0.3, 0.45, 0.6, 0.6, 0.95), { nil: null }), segments: fc.subarray(SEGMENTS) }), {
    nil: null,
  }),
  contacts: fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 3 }),
});
const filter: fc.Arbitrary<PortfolioFilter> = fc.record({
  text: fc.constantFrom('', '', 'a', 'É', 'client', ' ta '),
  segment: fc.constantFrom('', '', ...SEGMENTS),
  owner: fc.constantFrom('', '', 'Inès', 'Marc', 'nobody'),
  risk: fc.constantFrom('', '', 'high', 'medium', 'low', 'unknown') as fc.Arbitrary<PortfolioFilter['risk']>,
});
const query: fc.Arbitrary<PortfolioQuery> = fc.record({
  sort: fc.constantFrom<SortKey>('name', 'churn', 'value', 'lastContact', 'owner'),
  dir: fc.constantFrom<'asc' | 'desc'>('asc', 'desc'),
  filter,
});

let run = 0;
type AccountCase = typeof account extends fc.Arbitrary<infer T> ? T : never;
async function seed(accounts: AccountCase[]) {
  setDb(new CarnetDB(`portfolio-order-${run++}`));
  const stored = accounts.length
    ? await insertMany(
        'accounts',
        accounts.map((a) => ({ name: a.name, owner: a.owner, annualValue: a.annualValue, currency: a.currency })),
      )
    : [];
  for (let i = 0; i < accounts.length; i++) {
    const a = accounts[i]!;
    const id = stored[i]!.id;
    for (const day of a.contacts)
      await insert('interactions', { channel: 'call', accountId: id, occurredAt: new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString() });
    if (a.score)
      await getDb().scores.put({
        accountId: id,
        churnProbability: a.score.churn,
        churnModel: 'health',
        reasons: [],
        clv: null,
        clvMethod: 'none',
        segments: a.score.segments,
        actions: [],
        computedAt: '2026-03-01T00:00:00Z',
      });
    if (a.deleted) await remove('accounts', id);
  }
}

describe('portfolio order from index keys', () => {
  it('gives the same accounts in the same order as loading, filtering and sorting every row, for any sort and filter', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(account, { maxLength: 24 }), fc.array(query, { minLength: 1, maxLength: 6 }), async (accounts, queries) => {
        await seed(accounts);
        const rows = await loadPortfolio();
        for (const q of queries) {
          const expected = sortRows(filterRows(rows, q.filter), q.sort, q.dir, money).map((r) => r.id);
          const plan = await portfolioPlan(q, money);
          const ids = plan.ids ?? (await portfolioWindow(q, null, 0, 1000)).map((r) => r!.id);
          expect({ q, ids }).toEqual({ q, ids: expected });
          expect(plan.total).toBe(expected.length);
          expect(plan.all).toBe(rows.length);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('compares values in €, £ and $ in one currency; a value without a rate goes with the missing ones', async () => {
    setDb(new CarnetDB('portfolio-value'));
    // 90 000 £ = 112 500 €, 130 000 $ = 104 000 €, 100 000 €; the yen has no rate
    await insertMany('accounts', [
      { name: 'Paris', annualValue: 100_000, currency: 'EUR' },
      { name: 'London', annualValue: 90_000, currency: 'GBP' },
      { name: 'Boston', annualValue: 130_000, currency: 'USD' },
      { name: 'Tokyo', annualValue: 9_000_000, currency: 'JPY' },
      { name: 'None', annualValue: null, currency: 'EUR' },
    ]);
    const names = async (q: PortfolioQuery, m: typeof money | undefined) => {
      const plan = await portfolioPlan(q, m);
      return (await portfolioWindow(q, plan.ids, 0, 10)).map((r) => r!.name);
    };
    expect(await names({ sort: 'value', dir: 'desc', filter: NO_FILTER }, money)).toEqual(['London', 'Boston', 'Paris', 'None', 'Tokyo']);
    expect(await names({ sort: 'value', dir: 'asc', filter: NO_FILTER }, money)).toEqual(['Paris', 'Boston', 'London', 'None', 'Tokyo']);
    // without a converter: the figures as they are
    expect(await names({ sort: 'value', dir: 'desc', filter: NO_FILTER }, undefined)).toEqual(['Tokyo', 'Boston', 'Paris', 'London', 'None']);
  });

  it('lists owners and segments for the filter menus from the indexes', async () => {
    setDb(new CarnetDB('portfolio-facets'));
    const [a, b] = await insertMany('accounts', [
      { name: 'A', owner: 'Zoé' },
      { name: 'B', owner: null },
    ]);
    await getDb().scores.bulkPut([
      {
        accountId: a!.id,
        churnProbability: 0.9,
        churnModel: 'health',
        reasons: [],
        clv: null,
        clvMethod: 'none',
        segments: ['vip', 'at_risk'],
        actions: [],
        computedAt: '2026-03-01T00:00:00Z',
      },
      {
        accountId: b!.id,
        churnProbability: null,
        churnModel: 'health',
        reasons: [],
        clv: null,
        clvMethod: 'none',
        segments: ['vip'],
        actions: [],
        computedAt: '2026-03-01T00:00:00Z',
      },
    ]);
    expect(await portfolioFacets()).toEqual({ owners: ['Zoé'], segments: ['at_risk', 'vip'] });
  });
});
