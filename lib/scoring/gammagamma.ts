/**
 * Gamma-Gamma model of average spend per transaction (Fader, Hardie & Lee 2005b, "RFM and CLV"; lifetimes'
 * GammaGammaFitter). Fitted on customers with at least one repeat purchase: frequency x > 0 and the mean
 * value of their repeat transactions.
 */
import { lgamma } from './special';
import { minimizeMultiStart } from './optimize';

export interface GammaGammaRow {
  frequency: number;
  monetaryValue: number;
}
export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}
export interface GammaGammaFit extends GammaGammaParams {
  logLikelihood: number;
  n: number;
}

interface GroupedSpend {
  /** Per distinct frequency x: row count and Σ log m; log(x·m + v) depends on each row, so rows are kept too. */
  xs: Float64Array;
  counts: Float64Array;
  sumLogM: Float64Array;
  rowX: Float64Array;
  rowXM: Float64Array;
}

function groupSpend(rows: readonly GammaGammaRow[]): GroupedSpend {
  const byX = new Map<number, { n: number; logM: number }>();
  for (const { frequency: x, monetaryValue: m } of rows) {
    const g = byX.get(x) ?? { n: 0, logM: 0 };
    g.n++;
    g.logM += Math.log(m);
    byX.set(x, g);
  }
  const xs = [...byX.keys()];
  return {
    xs: Float64Array.from(xs),
    counts: Float64Array.from(xs.map((x) => byX.get(x)!.n)),
    sumLogM: Float64Array.from(xs.map((x) => byX.get(x)!.logM)),
    rowX: Float64Array.from(rows.map((r) => r.frequency)),
    rowXM: Float64Array.from(rows.map((r) => r.frequency * r.monetaryValue)),
  };
}

/** Σ lgamma(px+q) − lgamma(px) − lgamma(q) + q log v + (px−1) log m + px log x − (px+q) log(xm+v), grouped by x. */
function logLikelihoodGrouped(g: GroupedSpend, { p, q, v }: GammaGammaParams): number {
  const lq = lgamma(q);
  const logV = Math.log(v);
  let ll = 0;
  for (let i = 0; i < g.xs.length; i++) {
    const x = g.xs[i]!;
    const px = p * x;
    const n = g.counts[i]!;
    ll += n * (lgamma(px + q) - lgamma(px) - lq + q * logV + px * Math.log(x)) + (px - 1) * g.sumLogM[i]!;
  }
  for (let i = 0; i < g.rowX.length; i++) ll -= (p * g.rowX[i]! + q) * Math.log(g.rowXM[i]! + v);
  return ll;
}

function logLikelihood(rows: readonly GammaGammaRow[], params: GammaGammaParams): number {
  return logLikelihoodGrouped(groupSpend(rows), params);
}

export function gammaGammaLogLikelihood(rows: readonly GammaGammaRow[], params: GammaGammaParams): number {
  return logLikelihood(rows, params);
}

export function fitGammaGamma(rows: readonly GammaGammaRow[], opts: { penalizer?: number } = {}): GammaGammaFit {
  const used = rows.filter((row) => row.frequency > 0);
  if (used.length === 0) throw new RangeError('fitGammaGamma: needs customers with frequency > 0');
  used.forEach((row, i) => {
    if (!(row.monetaryValue > 0) || !Number.isFinite(row.monetaryValue))
      throw new RangeError(`row ${i}: monetaryValue must be a positive number, got ${row.monetaryValue}`);
  });
  const penalizer = opts.penalizer ?? 0;
  const g = groupSpend(used);
  const meanM = used.reduce((s, row) => s + row.monetaryValue, 0) / used.length;
  const objective = (theta: number[]): number => {
    const prm = { p: Math.exp(theta[0]!), q: Math.exp(theta[1]!), v: Math.exp(theta[2]!) };
    const nll = -logLikelihoodGrouped(g, prm) / used.length;
    return penalizer > 0 ? nll + penalizer * (prm.p ** 2 + prm.q ** 2 + prm.v ** 2) : nll;
  };
  const starts = [
    [1, 1, 1],
    [5, 3, meanM],
    [2, 5, meanM / 2],
  ].map((s) => s.map(Math.log));
  const res = minimizeMultiStart(objective, starts, { fTolerance: 1e-12, xTolerance: 1e-7 });
  const [p, q, v] = res.x.map(Math.exp) as [number, number, number];
  return { p, q, v, logLikelihood: logLikelihoodGrouped(g, { p, q, v }), n: used.length };
}

/**
 * E[M | x, m̄]: the customer's expected spend per transaction, shrunk from their own mean towards the population's.
 * With no repeat purchase the population mean p·v/(q − 1) is returned.
 */
export function expectedAverageSpend({ p, q, v }: GammaGammaParams, frequency: number, monetaryValue: number): number {
  const x = frequency > 0 ? frequency : 0;
  return (p * (v + x * (x > 0 ? monetaryValue : 0))) / (p * x + q - 1);
}
