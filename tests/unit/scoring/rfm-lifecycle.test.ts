import { describe, expect, it } from 'vitest';
import { quintileScores, rfmScores, rfmLabel } from '../../../lib/scoring/rfm';
import { lifecycleStage, LifecycleThresholds, valueTier, valueTierCuts } from '../../../lib/scoring/lifecycle';
import { clvFromAnnualValue, clvFromModels, monthlyRate } from '../../../lib/scoring/clv';
import { expectedTransactions } from '../../../lib/scoring/bgnbd';

describe('rfm', () => {
  it('scores 10 distinct values two per quintile', () => {
    expect(quintileScores([10, 1, 9, 2, 8, 3, 7, 4, 6, 5])).toEqual([5, 1, 5, 1, 4, 2, 4, 2, 3, 3]);
  });
  it('gives equal values equal scores whatever the order', () => {
    const v = [0, 0, 0, 0, 0, 0, 5, 5, 9, 12];
    const s = quintileScores(v);
    expect(new Set(s.slice(0, 6)).size).toBe(1);
    expect(s[6]).toBe(s[7]);
    const rev = quintileScores([...v].reverse());
    expect(rev).toEqual([...s].reverse());
    expect(quintileScores([3, 3, 3])).toEqual([3, 3, 3]);
    expect(quintileScores([])).toEqual([]);
  });
  it('scores recency inverted, never-active last, and labels', () => {
    const m = rfmScores([
      { id: 'a', recencyDays: 2, frequency: 20, monetary: 1000 },
      { id: 'b', recencyDays: 400, frequency: 1, monetary: 10 },
      { id: 'c', recencyDays: null, frequency: 0, monetary: 0 },
      { id: 'd', recencyDays: 30, frequency: 5, monetary: 300 },
      { id: 'e', recencyDays: 200, frequency: 15, monetary: 900 },
    ]);
    expect(m.get('a')).toEqual({ r: 5, f: 5, m: 5, label: 'champions' });
    expect(m.get('c')!.r).toBe(1);
    expect(m.get('b')!.r).toBe(2);
    expect(m.get('e')).toEqual({ r: 3, f: 4, m: 4, label: 'loyal' });
    expect(rfmLabel(1, 1)).toBe('lost');
    expect(rfmLabel(5, 1)).toBe('recent');
    expect(rfmLabel(2, 3)).toBe('at_risk');
  });
});

describe('lifecycle', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const base = { churnedAt: null, startedAt: '2024-01-01', lastActivityAt: '2026-05-20T00:00:00Z', churnProbability: 0.1 };
  it('applies the documented order and thresholds', () => {
    expect(lifecycleStage(base, now)).toBe('active');
    expect(lifecycleStage({ ...base, churnedAt: '2026-05-01' }, now)).toBe('churned');
    expect(lifecycleStage({ ...base, churnedAt: '2026-07-01' }, now)).toBe('active');
    expect(lifecycleStage({ ...base, startedAt: '2026-05-01' }, now)).toBe('new');
    expect(lifecycleStage({ ...base, lastActivityAt: '2026-03-01T00:00:00Z' }, now)).toBe('at_risk');
    expect(lifecycleStage({ ...base, lastActivityAt: '2025-12-01T00:00:00Z' }, now)).toBe('dormant');
    expect(lifecycleStage({ ...base, churnProbability: 0.7 }, now)).toBe('at_risk');
    expect(lifecycleStage({ ...base, lastActivityAt: null }, now)).toBe('dormant');
  });
  it('takes user thresholds validated by zod', () => {
    const th = LifecycleThresholds.parse({ dormantDays: 30, churnedAfterDays: 365 });
    expect(th.atRiskDays).toBe(60);
    expect(lifecycleStage({ ...base, lastActivityAt: '2026-04-20T00:00:00Z' }, now, th)).toBe('dormant');
    expect(lifecycleStage({ ...base, lastActivityAt: '2025-04-20T00:00:00Z' }, now, th)).toBe('churned');
    const bad = LifecycleThresholds.safeParse({ atRiskProbability: 2 });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toContain('atRiskProbability');
  });
  it('value tiers from CLV percentiles', () => {
    const cuts = valueTierCuts([null, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(cuts).toEqual({ high: 90, medium: 60 });
    expect(valueTier(95, cuts)).toBe('high');
    expect(valueTier(60, cuts)).toBe('medium');
    expect(valueTier(5, cuts)).toBe('low');
    expect(valueTier(null, cuts)).toBeNull();
    expect(valueTierCuts([null])).toBeNull();
  });
});

describe('clv', () => {
  it('annual value × discounted expected years', () => {
    // no churn, no discount: exactly annualValue × years
    expect(clvFromAnnualValue(1200, 0, { annualDiscountRate: 0, horizonMonths: 24 }).clv).toBeCloseTo(2400, 9);
    expect(monthlyRate(0.1)).toBeCloseTo(Math.pow(1.1, 1 / 12) - 1, 15);
    // 10% discount: 100 × Σ 1.1^(-m/12), m = 1..12
    let want = 0;
    for (let m = 1; m <= 12; m++) want += 100 / Math.pow(1.1, m / 12);
    expect(clvFromAnnualValue(1200, 0, { annualDiscountRate: 0.1, horizonMonths: 12 }).clv).toBeCloseTo(want, 9);
    const risky = clvFromAnnualValue(1200, 0.5, { annualDiscountRate: 0.1, horizonMonths: 12 });
    expect(risky.clv!).toBeLessThan(want);
    expect(risky.method).toBe('annual_value');
    expect(clvFromAnnualValue(null, 0.1)).toEqual({ clv: null, method: 'none' });
  });
  it('BG/NBD × Gamma-Gamma, discounted, grows with the horizon', () => {
    const bg = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const gg = { p: 6.25, q: 3.74, v: 15.44 };
    const h = { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 };
    const undiscounted = clvFromModels(bg, gg, h, { annualDiscountRate: 0, horizonMonths: 12 });
    const spend = (6.25 * (15.44 + 2 * 22.35)) / (6.25 * 2 + 3.74 - 1);
    expect(undiscounted.clv!).toBeCloseTo(expectedTransactions(bg, 12 * (52.1775 / 12), 2, 30.43, 38.86) * spend, 9);
    const c12 = clvFromModels(bg, gg, h, { annualDiscountRate: 0.1, horizonMonths: 12 }).clv!;
    const c36 = clvFromModels(bg, gg, h, { annualDiscountRate: 0.1, horizonMonths: 36 }).clv!;
    expect(c12).toBeLessThan(undiscounted.clv!);
    expect(c36).toBeGreaterThan(c12);
  });
});
