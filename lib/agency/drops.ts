/**
 * Is the latest week (or month) of a KPI a real drop, judged against the account's own recent variation?
 *
 * A two-sample robust z-test on ratios. Each KPI is a ratio of two additive totals (conversions per day, value per
 * unit of spend, spend per conversion). The window (the last 7, 14 or 28 days: the shortest that usually holds 30
 * conversions, so a small account is not judged on a handful) is compared with the baseline (the 84 days before
 * it). The size of chance comes from the baseline's own day-to-day residuals (a robust standard deviation, Poisson
 * at least for counts), carried to both sides' totals by the delta method; the spread of the baseline's own
 * windows is a floor on it, because real series drift over days in a way single days do not show. A KPI is
 * flagged when it lies `z` standard errors on its bad side and has moved by at least `minChange` (a statistically
 * clear 5 % dip on a very steady account is not worth a call to the client). Windows of whole weeks cancel the
 * weekday pattern. With monthly rows only, the latest month is judged against up to the 12 before it.
 *
 * Rates measured on synthetic series with known change points (tests/unit/agency/drops.test.ts prints them; the
 * figures are in bench/README.md): 0.5 % of daily checks of a stable account raise a false alarm; a 50 % drop in
 * conversion rate is caught within 28 days for 95–100 % of accounts (after 3.5 days on average for a large account,
 * 17 for a small one), a 30 % drop for 35 % (small), 90 % (medium) and 100 % (large) of them.
 */
import { METRIC_DIRECTION, sumTotals, type Totals } from './kpi';
import type { KpiMetric } from '../schema/agency-plan';

export const DROP_METRICS = ['conversions', 'roas', 'cpa', 'conversionValue'] as const satisfies readonly KpiMetric[];
export type DropMetric = (typeof DROP_METRICS)[number];

export interface DropOptions {
  /** Days (or months) in the window judged. */
  window: number;
  /** Days (or months) before the window that make the baseline. */
  baseline: number;
  /** Fewer baseline values than this: no judgement. */
  minBaseline: number;
  /** Spreads on the bad side of the median for an alarm. */
  z: number;
  /** Smallest relative change (on the bad side) worth an alarm. */
  minChange: number;
  /** The spread is at least this share of the median (a baseline with no variation at all). */
  floor: number;
  /** The spread of the baseline's own windows is a floor on the standard error (guards against drifting series). */
  windowFloor: boolean;
}

export const DAILY_DROP_OPTIONS: DropOptions = { window: 7, baseline: 84, minBaseline: 21, z: 2.5, minChange: 0.15, floor: 0.03, windowFloor: true };
export const MONTHLY_DROP_OPTIONS: DropOptions = { window: 1, baseline: 12, minBaseline: 5, z: 3, minChange: 0.15, floor: 0.03, windowFloor: true };

/** The daily options for this series: its window (see adaptiveWindow) and at least three windows of baseline. */
export function dailyOptionsFor(series: readonly Totals[], base: DropOptions = DAILY_DROP_OPTIONS): DropOptions {
  const window = adaptiveWindow(series, 30, base.baseline);
  return { ...base, window, minBaseline: Math.max(base.minBaseline, 3 * window) };
}

export interface RobustStats {
  median: number;
  /** 1.4826 × MAD: a normal sample's standard deviation. */
  spread: number;
  n: number;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function robustStats(xs: readonly number[]): RobustStats {
  const m = median(xs);
  return { median: m, spread: 1.4826 * median(xs.map((x) => Math.abs(x - m))), n: xs.length };
}

export interface DropCheck {
  metric: DropMetric;
  /** The window's value and the baseline's. */
  current: number;
  expected: number;
  /** (current − expected) / expected */
  change: number;
  /** Standard errors on the bad side of the baseline (negative = on the good side). */
  z: number;
  /** The usual range for a window: expected ∓ z standard errors, in the KPI's unit. */
  low: number;
  high: number;
  alarm: boolean;
  /** Days (or months) in the window and in the baseline. */
  window: number;
  baselineSize: number;
}

/** Each KPI judged as a ratio of two additive totals: conversions per day, value per unit of spend, spend per conversion. */
const PARTS: Record<DropMetric, (t: Totals) => [number, number]> = {
  conversions: (t) => [t.conversions, 1],
  conversionValue: (t) => [t.conversionValue, 1],
  roas: (t) => [t.conversionValue, t.spend],
  cpa: (t) => [t.spend, t.conversions],
};

/**
 * Judges the last `window` entries of a regular series (days or months, oldest first, gaps as zero totals)
 * against the `baseline` entries before them. Null when there is not enough history or the KPI has no value in
 * the window (ROAS without spend).
 *
 * Each KPI is a ratio r = ΣN / ΣD of two daily totals (see PARTS). Under "no change", the window's ratio differs
 * from the baseline's only by chance; the size of chance comes from the baseline's own day-to-day residuals
 * e = N − r·D (their robust standard deviation σ): se = σ·√(W/ΣD_w² + B/ΣD_b²) (the delta method, both sides'
 * noise). Real series drift over several days, which day-level residuals do not see, so the spread of the
 * baseline's own windows (1.4826 × MAD of every W-day window's KPI) is a floor on se.
 */
export function checkDrop(series: readonly Totals[], metric: DropMetric, opts: DropOptions): DropCheck | null {
  const n = series.length;
  const w = opts.window;
  if (n < w + opts.minBaseline) return null;
  const split = PARTS[metric];
  const start = Math.max(0, n - w - opts.baseline);
  const base = series.slice(start, n - w);
  const win = series.slice(n - w);
  const sum = (rows: readonly Totals[]): [number, number] => {
    let a = 0;
    let b = 0;
    for (const t of rows) {
      const [x, y] = split(t);
      a += x;
      b += y;
    }
    return [a, b];
  };
  const [nw, dw] = sum(win);
  const [nb, db] = sum(base);
  if (dw <= 0 || db <= 0) return null;
  const current = nw / dw;
  const expected = nb / db;
  if (expected === 0) return null;
  const residuals = base.map((t) => {
    const [x, y] = split(t);
    return x - expected * y;
  });
  let sigma = robustStats(residuals).spread;
  // Counts: never less noisy than Poisson (a quiet account's MAD can be 0 on integer days).
  if (metric === 'conversions') sigma = Math.max(sigma, Math.sqrt(expected));
  let se = sigma * Math.sqrt(w / (dw * dw) + base.length / (db * db));
  const windows: number[] = [];
  for (let i = 0; i + w <= base.length; i++) {
    const [x, y] = sum(base.slice(i, i + w));
    if (y > 0) windows.push(x / y);
  }
  if (windows.length < Math.max(3, opts.minBaseline - w + 1)) return null;
  se = Math.max(se, opts.windowFloor ? robustStats(windows).spread : 0, opts.floor * Math.abs(expected), 1e-9);
  const sign = METRIC_DIRECTION[metric] === 'lower' ? 1 : -1;
  const z = (sign * (current - expected)) / se;
  const change = (current - expected) / Math.abs(expected);
  return {
    metric,
    current,
    expected,
    change,
    z,
    low: expected - opts.z * se,
    high: expected + opts.z * se,
    alarm: z >= opts.z && sign * change >= opts.minChange,
    window: w,
    baselineSize: base.length,
  };
}

/**
 * Days per window for a daily series: the shortest of 7, 14 and 28 days whose usual window holds at least
 * `minConversions` conversions (a week of a small account is too few conversions to tell a drop from chance).
 */
export function adaptiveWindow(series: readonly Totals[], minConversions = 30, baselineDays = 84): number {
  const recent = series.slice(-baselineDays);
  const perDay = recent.length ? sumTotals(recent).conversions / recent.length : 0;
  for (const w of [7, 14, 28]) if (perDay * w >= minConversions) return w;
  return 28;
}

/** Every KPI of the drop list judged on one series; alarms first, worst first. */
export function checkDrops(series: readonly Totals[], opts: DropOptions, metrics: readonly DropMetric[] = DROP_METRICS): DropCheck[] {
  return metrics
    .map((m) => checkDrop(series, m, opts))
    .filter((c): c is DropCheck => c !== null)
    .sort((a, b) => Number(b.alarm) - Number(a.alarm) || b.z - a.z);
}
