/**
 * Campaign KPIs from additive totals. Every ratio is computed from the totals of the period, never averaged from
 * daily ratios (a day with 3 clicks must not weigh like a day with 3 000). A ratio with a zero denominator is null
 * ("no data"), never 0 or Infinity: CTR and CPM need impressions, CPC and conversion rate need clicks, CPA needs
 * conversions, ROAS needs spend.
 */
import type { KpiMetric } from '../schema/agency-plan';

export interface Totals {
  spend: number;
  impressions: number;
  clicks: number;
  conversions: number;
  conversionValue: number;
}

export interface Kpis extends Totals {
  /** clicks / impressions (a fraction: 0.02 = 2 %). */
  ctr: number | null;
  /** spend / clicks */
  cpc: number | null;
  /** spend per 1 000 impressions */
  cpm: number | null;
  /** spend / conversions */
  cpa: number | null;
  /** conversions / clicks (a fraction) */
  conversionRate: number | null;
  /** conversion value / spend */
  roas: number | null;
}

export const ZERO_TOTALS: Readonly<Totals> = Object.freeze({ spend: 0, impressions: 0, clicks: 0, conversions: 0, conversionValue: 0 });

export function addTotals(a: Totals, b: Totals, share = 1): Totals {
  return {
    spend: a.spend + b.spend * share,
    impressions: a.impressions + b.impressions * share,
    clicks: a.clicks + b.clicks * share,
    conversions: a.conversions + b.conversions * share,
    conversionValue: a.conversionValue + b.conversionValue * share,
  };
}

export function sumTotals(rows: Iterable<Totals>): Totals {
  let t: Totals = { ...ZERO_TOTALS };
  for (const r of rows) t = addTotals(t, r);
  return t;
}

/** num / den, or null without a denominator (or when a denormal denominator would overflow to Infinity). */
function ratio(num: number, den: number, scale = 1): number | null {
  if (!(den > 0)) return null;
  const r = (num / den) * scale;
  return Number.isFinite(r) ? r : null;
}

export function kpis(t: Totals): Kpis {
  return {
    spend: t.spend,
    impressions: t.impressions,
    clicks: t.clicks,
    conversions: t.conversions,
    conversionValue: t.conversionValue,
    ctr: ratio(t.clicks, t.impressions),
    cpc: ratio(t.spend, t.clicks),
    cpm: ratio(t.spend, t.impressions, 1000),
    cpa: ratio(t.spend, t.conversions),
    conversionRate: ratio(t.conversions, t.clicks),
    roas: ratio(t.conversionValue, t.spend),
  };
}

/** Which way is better for each KPI ('neutral': spend is steered by the budget, not maximised). */
export const METRIC_DIRECTION: Record<KpiMetric, 'higher' | 'lower' | 'neutral'> = {
  roas: 'higher',
  cpa: 'lower',
  ctr: 'higher',
  cpc: 'lower',
  cpm: 'lower',
  conversionRate: 'higher',
  conversions: 'higher',
  spend: 'neutral',
  conversionValue: 'higher',
};

/** KPIs whose value is an amount of money (shown in the account's currency). */
export const MONEY_METRICS: ReadonlySet<KpiMetric> = new Set(['cpa', 'cpc', 'cpm', 'spend', 'conversionValue']);
/** KPIs that are fractions (shown as percentages). */
export const RATE_METRICS: ReadonlySet<KpiMetric> = new Set(['ctr', 'conversionRate']);

export function metricValue(k: Kpis, metric: KpiMetric): number | null {
  return k[metric];
}

/**
 * Relative change from `previous` to `current` ((c − p) / p); null when either is missing or the previous value is
 * zero (a change from nothing has no percentage).
 */
export function relativeChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}
