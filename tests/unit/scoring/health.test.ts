import { describe, expect, it } from 'vitest';
import { trainHealthModel, predictChurn, auc, reliabilityTable, shouldRetrain, type TrainRow } from '../../../lib/scoring/health';
import { mulberry32, shuffled } from '../../../lib/scoring/random';
import { readCsv } from './realdata';

/** The mlbookcamp preparation: lower-cased names and string values, spaces → '_', TotalCharges blanks → 0. */
function telcoRows(): TrainRow[] {
  const numeric = new Set(['tenure', 'monthlycharges', 'totalcharges', 'seniorcitizen']);
  return readCsv('churn-telco/Telco-Customer-Churn.csv').map((raw) => {
    const features: Record<string, string | number> = {};
    let churned = false;
    for (const [k0, v0] of Object.entries(raw)) {
      const k = k0.toLowerCase().replace(/ /g, '_');
      if (k === 'customerid') continue;
      const v = v0.trim().toLowerCase().replace(/ /g, '_');
      if (k === 'churn') churned = v === 'yes';
      else if (numeric.has(k)) features[k] = v === '' ? 0 : Number(v);
      else features[k] = v;
    }
    return { features, churned };
  });
}

describe('health model on IBM Telco churn', () => {
  const rows = telcoRows();
  const [train, test] = (() => {
    const s = shuffled(rows, mulberry32(42));
    const cut = Math.round(s.length * 0.8);
    return [s.slice(0, cut), s.slice(cut)];
  })();

  it('reaches the published logistic-regression AUC on a held-out 20%', () => {
    expect(rows.length).toBe(7043);
    expect(rows.filter((r) => r.churned).length).toBe(1869);
    const t0 = performance.now();
    const model = trainHealthModel(train, { l2: 1 });
    const ms = performance.now() - t0;
    const preds = test.map((r) => predictChurn(model, r.features).probability);
    const labels = test.map((r) => r.churned);
    const score = auc(preds, labels);
    const table = reliabilityTable(preds, labels, 10);
    console.log(`Telco: trained on ${train.length} rows in ${ms.toFixed(0)} ms; held-out AUC on ${test.length} = ${score.toFixed(4)}`);
    console.table(
      table.map((r) => ({
        bin: `${r.lower.toFixed(1)}–${r.upper.toFixed(1)}`,
        n: r.count,
        predicted: r.meanPredicted.toFixed(3),
        observed: r.observedRate.toFixed(3),
      })),
    );
    expect(score).toBeGreaterThanOrEqual(0.84);
    // calibrated: in every well-populated bin the observed rate is near the mean prediction
    for (const r of table) if (r.count >= 60) expect(Math.abs(r.observedRate - r.meanPredicted)).toBeLessThan(0.1);
    const accuracy = preds.filter((p, i) => p >= 0.5 === labels[i]).length / preds.length;
    expect(accuracy).toBeGreaterThan(0.78);
  });

  it('is deterministic and explains a prediction with contributions', () => {
    const a = trainHealthModel(train.slice(0, 1500));
    const b = trainHealthModel(train.slice(0, 1500));
    expect(a).toEqual(b);
    const risky = { ...train[0]!.features, contract: 'month-to-month', tenure: 1, internetservice: 'fiber_optic' };
    const p = predictChurn(a, risky);
    expect(p.probability).toBeGreaterThan(0.4);
    expect(p.reasons.length).toBe(3);
    expect(p.reasons[0]!.weight).toBeGreaterThan(0);
    expect(p.reasons.map((r) => r.key)).toContain('tenure');
    const safe = predictChurn(a, { ...risky, contract: 'two_year', tenure: 70 });
    expect(safe.probability).toBeLessThan(p.probability);
  });
});

describe('generic trainer', () => {
  it('handles booleans, missing values (mean + indicator) and categories', () => {
    const rng = mulberry32(7);
    const rows: TrainRow[] = [];
    for (let i = 0; i < 2000; i++) {
      const x = rng() * 10;
      const missing = rng() < 0.3;
      const flag = rng() < 0.5;
      const plan = ['basic', 'pro', 'team'][Math.floor(rng() * 3)]!;
      const z = -1 + 0.4 * (x - 5) + (flag ? 1 : 0) + (missing ? 1.5 : 0) + (plan === 'basic' ? 1 : 0);
      rows.push({ features: { x: missing ? null : x, flag, plan }, churned: rng() < 1 / (1 + Math.exp(-z)) });
    }
    const m = trainHealthModel(rows, { l2: 0.1 });
    const x = m.features.find((f) => f.key === 'x')!;
    const flag = m.features.find((f) => f.key === 'flag')!;
    const plan = m.features.find((f) => f.key === 'plan')!;
    if (x.kind !== 'numeric' || flag.kind !== 'boolean' || plan.kind !== 'categorical') throw new Error('kinds');
    expect(x.weight / x.std).toBeCloseTo(0.4, 0);
    expect(x.missingWeight).toBeGreaterThan(0.8);
    expect(flag.weight).toBeGreaterThan(0.6);
    expect(plan.weights.basic! - plan.weights.pro!).toBeGreaterThan(0.5);
    const withMissing = predictChurn(m, { x: null, flag: false, plan: 'pro' });
    expect(withMissing.reasons[0]!.key).toBe('x');
    expect(Number.isFinite(predictChurn(m, {}).probability)).toBe(true);
  });

  it('auc and reliability table on hand-made cases', () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 10);
    expect(auc([0.5, 0.5], [0, 1])).toBe(0.5);
    const t = reliabilityTable([0.05, 0.15, 0.12, 0.95], [0, 1, 0, 1], 10);
    expect(t[1]).toEqual({ lower: 0.1, upper: 0.2, count: 2, meanPredicted: expect.closeTo(0.135, 10), observedRate: 0.5 });
    expect(t[9]!.count).toBe(1);
    expect(t[5]!.count).toBe(0);
  });

  it('retrains only with enough labels of each class', () => {
    expect(shouldRetrain({ churned: 5, retained: 100 })).toBe(false);
    expect(shouldRetrain({ churned: 10, retained: 25 })).toBe(false);
    expect(shouldRetrain({ churned: 12, retained: 30 })).toBe(true);
  });
});
