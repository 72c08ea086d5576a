import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeConverter } from '../../../lib/currency/convert';
import type { Account } from '../../../lib/schema';
import { nps, csat, ces, churnStats, averageClv, revenueAtRisk, segmentSizes, monthlyTrends, lastMonths, filterBy } from '../../../lib/scoring/kpi';

const s = (kind: 'nps' | 'csat' | 'ces', score: number, respondedAt = '2026-05-10T10:00:00Z', accountId = 'a1') => ({ kind, score, respondedAt, accountId });
const acc = (id: string, contractStart: string | null, churnedAt: string | null, annualValue: number | null = 1000) => ({
  id,
  contractStart,
  churnedAt,
  annualValue,
  createdAt: '2020-01-01T00:00:00.000Z-0000-node',
  currency: 'EUR',
  lifecycleStage: 'active' as Account['lifecycleStage'],
});
const NOW = Date.parse('2026-06-01T00:00:00Z');
const EUR_ONLY = makeConverter('EUR', { asOf: '2026-01-02', source: 'user', perEur: {} });

describe('kpi', () => {
  it('NPS on hand-computed cases', () => {
    // 3 promoters (9,10,10), 2 passives (7,8), 5 detractors (0..6): (3 − 5) / 10 = −20
    const xs = [9, 10, 10, 7, 8, 0, 3, 6, 6, 5].map((x) => s('nps', x));
    expect(nps(xs)).toEqual({ nps: -20, promoters: 3, passives: 2, detractors: 5, responses: 10 });
    expect(nps([s('nps', 10), s('nps', 9)])!.nps).toBe(100);
    expect(nps([s('nps', 8)])!.nps).toBe(0);
    expect(nps([s('csat', 5)])).toBeNull();
    // only in the period
    expect(nps(xs.concat([s('nps', 0, '2025-01-01T00:00:00Z')]), { from: '2026-05-01', to: '2026-06-01' })!.responses).toBe(10);
  });
  it('CSAT and CES', () => {
    expect(csat([1, 2, 3, 4, 5, 5, 4, 4].map((x) => s('csat', x)))).toBeCloseTo(62.5, 10);
    expect(ces([1, 2, 6].map((x) => s('ces', x)))).toBeCloseTo(3, 10);
    expect(csat([])).toBeNull();
    expect(ces([], undefined)).toBeNull();
  });
  it('churn and retention over a period', () => {
    const accounts = [
      acc('a', '2024-01-01', null),
      acc('b', '2024-01-01', '2025-03-15'), // churned during 2025
      acc('c', '2024-06-01', '2024-12-01'), // gone before 2025
      acc('d', '2025-05-01', null), // acquired in 2025
      acc('e', '2024-02-01', '2026-02-01'), // churns after the period
      acc('f', null, null), // started at creation (2020)
    ];
    const st = churnStats(accounts, { from: '2025-01-01', to: '2026-01-01' });
    expect(st).toEqual({ atStart: 4, churned: 1, retained: 3, acquired: 1, atEnd: 4, churnRate: 0.25, retentionRate: 0.75 });
    const owned = churnStats(accounts, { from: '2025-01-01', to: '2026-01-01' }, (id) => id === 'b' || id === 'a');
    expect(owned.churnRate).toBe(0.5);
    expect(churnStats([], { from: 0, to: 1 }).churnRate).toBeNull();
  });
  it('retention is 1 − churn on the same cohort, on hand-made periods', () => {
    const period = { from: '2025-01-01', to: '2026-01-01' };
    // one account stays; three are won and lost within the period: they are in neither rate
    // (the old (atEnd − acquired) / atStart gave (1 − 3) / 1 = −200 %)
    const wonAndLost = [
      acc('stays', '2024-01-01', null),
      acc('w1', '2025-02-01', '2025-03-01'),
      acc('w2', '2025-04-01', '2025-09-01'),
      acc('w3', '2025-06-01', '2025-12-31'),
    ];
    expect(churnStats(wonAndLost, period)).toMatchObject({ atStart: 1, churned: 0, retained: 1, acquired: 3, atEnd: 1, churnRate: 0, retentionRate: 1 });
    // won and kept: counted at the end, not in the cohort
    const wonAndKept = [acc('old', '2024-01-01', '2025-06-01'), acc('new1', '2025-03-01', null), acc('new2', '2025-07-01', null)];
    expect(churnStats(wonAndKept, period)).toMatchObject({ atStart: 1, churned: 1, retained: 0, acquired: 2, atEnd: 2, churnRate: 1, retentionRate: 0 });
    // the edges: lost on the first day counts as churned; lost on the (exclusive) end date is retained;
    // started on the first day is acquired, not in the cohort
    const edges = [acc('first', '2024-01-01', '2025-01-01'), acc('end', '2024-01-01', '2026-01-01'), acc('day1', '2025-01-01', null)];
    expect(churnStats(edges, period)).toMatchObject({ atStart: 2, churned: 1, retained: 1, acquired: 1, churnRate: 0.5, retentionRate: 0.5 });
    // no cohort: neither rate
    expect(churnStats([acc('w', '2025-02-01', '2025-03-01')], period)).toMatchObject({ atStart: 0, churnRate: null, retentionRate: null });
  });
  it('property: churn + retention = 1, both in [0, 1], on any portfolio and period', () => {
    const day = 86_400_000;
    const base = Date.UTC(2024, 0, 1);
    const iso = (d: number) => new Date(base + d * day).toISOString().slice(0, 10);
    const account = fc.record({
      start: fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }),
      life: fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(account, { maxLength: 40 }), fc.integer({ min: 0, max: 800 }), fc.integer({ min: 1, max: 400 }), (rows, from, len) => {
        const accounts = rows.map((r, i) => acc(`a${i}`, r.start === null ? null : iso(r.start), r.life === null ? null : iso((r.start ?? 0) + r.life)));
        const st = churnStats(accounts, { from: base + from * day, to: base + (from + len) * day });
        expect(st.retained + st.churned).toBe(st.atStart);
        if (st.atStart === 0) {
          expect(st.retentionRate).toBeNull();
          return;
        }
        expect(st.churnRate! + st.retentionRate!).toBeCloseTo(1, 12);
        expect(st.retentionRate).toBeGreaterThanOrEqual(0);
        expect(st.retentionRate).toBeLessThanOrEqual(1);
        // the cohort's survivors counted independently: active at the start and still active at the end
        const to = base + (from + len) * day,
          t0 = base + from * day;
        const startOf = (a: (typeof accounts)[number]) => (a.contractStart ? Date.parse(a.contractStart) : Date.parse('2020-01-01'));
        const lostAt = (a: (typeof accounts)[number]) => (a.churnedAt ? Date.parse(a.churnedAt) : Infinity);
        const survivors = accounts.filter((a) => startOf(a) < t0 && lostAt(a) >= t0 && lostAt(a) >= to).length;
        expect(st.retained).toBe(survivors);
      }),
      { numRuns: 300, seed: 12 },
    );
  });
  it('CLV, revenue at risk, segment sizes, filters', () => {
    const scores = [
      { accountId: 'a', clv: 100, churnProbability: 0.5, segments: ['rfm:champions', 'tag:vip'] },
      { accountId: 'b', clv: null, churnProbability: 0.2, segments: ['rfm:lost'] },
      { accountId: 'c', clv: 300, churnProbability: null, segments: ['rfm:champions'] },
    ];
    const eur = (id: string) => (id ? 'EUR' : undefined);
    expect(averageClv(scores, eur, EUR_ONLY).average).toBe(200);
    expect(averageClv(scores, eur, EUR_ONLY, (id) => id === 'b').average).toBeNull();
    // a lost account (scored 0 with method 'none') and a negative value are no lifetime values to average
    const withLost = [...scores, { accountId: 'lost', clv: 0, clvMethod: 'none' as const }, { accountId: 'bad', clv: -50, clvMethod: 'bgnbd_gg' as const }];
    expect(averageClv(withLost, eur, EUR_ONLY).average).toBe(200);
    const accounts = [acc('a', null, null, 1000), acc('b', null, null, 500), acc('c', null, null, 800), acc('d', null, null, null)];
    expect(revenueAtRisk(accounts, scores, EUR_ONLY, NOW).sum).toBeCloseTo(0.5 * 1000 + 0.2 * 500, 10);
    expect(segmentSizes(scores)).toEqual([
      { segment: 'rfm:champions', count: 2 },
      { segment: 'rfm:lost', count: 1 },
      { segment: 'tag:vip', count: 1 },
    ]);
    const facts = new Map([
      ['a', { owner: 'x' }],
      ['b', { owner: 'y' }],
    ]);
    expect(
      averageClv(
        scores,
        eur,
        EUR_ONLY,
        filterBy(facts, (f) => f.owner === 'x'),
      ).average,
    ).toBe(100);
  });
  it('revenue at risk counts only the accounts that can still be saved', () => {
    const accounts = [
      acc('open', '2024-01-01', null, 1000),
      acc('gone', '2024-01-01', '2026-01-10', 5000), // churned: lost already, not at risk
      { ...acc('stage', '2024-01-01', null, 7000), lifecycleStage: 'churned' as const }, // marked churned, no date
      acc('inferred', '2024-01-01', null, 3000), // the scoring inferred churn (no activity for churnedAfterDays)
      acc('leaving', '2024-01-01', '2026-09-30', 2000), // notice given, leaves later: still savable
    ];
    const scores = [
      { accountId: 'open', churnProbability: 0.4, segments: ['lifecycle:at_risk'] },
      { accountId: 'gone', churnProbability: 1, segments: ['lifecycle:churned'] },
      { accountId: 'stage', churnProbability: 1, segments: ['lifecycle:active'] },
      { accountId: 'inferred', churnProbability: 0.9, segments: ['lifecycle:churned'] },
      { accountId: 'leaving', churnProbability: 0.8, segments: ['lifecycle:at_risk'] },
    ];
    const r = revenueAtRisk(accounts, scores, EUR_ONLY, NOW);
    expect(r.sum).toBeCloseTo(0.4 * 1000 + 0.8 * 2000, 10);
    expect(r.counted).toBe(2);
  });
  it('a portfolio in €, £ and $ is summed in the reporting currency, at the table’s rates', () => {
    // 1 EUR = 0.8 GBP = 1.25 USD (round numbers, so the totals can be checked by hand)
    const table = { asOf: '2026-01-02', source: 'user' as const, perEur: { GBP: 0.8, USD: 1.25 } };
    const accounts = [
      { ...acc('fr', null, null, 1000), currency: 'EUR' },
      { ...acc('uk', null, null, 800), currency: 'GBP' },
      { ...acc('us', null, null, 2500), currency: 'USD' },
      { ...acc('jp', null, null, 900000), currency: 'JPY' }, // no rate: left out, said so
    ];
    const scores = [
      { accountId: 'fr', clv: 2000, churnProbability: 0.5, segments: [] },
      { accountId: 'uk', clv: 1600, churnProbability: 0.25, segments: [] },
      { accountId: 'us', clv: 5000, churnProbability: 0.1, segments: [] },
      { accountId: 'jp', clv: 3_000_000, churnProbability: 0.9, segments: [] },
    ];
    const currencyOf = (id: string) => accounts.find((a) => a.id === id)?.currency;
    const inEur = makeConverter('EUR', table);
    // at risk: 0.5 × 1000 € + 0.25 × 800 £ (= 250 €) + 0.1 × 2500 $ (= 200 €) = 950 €
    const risk = revenueAtRisk(accounts, scores, inEur, NOW);
    expect(risk).toMatchObject({ currency: 'EUR', counted: 3, converted: 2, leftOut: ['jp'], leftOutCurrencies: ['JPY'] });
    expect(risk.sum).toBeCloseTo(950, 9);
    // average CLV: (2000 € + 1600 £ (= 2000 €) + 5000 $ (= 4000 €)) / 3 = 2666.67 €
    const clv = averageClv(scores, currencyOf, inEur);
    expect(clv.average).toBeCloseTo(8000 / 3, 9);
    expect(clv.leftOutCurrencies).toEqual(['JPY']);
    // the same portfolio reported in £ and in $: the same money
    const inGbp = makeConverter('GBP', table);
    expect(revenueAtRisk(accounts, scores, inGbp, NOW).sum).toBeCloseTo(950 * 0.8, 9);
    expect(averageClv(scores, currencyOf, makeConverter('USD', table)).average).toBeCloseTo((8000 / 3) * 1.25, 9);
    // the old sum would have added the figures as if they were one currency
    expect(risk.sum).not.toBeCloseTo(0.5 * 1000 + 0.25 * 800 + 0.1 * 2500 + 0.9 * 900000, 0);
  });
  it('property: the reporting currency does not change the money, only its unit', () => {
    const code = fc.constantFrom('EUR', 'GBP', 'USD', 'CHF');
    const row = fc.record({ currency: code, value: fc.double({ min: 0, max: 1e7, noNaN: true }), p: fc.double({ min: 0, max: 1, noNaN: true }) });
    const table = { asOf: '2026-01-02', source: 'user' as const, perEur: { GBP: 0.87, USD: 1.16, CHF: 0.93 } };
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), code, (rows, target) => {
        const accounts = rows.map((r, i) => ({ ...acc(`a${i}`, null, null, r.value), currency: r.currency }));
        const scores = rows.map((r, i) => ({ accountId: `a${i}`, clv: r.value, churnProbability: r.p, segments: [] }));
        const inEur = revenueAtRisk(accounts, scores, makeConverter('EUR', table), NOW).sum;
        const inTarget = revenueAtRisk(accounts, scores, makeConverter(target, table), NOW).sum;
        const rate = target === 'EUR' ? 1 : table.perEur[target as 'GBP'];
        expect(Math.abs(inTarget - inEur * rate)).toBeLessThanOrEqual(1e-9 * Math.max(1, inEur * rate));
      }),
      { numRuns: 200, seed: 12 },
    );
  });
  it('monthly series the chart can draw', () => {
    const months = lastMonths(new Date('2026-03-15T00:00:00Z'), 3);
    expect(months.map((m) => m.key)).toEqual(['2026-01', '2026-02', '2026-03']);
    const tr = monthlyTrends(
      {
        accounts: [acc('a', '2025-01-01', '2026-02-10'), acc('b', '2025-01-01', null)],
        surveys: [s('nps', 10, '2026-01-05T00:00:00Z', 'a'), s('nps', 0, '2026-03-02T00:00:00Z', 'b')],
      },
      new Date('2026-03-15T00:00:00Z'),
      3,
    );
    expect(tr.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(tr.nps).toEqual([100, null, -100]);
    expect(tr.churnRate).toEqual([0, 0.5, 0]);
    expect(tr.activeAccounts).toEqual([2, 1, 1]);
  });
});
