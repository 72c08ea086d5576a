import { describe, expect, it } from 'vitest';
import { fitGammaGamma, expectedAverageSpend, gammaGammaLogLikelihood } from '../../../lib/scoring/gammagamma';
import { readCsv } from './realdata';

const rows = readCsv('clv-cdnow/cdnow_customers_summary_with_transactions.csv')
  .map((r) => ({ frequency: Number(r.x), monetaryValue: Number(r.zbar) }))
  .filter((r) => r.frequency > 0);

describe('Gamma-Gamma on CDNOW', () => {
  it('reproduces Hardie / lifetimes parameters', () => {
    expect(rows.length).toBe(946);
    const t0 = performance.now();
    const fit = fitGammaGamma(rows);
    console.log(
      `Gamma-Gamma CDNOW fit: p=${fit.p.toFixed(4)} q=${fit.q.toFixed(4)} v=${fit.v.toFixed(4)} LL=${fit.logLikelihood.toFixed(3)} (${(performance.now() - t0).toFixed(0)} ms)`,
    );
    // lifetimes asserts with numpy's assert_array_almost_equal(decimal=2): |diff| < 1.5e-2.
    // Its Quickstart prints the unrounded optimum p 6.248802, q 3.744588, v 15.447748.
    expect(Math.abs(fit.p - 6.25)).toBeLessThan(0.015);
    expect(Math.abs(fit.q - 3.74)).toBeLessThan(0.015);
    expect(Math.abs(fit.v - 15.44)).toBeLessThan(0.015);
    expect(fit.v).toBeCloseTo(15.447748, 3);
    // the optimum beats the published (rounded) point
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(gammaGammaLogLikelihood(rows, { p: 6.25, q: 3.74, v: 15.44 }) - 1e-6);
  });

  it('shrinks a customer mean towards the population mean', () => {
    const prm = { p: 6.25, q: 3.74, v: 15.44 };
    const population = (prm.p * prm.v) / (prm.q - 1);
    expect(expectedAverageSpend(prm, 0, 0)).toBeCloseTo(population, 10);
    // Hardie's note: customer with x=2, m=22.35 → (6.25·(15.44+44.7))/(12.5+2.74)
    expect(expectedAverageSpend(prm, 2, 22.35)).toBeCloseTo((6.25 * (15.44 + 2 * 22.35)) / (6.25 * 2 + 3.74 - 1), 10);
    const few = expectedAverageSpend(prm, 1, 200);
    const many = expectedAverageSpend(prm, 50, 200);
    expect(few).toBeLessThan(many);
    expect(many).toBeLessThan(200);
  });

  it('rejects non-positive spend', () => {
    expect(() => fitGammaGamma([{ frequency: 2, monetaryValue: -5 }])).toThrow(/monetaryValue/);
    expect(() => fitGammaGamma([{ frequency: 0, monetaryValue: 5 }])).toThrow(/frequency > 0/);
  });
});
