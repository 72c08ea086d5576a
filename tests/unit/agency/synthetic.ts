/**
 * Synthetic campaign series with known change points, for the drop detector's false-alarm and detection rates.
 * Daily clicks are Poisson around a weekday pattern times a day-to-day demand factor; conversions are Poisson on the
 * clicks times the conversion rate; each conversion's value is log-normal; cost per click is log-normal. A change
 * multiplies the conversion rate from the change day on (a broken tracking tag, a landing page down, a competitor).
 */
import type { Totals } from '../../../lib/agency/kpi';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(r: () => number): number {
  const u = Math.max(r(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}

function poisson(r: () => number, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(r)));
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= r();
  } while (p > l);
  return k - 1;
}

export interface AccountShape {
  name: string;
  clicksPerDay: number;
  conversionRate: number;
  /** Mean value of one conversion. */
  orderValue: number;
  cpc: number;
}

export const SHAPES: AccountShape[] = [
  { name: 'small', clicksPerDay: 60, conversionRate: 0.04, orderValue: 90, cpc: 0.8 },
  { name: 'medium', clicksPerDay: 250, conversionRate: 0.035, orderValue: 70, cpc: 0.6 },
  { name: 'large', clicksPerDay: 1200, conversionRate: 0.03, orderValue: 60, cpc: 0.5 },
];

const WEEKDAY = [1.05, 1.1, 1.08, 1.04, 0.98, 0.8, 0.75];

export interface Scenario {
  days: number;
  /** Day index the change starts on, or null for none. */
  changeAt: number | null;
  /** Multiplier on the conversion rate from the change on (0.7 = −30 %). */
  factor: number;
}

export function series(shape: AccountShape, sc: Scenario, seed: number): Totals[] {
  const r = rng(seed);
  const out: Totals[] = [];
  for (let d = 0; d < sc.days; d++) {
    const demand = Math.exp(0.15 * normal(r) - 0.5 * 0.15 * 0.15);
    const clicks = poisson(r, shape.clicksPerDay * WEEKDAY[d % 7]! * demand);
    const cr = shape.conversionRate * (sc.changeAt !== null && d >= sc.changeAt ? sc.factor : 1);
    const conversions = poisson(r, clicks * cr);
    let value = 0;
    for (let i = 0; i < conversions; i++) value += shape.orderValue * Math.exp(0.6 * normal(r) - 0.18);
    const spend = clicks * shape.cpc * Math.exp(0.1 * normal(r));
    out.push({ spend, impressions: Math.round(clicks / 0.03), clicks, conversions, conversionValue: value });
  }
  return out;
}

/** Monthly totals of a daily series (30-day months, enough for the rates). */
export function monthly(days: readonly Totals[]): Totals[] {
  const out: Totals[] = [];
  for (let i = 0; i + 30 <= days.length; i += 30) {
    const t = { spend: 0, impressions: 0, clicks: 0, conversions: 0, conversionValue: 0 };
    for (const x of days.slice(i, i + 30)) {
      t.spend += x.spend;
      t.impressions += x.impressions;
      t.clicks += x.clicks;
      t.conversions += x.conversions;
      t.conversionValue += x.conversionValue;
    }
    out.push(t);
  }
  return out;
}
