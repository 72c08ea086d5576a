/**
 * BG/NBD with a + b < 1 (#12): 2F1(r + x, b + x; a + b + x − 1; z) has c < 0 for x = 0 and is negative over much of
 * the range; evaluated in log space without its sign, E[X(t)] and the CLV came out wrong or negative.
 *
 * The reference values are mpmath 1.3.0 at 50 significant digits (mp.dps = 50), printed with mp.nstr(v, 20), from:
 *
 *   from mpmath import mp, hyp2f1, mpf
 *   mp.dps = 50
 *   def EXnew(r, al, a, b, t): return (a+b-1)/(a-1) * (1 - hyp2f1(r, b, a+b-1, t/(al+t)) * (al/(al+t))**r)
 *   def EX(r, al, a, b, t, x, tx, T):
 *       F = hyp2f1(r+x, b+x, a+b+x-1, t/(al+T+t))
 *       den = 1 + (a/(b+x-1)) * ((al+T)/(al+tx))**(r+x) if x > 0 else 1
 *       return (a+b+x-1)/(a-1) * (1 - F*((al+T)/(al+t+T))**(r+x)) / den
 *   # CLV: 24 monthly steps of 52.1775/12 weeks, 10 % a year discounted monthly, Gamma-Gamma p=6 q=4 v=15 (spend 30)
 *   W = mpf('52.1775')/12; d = (1 + mpf('0.1'))**(mpf(1)/12) - 1; clv = prev = 0
 *   for m in range(1, 25):
 *       cur = EX(r, al, a, b, m*W, 0, 0, mpf(30)); clv += (cur - prev) * 30 / (1+d)**m; prev = cur
 *
 * with r = 0.25, alpha = 4.4, a = 0.35, b = 0.45 (a + b = 0.8). mpmath's hyp2f1 is an independent implementation
 * (arbitrary precision, its own transformations), not a copy of the series used here.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectedTransactions, expectedTransactionsNew } from '../../../lib/scoring/bgnbd';
import { hyp2f1, hyp2f1Signed } from '../../../lib/scoring/special';
import { clvFromModels } from '../../../lib/scoring/clv';

const P = { r: 0.25, alpha: 4.4, a: 0.35, b: 0.45 };
const GG = { p: 6, q: 4, v: 15 };
const rel = (got: number, want: number) => Math.abs(got / want - 1);

describe('2F1 with its sign', () => {
  it('matches mpmath where c < 0 and the value changes sign', () => {
    const cases: [number, number, number, number, number][] = [
      [0.25, 0.45, -0.2, 0.5, 0.39719595350677589754],
      [0.25, 0.45, -0.2, 0.9, -4.5677760404626540427],
      [0.25, 0.45, -0.2, 0.99, -52.238373293986512065],
      [1.25, 0.45, -0.6, 0.7, -21.573222422231390422],
      [0.6, 0.3, -0.05, 0.3, -0.59041605736139498241],
      [2.5, 1.5, 0.5, 0.8, 1173.9356881873895906],
    ];
    for (const [a, b, c, z, want] of cases) {
      expect(rel(hyp2f1(a, b, c, z), want), `2F1(${a}, ${b}; ${c}; ${z})`).toBeLessThan(1e-12);
      expect(hyp2f1Signed(a, b, c, z).sign).toBe(Math.sign(want));
    }
  });
  it('refuses a pole (c a non-positive integer) and z outside [0, 1)', () => {
    expect(() => hyp2f1(0.5, 0.5, 0, 0.5)).toThrow(RangeError);
    expect(() => hyp2f1(0.5, 0.5, -2, 0.5)).toThrow(RangeError);
    expect(() => hyp2f1(0.5, 0.5, 1.5, 1)).toThrow(RangeError);
  });
});

describe('BG/NBD expectations with a + b < 1', () => {
  it('E[X(t)] for a new customer matches mpmath', () => {
    const want: [number, number][] = [
      [1, 0.053678768924085651698],
      [10, 0.40027878724305185792],
      [52, 1.3246010832164963874],
      [104, 2.1116590553897381847],
    ];
    for (const [t, w] of want) expect(rel(expectedTransactionsNew(P, t), w), `t = ${t}`).toBeLessThan(1e-11);
  });
  it('E[Y(t) | x, t_x, T] matches mpmath, with and without repeat purchases', () => {
    const want: [number, number][] = [
      [4, 0.028201535469649137248],
      [52, 0.28908598829950234749],
      [104, 0.49863047685616090357],
    ];
    for (const [t, w] of want) expect(rel(expectedTransactions(P, t, 0, 0, 30), w), `t = ${t}`).toBeLessThan(1e-11);
    expect(rel(expectedTransactions(P, 52, 3, 20, 30), 2.8071006454206582967)).toBeLessThan(1e-11);
  });
  it('the 24-month CLV matches mpmath and is positive', () => {
    const r = clvFromModels(P, GG, { frequency: 0, recency: 0, T: 30, monetaryValue: 0 });
    expect(r.method).toBe('bgnbd_gg');
    expect(rel(r.clv!, 13.743788066304713243)).toBeLessThan(1e-10);
    expect(rel(r.expectedPurchases!, 0.4999215246990345737)).toBeLessThan(1e-11);
  });
  it('no value rather than a wrong one at the pole a + b + x − 1 = 0', () => {
    expect(clvFromModels({ ...P, a: 0.4, b: 0.6 }, GG, { frequency: 0, recency: 0, T: 30, monetaryValue: 0 })).toEqual({ clv: null, method: 'none' });
  });
  it('property: for any a + b < 1, E[X(t)] is ≥ 0 and grows with t, and the CLV is never negative', () => {
    const params = fc.record({
      r: fc.double({ min: 0.05, max: 5, noNaN: true }),
      alpha: fc.double({ min: 0.5, max: 50, noNaN: true }),
      a: fc.double({ min: 0.02, max: 0.9, noNaN: true }),
      share: fc.double({ min: 0.02, max: 0.97, noNaN: true }),
    });
    const history = fc.record({
      x: fc.integer({ min: 0, max: 40 }),
      T: fc.double({ min: 1, max: 104, noNaN: true }),
      at: fc.double({ min: 0.01, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(params, history, ({ r, alpha, a, share }, { x, T, at }) => {
        // b < 1 − a, and a not too close to 1 (the portfolio never uses a fit with |a − 1| ≤ 1e-3)
        const b = share * (1 - a);
        const bg = { r, alpha, a, b };
        const tx = x === 0 ? 0 : at * T;
        let prev = 0;
        for (const t of [1, 4, 13, 26, 52, 104]) {
          const e = expectedTransactions(bg, t, x, tx, T);
          expect(Number.isFinite(e)).toBe(true);
          expect(e).toBeGreaterThanOrEqual(prev - 1e-9 * Math.max(1, prev));
          prev = e;
        }
        const clv = clvFromModels(bg, GG, { frequency: x, recency: tx, T, monetaryValue: x ? 40 : 0 });
        if (clv.clv !== null) expect(clv.clv).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300, seed: 12 },
    );
  });
});
