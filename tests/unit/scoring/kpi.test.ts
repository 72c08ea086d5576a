import { describe, expect, it } from 'vitest';
import { nps, csat, ces, churnStats, averageClv, revenueAtRisk, segmentSizes, monthlyTrends, lastMonths, filterBy } from '../../../lib/scoring/kpi';

const s = (kind: 'nps' | 'csat' | 'ces', score: number, respondedAt = '2026-05-10T10:00:00Z', accountId = 'a1') => ({ kind, score, respondedAt, accountId });
const acc = (id: string, contractStart: string | null, churnedAt: string | null, annualValue: number | null = 1000) => ({
  id, contractStart, churnedAt, annualValue, createdAt: '2020-01-01T00:00:00.000Z-0000-node',
});

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
    expect(st).toEqual({ atStart: 4, churned: 1, acquired: 1, atEnd: 4, churnRate: 0.25, retentionRate: 0.75 });
    const owned = churnStats(accounts, { from: '2025-01-01', to: '2026-01-01' }, (id) => id === 'b' || id === 'a');
    expect(owned.churnRate).toBe(0.5);
    expect(churnStats([], { from: 0, to: 1 }).churnRate).toBeNull();
  });
  it('CLV, revenue at risk, segment sizes, filters', () => {
    const scores = [
      { accountId: 'a', clv: 100, churnProbability: 0.5, segments: ['rfm:champions', 'tag:vip'] },
      { accountId: 'b', clv: null, churnProbability: 0.2, segments: ['rfm:lost'] },
      { accountId: 'c', clv: 300, churnProbability: null, segments: ['rfm:champions'] },
    ];
    expect(averageClv(scores)).toBe(200);
    expect(averageClv(scores, (id) => id === 'b')).toBeNull();
    const accounts = [acc('a', null, null, 1000), acc('b', null, null, 500), acc('c', null, null, 800), acc('d', null, null, null)];
    expect(revenueAtRisk(accounts, scores)).toBeCloseTo(0.5 * 1000 + 0.2 * 500, 10);
    expect(segmentSizes(scores)).toEqual([{ segment: 'rfm:champions', count: 2 }, { segment: 'rfm:lost', count: 1 }, { segment: 'tag:vip', count: 1 }]);
    const facts = new Map([['a', { owner: 'x' }], ['b', { owner: 'y' }]]);
    expect(averageClv(scores, filterBy(facts, (f) => f.owner === 'x'))).toBe(100);
  });
  it('monthly series the chart can draw', () => {
    const months = lastMonths(new Date('2026-03-15T00:00:00Z'), 3);
    expect(months.map((m) => m.key)).toEqual(['2026-01', '2026-02', '2026-03']);
    const tr = monthlyTrends(
      { accounts: [acc('a', '2025-01-01', '2026-02-10'), acc('b', '2025-01-01', null)], surveys: [s('nps', 10, '2026-01-05T00:00:00Z', 'a'), s('nps', 0, '2026-03-02T00:00:00Z', 'b')] },
      new Date('2026-03-15T00:00:00Z'),
      3,
    );
    expect(tr.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(tr.nps).toEqual([100, null, -100]);
    expect(tr.churnRate).toEqual([0, 0.5, 0]);
    expect(tr.activeAccounts).toEqual([2, 1, 1]);
  });
});
