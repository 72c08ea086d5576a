import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { kpis, relativeChange, sumTotals, ZERO_TOTALS, type Totals } from '../../../lib/agency/kpi';
import { evaluateTarget } from '../../../lib/agency/targets';
import { addMonths, isWholeMonths, lastCompleteMonth, monthEnd, previousPeriod } from '../../../lib/agency/dates';
import { byCampaign, dailySeries, monthlySeries, prepareRows, totalsIn, type StatRow } from '../../../lib/agency/series';
import { pacing } from '../../../lib/agency/pacing';

const t = (o: Partial<Totals>): Totals => ({ ...ZERO_TOTALS, ...o });

describe('KPI formulas', () => {
  it('computes CTR, CPC, CPM, CPA, conversion rate and ROAS from totals', () => {
    const k = kpis(t({ spend: 500, impressions: 20_000, clicks: 400, conversions: 20, conversionValue: 2_500 }));
    expect(k.ctr).toBeCloseTo(0.02);
    expect(k.cpc).toBeCloseTo(1.25);
    expect(k.cpm).toBeCloseTo(25);
    expect(k.cpa).toBeCloseTo(25);
    expect(k.conversionRate).toBeCloseTo(0.05);
    expect(k.roas).toBeCloseTo(5);
  });

  it('zero clicks: no CPC and no conversion rate (null, not 0 or Infinity); CTR is 0', () => {
    const k = kpis(t({ spend: 50, impressions: 1_000, clicks: 0, conversions: 0 }));
    expect(k.cpc).toBeNull();
    expect(k.conversionRate).toBeNull();
    expect(k.ctr).toBe(0);
    expect(k.cpa).toBeNull();
    expect(k.roas).toBe(0);
  });

  it('zero spend: no ROAS; CPC, CPM and CPA are 0 when there was delivery', () => {
    const k = kpis(t({ spend: 0, impressions: 1_000, clicks: 10, conversions: 1, conversionValue: 40 }));
    expect(k.roas).toBeNull();
    expect(k.cpc).toBe(0);
    expect(k.cpm).toBe(0);
    expect(k.cpa).toBe(0);
  });

  it('nothing at all: every ratio is null', () => {
    const k = kpis(ZERO_TOTALS);
    expect([k.ctr, k.cpc, k.cpm, k.cpa, k.conversionRate, k.roas]).toEqual([null, null, null, null, null, null]);
  });

  it('ratios come from summed totals, not from averaged daily ratios', () => {
    const days = [t({ spend: 10, conversionValue: 100 }), t({ spend: 990, conversionValue: 990 })];
    expect(kpis(sumTotals(days)).roas).toBeCloseTo(1.09, 2);
  });

  it('property: every KPI is finite or null for any non-negative totals', () => {
    const n = fc.double({ min: 0, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(n, fc.nat(1e9), fc.nat(1e9), n, n, (spend, impressions, clicks, conversions, conversionValue) => {
        const k = kpis({ spend, impressions, clicks, conversions, conversionValue });
        for (const v of [k.ctr, k.cpc, k.cpm, k.cpa, k.conversionRate, k.roas]) expect(v === null || (Number.isFinite(v) && v >= 0)).toBe(true);
        if (spend === 0) expect(k.roas).toBeNull();
        if (spend >= 0.01) expect(k.roas).not.toBeNull();
        expect(k.cpc === null).toBe(clicks === 0);
      }),
    );
  });

  it('relative change has no percentage from zero', () => {
    expect(relativeChange(120, 100)).toBeCloseTo(0.2);
    expect(relativeChange(5, 0)).toBeNull();
    expect(relativeChange(null, 3)).toBeNull();
  });
});

describe('targets', () => {
  const k = (o: Partial<Totals>) => kpis(t(o));
  it('ROAS ≥ 4 and CPA ≤ 30 are met, missed, or without data', () => {
    expect(
      evaluateTarget(k({ spend: 100, conversionValue: 500, conversions: 4, clicks: 10, impressions: 100 }), { metric: 'roas', op: 'min', value: 4 }),
    ).toMatchObject({ status: 'met', gap: 0.25 });
    expect(
      evaluateTarget(k({ spend: 100, conversionValue: 300, conversions: 4, clicks: 10, impressions: 100 }), { metric: 'roas', op: 'min', value: 4 }),
    ).toMatchObject({ status: 'missed', gap: -0.25 });
    expect(evaluateTarget(k({ spend: 120, conversions: 3, clicks: 10, impressions: 100 }), { metric: 'cpa', op: 'max', value: 30 })).toMatchObject({
      status: 'missed',
    });
    expect(evaluateTarget(k({ spend: 90, conversions: 3, clicks: 10, impressions: 100 }), { metric: 'cpa', op: 'max', value: 30 }).status).toBe('met');
  });
  it('spend without conversions misses a CPA target; no spend at all is no data', () => {
    expect(evaluateTarget(k({ spend: 80, clicks: 40, impressions: 1000 }), { metric: 'cpa', op: 'max', value: 30 })).toMatchObject({
      status: 'missed',
      value: null,
    });
    expect(evaluateTarget(k({}), { metric: 'cpa', op: 'max', value: 30 }).status).toBe('no_data');
    expect(evaluateTarget(k({}), { metric: 'roas', op: 'min', value: 4 }).status).toBe('no_data');
    expect(evaluateTarget(k({ spend: 10, impressions: 100 }), { metric: 'roas', op: 'min', value: 4 }).status).toBe('missed');
  });
});

describe('calendar', () => {
  it('previous periods: a month, a quarter, a run of days', () => {
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-03-31' })).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(previousPeriod({ from: '2026-03-10', to: '2026-03-16' })).toEqual({ from: '2026-03-03', to: '2026-03-09' });
    expect(isWholeMonths({ from: '2024-02-01', to: '2024-02-29' })).toBe(true);
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(lastCompleteMonth(new Date('2026-11-03T10:00:00Z'))).toBe('2026-10');
  });
});

const row = (o: Partial<StatRow>): StatRow => ({
  period: 'day',
  date: '2026-10-01',
  endDate: '2026-10-01',
  channel: 'google_ads',
  campaign: 'Brand',
  campaignId: null,
  spend: 0,
  impressions: 0,
  clicks: 0,
  conversions: 0,
  conversionValue: 0,
  currency: 'EUR',
  ...o,
});

describe('series', () => {
  it('daily rows win over a monthly row of the same campaign and month; other campaigns keep theirs', () => {
    const rows = [
      row({ period: 'month', date: '2026-10-01', endDate: '2026-10-31', spend: 999 }),
      row({ date: '2026-10-01', endDate: '2026-10-01', spend: 10 }),
      row({ date: '2026-10-02', endDate: '2026-10-02', spend: 20 }),
      row({ campaign: 'Generic', period: 'month', date: '2026-10-01', endDate: '2026-10-31', spend: 300 }),
    ];
    const { rows: kept } = prepareRows(rows, 'EUR');
    expect(totalsIn(kept, { from: '2026-10-01', to: '2026-10-31' }).totals.spend).toBe(330);
    expect(byCampaign(kept, { from: '2026-10-01', to: '2026-10-31' }).map((c) => [c.campaign, c.totals.spend])).toEqual([
      ['Generic', 300],
      ['Brand', 30],
    ]);
  });

  it('a monthly row partly inside a period is prorated and marked approximate', () => {
    const r = totalsIn([row({ period: 'month', date: '2026-10-01', endDate: '2026-10-31', spend: 310 })], { from: '2026-10-25', to: '2026-11-03' });
    expect(r.totals.spend).toBeCloseTo(70);
    expect(r.approximate).toBe(true);
    expect(r.coveredDays).toBe(7);
  });

  it('rows in another currency are left out, never added to euros', () => {
    const p = prepareRows([row({ spend: 10 }), row({ spend: 5, currency: 'USD', campaign: 'US' })], 'EUR');
    expect(p.rows).toHaveLength(1);
    expect(p.otherCurrency).toBe(1);
  });

  it('daily and monthly series', () => {
    const rows = [
      row({ date: '2026-10-01', endDate: '2026-10-01', spend: 1 }),
      row({ date: '2026-10-03', endDate: '2026-10-03', spend: 3 }),
      row({ period: 'month', campaign: 'X', date: '2026-09-01', endDate: '2026-09-30', spend: 9 }),
    ];
    const d = dailySeries(rows, '2026-10-01', '2026-10-03');
    expect(d.totals.map((x) => x.spend)).toEqual([1, 0, 3]);
    expect(d.hasData).toEqual([true, false, true]);
    const m = monthlySeries(rows, '2026-08', '2026-10');
    expect(m.totals.map((x) => x.spend)).toEqual([0, 9, 4]);
    expect(m.coveredDays).toEqual([0, 30, 2]);
  });
});

describe('pacing', () => {
  const daily = (n: number, spend: number) =>
    Array.from({ length: n }, (_, i) =>
      row({ date: `2026-10-${String(i + 1).padStart(2, '0')}`, endDate: `2026-10-${String(i + 1).padStart(2, '0')}`, spend }),
    );
  it('projects the month at its daily rate and compares with the budget', () => {
    const p = pacing(daily(10, 50), 3100, 0.1, '2026-10-10')!;
    expect(p.projected).toBeCloseTo(1550);
    expect(p.status).toBe('under');
    expect(pacing(daily(10, 100), 3100, 0.1, '2026-10-10')!.status).toBe('on_track');
    expect(pacing(daily(10, 130), 3100, 0.1, '2026-10-10')!.status).toBe('over');
  });
  it('a finished month is judged on what was spent; no budget or the first days: nothing', () => {
    expect(pacing([row({ period: 'month', date: '2026-10-01', endDate: '2026-10-31', spend: 4000 })], 3000, 0.1, '2026-10-31')).toMatchObject({
      complete: true,
      ratio: 4000 / 3000,
      status: 'over',
    });
    expect(pacing(daily(10, 100), null, 0.1, '2026-10-10')).toBeNull();
    expect(pacing(daily(3, 100), 3000, 0.1, '2026-10-03')).toBeNull();
  });
});
