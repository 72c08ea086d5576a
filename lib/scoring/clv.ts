/**
 * Customer lifetime value over a finite horizon, discounted monthly:
 * - 'bgnbd_gg': Σ_{m=1..H} (E[X(m months)] − E[X(m − 1 months)]) × E[spend] / (1 + d)^m, with d the monthly rate
 *   equivalent to the annual one (lifetimes' customer_lifetime_value, monthly steps);
 * - 'annual_value': accounts with a contract value but no order history: Σ_{m=1..H} annualValue/12 × S(m) / (1 + d)^m,
 *   S(m) = (1 − annual churn probability)^(m/12), i.e. annual value × discounted expected years;
 * - 'none': nothing to go on (or the fitted models give no finite, non-negative value); null, never a guess.
 */
import * as z from 'zod/mini';
import { expectedTransactions, type BgNbdParams } from './bgnbd';
import { expectedAverageSpend, type GammaGammaParams } from './gammagamma';

export const WEEKS_PER_MONTH = 52.1775 / 12;

export const ClvSettings = z.object({
  annualDiscountRate: z._default(z.number().check(z.gte(0), z.lte(1)), 0.1),
  horizonMonths: z._default(z.number().check(z.int(), z.gte(1), z.lte(120)), 24),
});
export type ClvSettings = z.infer<typeof ClvSettings>;
export const DEFAULT_CLV_SETTINGS: ClvSettings = ClvSettings.parse({});

export type ClvMethod = 'bgnbd_gg' | 'annual_value' | 'none';
export interface ClvResult {
  clv: number | null;
  method: ClvMethod;
  /** Expected purchases over the horizon (bgnbd_gg only). */
  expectedPurchases?: number;
  /** Expected value per purchase (bgnbd_gg only). */
  expectedSpend?: number;
}

export function monthlyRate(annual: number): number {
  return Math.pow(1 + annual, 1 / 12) - 1;
}

/** History in weeks, as fitted by BG/NBD; monetaryValue is the mean of the repeat purchases. */
export interface PurchaseHistory {
  frequency: number;
  recency: number;
  T: number;
  monetaryValue: number;
}

export function clvFromModels(bg: BgNbdParams, gg: GammaGammaParams, h: PurchaseHistory, settings: ClvSettings = DEFAULT_CLV_SETTINGS): ClvResult {
  const spend = expectedAverageSpend(gg, h.frequency, h.monetaryValue);
  const d = monthlyRate(settings.annualDiscountRate);
  let clv = 0;
  let prev = 0;
  for (let m = 1; m <= settings.horizonMonths; m++) {
    let cur: number;
    try {
      cur = expectedTransactions(bg, m * WEEKS_PER_MONTH, h.frequency, h.recency, h.T);
    } catch {
      // a + b + x − 1 exactly 0: 2F1 has a pole there
      return { clv: null, method: 'none' };
    }
    clv += ((cur - prev) * spend) / Math.pow(1 + d, m);
    prev = cur;
  }
  // A lifetime value is never negative: E[X(t)] only grows. Rounding may leave a hair below zero on a customer the
  // model counts as gone; anything more means the models broke down here, and the caller falls back (#12).
  if (!Number.isFinite(clv) || !Number.isFinite(spend) || spend < 0 || clv < -1e-9 * Math.max(1, spend)) return { clv: null, method: 'none' };
  return { clv: Math.max(0, clv), method: 'bgnbd_gg', expectedPurchases: Math.max(0, prev), expectedSpend: spend };
}

/** annualChurnProbability null = no risk estimate: the contract value is assumed to continue over the horizon. */
export function clvFromAnnualValue(annualValue: number | null, annualChurnProbability: number | null, settings: ClvSettings = DEFAULT_CLV_SETTINGS): ClvResult {
  if (annualValue === null || !Number.isFinite(annualValue)) return { clv: null, method: 'none' };
  const d = monthlyRate(settings.annualDiscountRate);
  const keep = 1 - Math.min(1, Math.max(0, annualChurnProbability ?? 0));
  let clv = 0;
  for (let m = 1; m <= settings.horizonMonths; m++) clv += ((annualValue / 12) * Math.pow(keep, m / 12)) / Math.pow(1 + d, m);
  return { clv, method: 'annual_value' };
}
