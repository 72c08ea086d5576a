import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { analyzeAbTest, probabilityBest, sampleSizePerArm, twoProportionZTest } from '../../../lib/engage/abtest';
import { betaCdf, erfc, lnGamma, normalCdf, normalQuantile } from '../../../lib/engage/stats';

/*
 * Reference values computed on 2026-12-03 with Python 3 / SciPy 1.17.1 / NumPy 2.4.6 (the script is below each
 * table): posteriors Beta(1 + replies, 1 + uses − replies).
 *
 * P(best), 2 variants: Evan Miller's exact closed form for P(p_B > p_A) with integer α_B,
 *   sum_{i=0}^{α_B−1} exp(betaln(α_A+i, β_A+β_B) − log(β_B+i) − betaln(1+i, β_B) − betaln(α_A, β_A));
 * 3+ variants: scipy.integrate.quad of beta.pdf(x, a_i, b_i) · Π_{j≠i} beta.cdf(x, a_j, b_j) over [0, 1]
 *   (epsabs 1e-14, epsrel 1e-12).
 */
const P_BEST: { arms: [number, number][]; expected: number[] }[] = [
  {
    arms: [
      [12, 100],
      [20, 100],
    ],
    expected: [1 - 0.9364999460218671, 0.9364999460218671],
  },
  {
    arms: [
      [0, 10],
      [0, 10],
    ],
    expected: [0.5, 0.5],
  },
  {
    arms: [
      [3, 10],
      [9, 12],
    ],
    expected: [1 - 0.9793185008557195, 0.9793185008557195],
  },
  {
    arms: [
      [1200, 5000],
      [1250, 5000],
    ],
    expected: [1 - 0.8774564173052066, 0.8774564173052066],
  },
  {
    arms: [
      [30, 200],
      [45, 200],
      [37, 200],
    ],
    expected: [0.017147261475260876, 0.8254419601654613, 0.15741077835927872],
  },
  {
    arms: [
      [5, 40],
      [9, 41],
      [2, 38],
      [7, 39],
    ],
    expected: [0.07967500767408373, 0.6132789351857331, 0.005582704329758988, 0.30146335281042413],
  },
];

/* Pooled two-proportion z-test: p = (s1+s2)/(n1+n2), z = (s1/n1 − s2/n2)/sqrt(p(1−p)(1/n1+1/n2)), two-sided
 * p-value 2·scipy.stats.norm.sf(|z|). */
const Z_TESTS: { s1: number; n1: number; s2: number; n2: number; z: number; p: number }[] = [
  { s1: 20, n1: 100, s2: 12, n2: 100, z: 1.5430334996209194, p: 0.12282264810139244 },
  { s1: 1250, n1: 5000, s2: 1200, n2: 5000, z: 1.1625549411016574, p: 0.24501012137114675 },
  { s1: 45, n1: 200, s2: 30, n2: 200, z: 1.921537845661046, p: 0.05466393589167507 },
  { s1: 9, n1: 12, s2: 3, n2: 10, z: 2.110687091920543, p: 0.034799216209864314 },
];

/* Per-arm sample size, (norm.ppf(1−α/2)·sqrt(2·p̄q̄) + norm.ppf(power)·sqrt(p1q1 + p2q2))² / (p1 − p2)², before
 * rounding up: 0.2 vs 0.25 → 1093.739 (the textbook 1 094 per group), 0.12 vs 0.2 → 328.47, 0.3 vs 0.35 at 90 %
 * power → 1841.97, 0.05 vs 0.1 at α = 0.01 → 646.74. */
const SAMPLE_SIZES: { p1: number; p2: number; alpha: number; power: number; n: number }[] = [
  { p1: 0.2, p2: 0.25, alpha: 0.05, power: 0.8, n: 1094 },
  { p1: 0.12, p2: 0.2, alpha: 0.05, power: 0.8, n: 329 },
  { p1: 0.3, p2: 0.35, alpha: 0.05, power: 0.9, n: 1842 },
  { p1: 0.05, p2: 0.1, alpha: 0.01, power: 0.8, n: 647 },
];

describe('special functions against SciPy', () => {
  it('lnGamma, betaCdf, erfc, Φ and Φ⁻¹', () => {
    // scipy.special.gammaln(0.5), gammaln(10), gammaln(1000.5)
    expect(lnGamma(0.5)).toBeCloseTo(0.5723649429247, 12);
    expect(lnGamma(10)).toBeCloseTo(12.801827480081469, 11);
    expect(lnGamma(1000.5) / 5908.674175848678).toBeCloseTo(1, 13);
    // scipy.stats.beta.cdf(0.3, 2, 5), beta.cdf(0.2, 50, 150), beta.cdf(0.21, 3001, 9001)
    expect(betaCdf(0.3, 2, 5)).toBeCloseTo(0.5798250000000003, 13);
    expect(betaCdf(0.2, 50, 150)).toBeCloseTo(0.04563919300279583, 12);
    expect(betaCdf(0.21, 3001, 9001) / 2.9427315939227875e-26).toBeCloseTo(1, 9);
    // scipy.special.erfc(3), stats.norm.cdf(-1.96), norm.cdf(-5), norm.ppf(0.975), norm.ppf(0.8), norm.ppf(1e-6)
    expect(erfc(3) / 2.2090496998585445e-5).toBeCloseTo(1, 12);
    expect(normalCdf(-1.96)).toBeCloseTo(0.024997895148220435, 14);
    expect(normalCdf(-5) / 2.866515718791933e-7).toBeCloseTo(1, 12);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416212335729143, 12);
    expect(normalQuantile(1e-6)).toBeCloseTo(-4.753424308822899, 11);
  });
});

describe('probability of being best (exact, against SciPy)', () => {
  for (const c of P_BEST) {
    it(`${c.arms.map(([s, n]) => `${s}/${n}`).join(' vs ')}`, () => {
      const got = probabilityBest(c.arms.map(([s, n]) => ({ a: 1 + s, b: 1 + n - s })));
      got.forEach((p, i) => expect(Math.abs(p - c.expected[i]!)).toBeLessThan(1e-9));
    });
  }
  it('property: sums to 1, symmetric, and more replies never lowers a variant’s chance', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.nat(400), fc.nat(400), (n, s1raw, s2raw) => {
        const s1 = s1raw % (n + 1);
        const s2 = s2raw % (n + 1);
        const [p1, p2] = probabilityBest([
          { a: 1 + s1, b: 1 + n - s1 },
          { a: 1 + s2, b: 1 + n - s2 },
        ]) as [number, number];
        expect(p1 + p2).toBeCloseTo(1, 9);
        const [q2, q1] = probabilityBest([
          { a: 1 + s2, b: 1 + n - s2 },
          { a: 1 + s1, b: 1 + n - s1 },
        ]) as [number, number];
        expect(q1).toBeCloseTo(p1, 9);
        expect(q2).toBeCloseTo(p2, 9);
        if (s1 < n) {
          const [better] = probabilityBest([
            { a: 2 + s1, b: n - s1 },
            { a: 1 + s2, b: 1 + n - s2 },
          ]) as [number];
          expect(better).toBeGreaterThanOrEqual(p1 - 1e-12);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('two-proportion z-test (against SciPy)', () => {
  for (const c of Z_TESTS) {
    it(`${c.s1}/${c.n1} vs ${c.s2}/${c.n2}`, () => {
      const r = twoProportionZTest(c.s1, c.n1, c.s2, c.n2);
      expect(r.z).toBeCloseTo(c.z, 12);
      expect(r.pValue).toBeCloseTo(c.p, 12);
    });
  }
  it('no uses, or everyone (or no one) replied: no evidence, p = 1', () => {
    expect(twoProportionZTest(0, 0, 1, 2)).toEqual({ z: 0, pValue: 1 });
    expect(twoProportionZTest(5, 5, 7, 7)).toEqual({ z: 0, pValue: 1 });
    expect(twoProportionZTest(0, 5, 0, 7)).toEqual({ z: 0, pValue: 1 });
  });
});

describe('sample size for the stated power (against SciPy)', () => {
  for (const c of SAMPLE_SIZES) {
    it(`${c.p1} vs ${c.p2}, α ${c.alpha}, power ${c.power}`, () => {
      expect(sampleSizePerArm(c.p1, c.p2, c.alpha, c.power)).toBe(c.n);
    });
  }
  it('no difference cannot be detected', () => expect(sampleSizePerArm(0.2, 0.2)).toBe(Infinity));
});

describe('analysis and verdict', () => {
  it('no uses yet', () => {
    const a = analyzeAbTest([
      { id: 'a', uses: 0, replies: 0 },
      { id: 'b', uses: 0, replies: 0 },
    ]);
    expect(a.verdict).toBe('no_data');
    expect(a.arms.map((x) => x.probabilityBest)).toEqual([0.5, 0.5]);
    expect(a.stillNeeded).toBeNull();
  });
  it('early: collecting, with the uses still needed at the minimum effect', () => {
    const a = analyzeAbTest([
      { id: 'a', uses: 10, replies: 2 },
      { id: 'b', uses: 10, replies: 2 },
    ]);
    expect(a.verdict).toBe('collecting');
    // pooled 0.2, minimum effect 5 points: 0.225 vs 0.175 → 1 085 per variant (same formula as above)
    expect(a.effect).toBe(0.05);
    expect(a.neededPerArm).toBe(sampleSizePerArm(0.225, 0.175));
    expect(a.stillNeeded).toBe(a.neededPerArm! - 10);
  });
  it('a clear winner: P(best) ≥ 95 % and p < 5 %', () => {
    const a = analyzeAbTest([
      { id: 'a', uses: 120, replies: 18 },
      { id: 'b', uses: 118, replies: 38 },
    ]);
    expect(a.leader).toBe('b');
    expect(a.runnerUp).toBe('a');
    expect(a.verdict).toBe('winner');
    expect(a.zTest!.pValue).toBeLessThan(0.05);
    expect(a.arms[1]!.rate).toBeCloseTo(38 / 118, 12);
  });
  it('likely winner: the posterior is sure before the z-test is', () => {
    const a = analyzeAbTest([
      { id: 'a', uses: 200, replies: 30 },
      { id: 'b', uses: 200, replies: 45 },
    ]);
    // P(b best) 0.9722 (Evan Miller’s closed form in SciPy), p = 0.0547 (see Z_TESTS)
    expect(a.arms[1]!.probabilityBest).toBeCloseTo(0.972215710178391, 9);
    expect(a.verdict).toBe('likely_winner');
  });
  it('enough uses and no difference: no clear difference', () => {
    const a = analyzeAbTest([
      { id: 'a', uses: 3000, replies: 600 },
      { id: 'b', uses: 3000, replies: 603 },
    ]);
    expect(a.stillNeeded).toBe(0);
    expect(a.verdict).toBe('no_clear_difference');
  });
  it('bad counts are cleaned (negative, fractional, more replies than uses)', () => {
    const a = analyzeAbTest([
      { id: 'a', uses: -3, replies: 2 },
      { id: 'b', uses: 4.7, replies: 9 },
    ]);
    expect(a.arms.map((x) => [x.uses, x.replies])).toEqual([
      [0, 0],
      [4, 4],
    ]);
  });
});
