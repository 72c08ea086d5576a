import { describe, expect, it } from 'vitest';
import {
  fitBgNbd,
  pAlive,
  expectedTransactions,
  expectedTransactionsNew,
  probabilityOfNPurchases,
  bgNbdLogLikelihood,
  type BgNbdRow,
} from '../../../lib/scoring/bgnbd';
import { hyp2f1, lgamma } from '../../../lib/scoring/special';
import { mulberry32, gamma, beta, exponential } from '../../../lib/scoring/random';
import { readCsv } from './realdata';

const cdnow: BgNbdRow[] = readCsv('clv-cdnow/cdnow_customers_summary.csv').map((r) => ({
  frequency: Number(r.frequency),
  recency: Number(r.recency),
  T: Number(r.T),
}));
const PAPER = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const BTYD = { r: 0.2425982, alpha: 4.4136842, a: 0.7929899, b: 2.4261667 };

describe('special functions', () => {
  it('lgamma matches known values', () => {
    expect(lgamma(1)).toBeCloseTo(0, 13);
    expect(lgamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(lgamma(10)).toBeCloseTo(Math.log(362880), 11);
    expect(lgamma(100.5)).toBeCloseTo(361.4355404677776, 8);
  });
  it('hyp2f1 matches closed forms', () => {
    // 2F1(1,1;2;z) = -ln(1-z)/z
    for (const z of [0.1, 0.5, 0.9, 0.99]) expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 10);
    // 2F1(a,b;b;z) = (1-z)^-a (Euler branch: c-a-b<0)
    expect(hyp2f1(3.5, 2, 2, 0.7)).toBeCloseTo(Math.pow(0.3, -3.5), 8);
    // 2F1(1/2,1/2;3/2;z^2) = asin(z)/z
    expect(hyp2f1(0.5, 0.5, 1.5, 0.64)).toBeCloseTo(Math.asin(0.8) / 0.8, 10);
  });
});

describe('BG/NBD on CDNOW', () => {
  const t0 = performance.now();
  const fit = fitBgNbd(cdnow);
  const ms = performance.now() - t0;

  it('reproduces the published parameters and log-likelihood', () => {
    console.log(
      `BG/NBD CDNOW fit: r=${fit.r.toFixed(6)} alpha=${fit.alpha.toFixed(6)} a=${fit.a.toFixed(6)} b=${fit.b.toFixed(6)} LL=${fit.logLikelihood.toFixed(4)} (${fit.evaluations} evaluations, ${ms.toFixed(0)} ms in node)`,
    );
    expect(fit.n).toBe(2357);
    expect(fit.r).toBeCloseTo(PAPER.r, 2);
    expect(fit.alpha).toBeCloseTo(PAPER.alpha, 2);
    expect(fit.a).toBeCloseTo(PAPER.a, 2);
    expect(fit.b).toBeCloseTo(PAPER.b, 2);
    expect(fit.logLikelihood).toBeCloseTo(-9582.43, 2);
    // BTYD's -9582.429 uses unrounded t_x and T; this CSV rounds them to 2 decimals.
    expect(bgNbdLogLikelihood(cdnow, BTYD)).toBeCloseTo(-9582.429, 1);
    expect(bgNbdLogLikelihood(cdnow, BTYD)).toBeLessThanOrEqual(fit.logLikelihood);
  });

  it('conditional expectation matches the Hardie sheet', () => {
    expect(Math.abs(expectedTransactions(fit, 39, 2, 30.43, 38.86) - 1.226)).toBeLessThanOrEqual(0.001);
  });

  it('expected transactions for a new customer match lifetimes', () => {
    const ts = [0.1429, 1, 3, 31.8571, 32, 78];
    const want = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    ts.forEach((t, i) => expect(expectedTransactionsNew(fit, t)).toBeCloseTo(want[i]!, 3));
    expect(expectedTransactionsNew(BTYD, 52)).toBeCloseTo(1.444004, 5);
  });

  it('matches the BTYD walkthrough customers', () => {
    expect(pAlive(BTYD, 26, 30.85714, 31)).toBeCloseTo(0.9688523, 6);
    // BTYD prints 25.75659; an mpmath evaluation (60 digits) of the same formula gives 25.756536041054647.
    expect(Math.abs(expectedTransactions(BTYD, 52, 26, 30.85714, 31) / 25.75659 - 1)).toBeLessThan(5e-6);
    expect(expectedTransactions(BTYD, 52, 26, 30.85714, 31)).toBeCloseTo(25.756536041054647, 9);
    const want = [0.3474606, 0.04283391, 0.004158973, 0.0003583685];
    [10, 15, 20, 25].forEach((x, i) => {
      const got = expectedTransactions(BTYD, 52, x, 20, 39);
      expect(Math.abs(got - want[i]!) / want[i]!).toBeLessThan(1e-5);
    });
  });

  it('probability of n purchases matches lifetimes', () => {
    expect(probabilityOfNPurchases(PAPER, 2, 10) / 1.07869e-7).toBeCloseTo(1, 4);
    expect(probabilityOfNPurchases(PAPER, 39, 0)).toBeCloseTo(0.5737864, 6);
    let total = 0;
    for (let n = 0; n < 400; n++) total += probabilityOfNPurchases(PAPER, 39, n);
    expect(total).toBeCloseTo(1, 6);
  });

  it('P(alive) decreases as the last purchase gets older', () => {
    let prev = Infinity;
    for (let tx = 38.8; tx >= 0.5; tx -= 0.5) {
      const p = pAlive(fit, 4, tx, 38.86);
      expect(p).toBeLessThan(prev);
      expect(p).toBeGreaterThan(0);
      prev = p;
    }
    expect(pAlive(fit, 0, 0, 38.86)).toBe(1);
  });

  it('stays accurate for heavy buyers and long horizons (mpmath, 60 digits)', () => {
    expect(expectedTransactions(PAPER, 52, 300, 38, 39)).toBeCloseTo(66.36554393345837, 8);
    expect(expectedTransactions(PAPER, 156, 1000, 38.9, 39)).toBeCloseTo(1780.3167338840985, 6);
    expect(expectedTransactions(PAPER, 500, 3, 10, 39)).toBeCloseTo(1.8157854400866291, 10);
  });

  it('rejects malformed rows naming the field', () => {
    expect(() => fitBgNbd([{ frequency: 1, recency: 5, T: 3 }])).toThrow(/recency/);
    expect(() => fitBgNbd([{ frequency: -1, recency: 0, T: 3 }])).toThrow(/frequency/);
    expect(() => fitBgNbd([])).toThrow(/no rows/);
  });
});

describe('BG/NBD parameter recovery', () => {
  it('refits simulated data close to the true parameters', () => {
    const truth = { r: 0.5, alpha: 6, a: 0.8, b: 3 };
    const rng = mulberry32(20240601);
    const rows: BgNbdRow[] = [];
    for (let i = 0; i < 6000; i++) {
      const T = 20 + rng() * 30;
      const lambda = gamma(rng, truth.r) / truth.alpha;
      const p = beta(rng, truth.a, truth.b);
      let t = 0,
        x = 0,
        tx = 0;
      for (;;) {
        t += exponential(rng, lambda);
        if (t > T) break;
        x++;
        tx = t;
        if (rng() < p) break;
      }
      rows.push({ frequency: x, recency: tx, T });
    }
    const fit = fitBgNbd(rows);
    console.log(
      `BG/NBD recovery: truth ${JSON.stringify(truth)} fit r=${fit.r.toFixed(3)} alpha=${fit.alpha.toFixed(3)} a=${fit.a.toFixed(3)} b=${fit.b.toFixed(3)}`,
    );
    expect(Math.abs(fit.r - truth.r) / truth.r).toBeLessThan(0.15);
    expect(Math.abs(fit.alpha - truth.alpha) / truth.alpha).toBeLessThan(0.2);
    expect(Math.abs(fit.a - truth.a) / truth.a).toBeLessThan(0.35);
    expect(Math.abs(fit.b - truth.b) / truth.b).toBeLessThan(0.45);
    // and the fitted model predicts aggregate behaviour of a fresh cohort
    expect(expectedTransactionsNew(fit, 30)).toBeCloseTo(expectedTransactionsNew(truth, 30), 0);
  });
});
