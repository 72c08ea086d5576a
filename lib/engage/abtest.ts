/**
 * A/B test of template variants on reply rates. Each variant's reply rate has a Beta posterior (uniform prior:
 * Beta(1 + replies, 1 + uses − replies)); the probability of being best is computed exactly (numerical
 * integration of f_i(x) · Π_j≠i F_j(x), no sampling). Beside it, the classical two-proportion z-test of the leader
 * against the runner-up, and the sample size per variant that test needs for the stated power.
 */
import { betaCdf, betaPdf, normalCdf, normalQuantile } from './stats';

export interface Arm {
  id: string;
  uses: number;
  replies: number;
}

export interface ArmResult extends Arm {
  /** replies / uses (0 without uses). */
  rate: number;
  /** Posterior mean (1 + replies) / (2 + uses). */
  posteriorMean: number;
  probabilityBest: number;
}

export type Verdict = 'no_data' | 'collecting' | 'likely_winner' | 'winner' | 'no_clear_difference';

export interface AbOptions {
  /** Significance level of the z-test (two-sided). */
  alpha?: number;
  /** Power the sample size is computed for. */
  power?: number;
  /** The smallest difference in reply rate worth detecting (absolute, 0.05 = 5 points). */
  minEffect?: number;
  /** Probability of being best that declares a winner. */
  threshold?: number;
}
export const AB_DEFAULTS: Required<AbOptions> = { alpha: 0.05, power: 0.8, minEffect: 0.05, threshold: 0.95 };

export interface AbAnalysis {
  arms: ArmResult[];
  leader: string | null;
  runnerUp: string | null;
  /** Leader against runner-up; null until both have uses. */
  zTest: { z: number; pValue: number } | null;
  /** The difference the sample size is computed for: the observed one, at least minEffect. */
  effect: number;
  /** Uses per variant the z-test needs for that difference at the stated power; null until both have uses. */
  neededPerArm: number | null;
  /** More uses per variant still needed (0 once reached). */
  stillNeeded: number | null;
  verdict: Verdict;
  options: Required<AbOptions>;
}

/** P(each arm has the highest rate) under the Beta posteriors a_i, b_i. Sums to 1. */
export function probabilityBest(posteriors: readonly { a: number; b: number }[], intervals = 2000): number[] {
  if (posteriors.length === 0) return [];
  if (posteriors.length === 1) return [1];
  const raw = posteriors.map((pi, i) => {
    const mean = pi.a / (pi.a + pi.b);
    const sd = Math.sqrt((pi.a * pi.b) / ((pi.a + pi.b) ** 2 * (pi.a + pi.b + 1)));
    const lo = Math.max(0, mean - 15 * sd);
    const hi = Math.min(1, mean + 15 * sd);
    const h = (hi - lo) / intervals;
    let sum = 0;
    for (let k = 0; k <= intervals; k++) {
      const x = lo + k * h;
      let f = betaPdf(x, pi.a, pi.b);
      if (f === 0 || !Number.isFinite(f)) continue;
      for (let j = 0; j < posteriors.length && f > 0; j++) if (j !== i) f *= betaCdf(x, posteriors[j]!.a, posteriors[j]!.b);
      sum += f * (k === 0 || k === intervals ? 1 : k % 2 ? 4 : 2);
    }
    return (sum * h) / 3;
  });
  const total = raw.reduce((s, x) => s + x, 0);
  return raw.map((x) => (total > 0 ? x / total : 1 / raw.length));
}

/** Pooled two-proportion z-test, two-sided. */
export function twoProportionZTest(s1: number, n1: number, s2: number, n2: number): { z: number; pValue: number } {
  if (n1 <= 0 || n2 <= 0) return { z: 0, pValue: 1 };
  const p = (s1 + s2) / (n1 + n2);
  const se = Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
  if (se === 0) return { z: 0, pValue: 1 };
  const z = (s1 / n1 - s2 / n2) / se;
  return { z, pValue: Math.min(1, 2 * normalCdf(-Math.abs(z))) };
}

/**
 * Uses per variant for a two-sided two-proportion z-test to detect p1 against p2 at level alpha with the given
 * power (normal approximation, no continuity correction):
 * n = (z₁₋α/₂·√(2·p̄·q̄) + z₁₋β·√(p₁q₁ + p₂q₂))² / (p₁ − p₂)².
 */
export function sampleSizePerArm(p1: number, p2: number, alpha = 0.05, power = 0.8): number {
  const d = Math.abs(p1 - p2);
  if (d === 0) return Infinity;
  const za = normalQuantile(1 - alpha / 2);
  const zb = normalQuantile(power);
  const pbar = (p1 + p2) / 2;
  const n = (za * Math.sqrt(2 * pbar * (1 - pbar)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / d ** 2;
  return Math.ceil(n - 1e-9);
}

export function analyzeAbTest(arms: readonly Arm[], options: AbOptions = {}): AbAnalysis {
  const opts = { ...AB_DEFAULTS, ...options };
  const clean = arms.map((a) => {
    const uses = Math.max(0, Math.floor(a.uses));
    return { id: a.id, uses, replies: Math.min(uses, Math.max(0, Math.floor(a.replies))) };
  });
  const pBest = probabilityBest(clean.map((a) => ({ a: 1 + a.replies, b: 1 + a.uses - a.replies })));
  const results: ArmResult[] = clean.map((a, i) => ({
    ...a,
    rate: a.uses ? a.replies / a.uses : 0,
    posteriorMean: (1 + a.replies) / (2 + a.uses),
    probabilityBest: pBest[i]!,
  }));
  const ranked = [...results].sort((x, y) => y.probabilityBest - x.probabilityBest || y.posteriorMean - x.posteriorMean);
  const leader = ranked[0] ?? null;
  const runner = ranked[1] ?? null;
  const total = results.reduce((s, a) => s + a.uses, 0);
  const base = { arms: results, leader: leader?.id ?? null, runnerUp: runner?.id ?? null, options: opts };
  if (!leader || !runner || leader.uses === 0 || runner.uses === 0) {
    return { ...base, zTest: null, effect: opts.minEffect, neededPerArm: null, stillNeeded: null, verdict: total === 0 ? 'no_data' : 'collecting' };
  }
  const zTest = twoProportionZTest(leader.replies, leader.uses, runner.replies, runner.uses);
  const observed = Math.abs(leader.rate - runner.rate);
  const effect = Math.max(observed, opts.minEffect);
  // The rates the sample size is for: the observed pair when its gap is worth detecting, else the pooled rate ± half the minimum effect.
  const pooled = (leader.replies + runner.replies) / (leader.uses + runner.uses);
  const [p1, p2] =
    observed >= opts.minEffect ? [leader.rate, runner.rate] : [Math.min(1, Math.max(0, pooled + effect / 2)), Math.max(0, Math.min(1, pooled - effect / 2))];
  const neededPerArm = sampleSizePerArm(p1, p2, opts.alpha, opts.power);
  const stillNeeded = Math.max(0, neededPerArm - Math.min(leader.uses, runner.uses));
  const verdict: Verdict =
    leader.probabilityBest >= opts.threshold && zTest.pValue < opts.alpha
      ? 'winner'
      : leader.probabilityBest >= opts.threshold
        ? 'likely_winner'
        : stillNeeded === 0
          ? 'no_clear_difference'
          : 'collecting';
  return { ...base, zTest, effect, neededPerArm, stillNeeded, verdict };
}
