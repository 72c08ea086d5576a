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

function logLikelihood(rows: readonly GammaGammaRow[], { p, q, v }: GammaGammaParams): number {
  let ll = 0;
  const lq = lgamma(q);
  const logV = Math.log(v);
  for (const { frequency: x, monetaryValue: m } of rows) {
    const px = p * x;
    ll += lgamma(px + q) - lgamma(px) - lq + q * logV + (px - 1) * Math.log(m) + px * Math.log(x) - (px + q) * Math.log(x * m + v);
  }
  return ll;
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
  const meanM = used.reduce((s, row) => s + row.monetaryValue, 0) / used.length;
  const objective = (theta: number[]): number => {
    const prm = { p: Math.exp(theta[0]!), q: Math.exp(theta[1]!), v: Math.exp(theta[2]!) };
    const nll = -logLikelihood(used, prm) / used.length;
    return penalizer > 0 ? nll + penalizer * (prm.p ** 2 + prm.q ** 2 + prm.v ** 2) : nll;
  };
  const starts = [
    [1, 1, 1],
    [5, 3, meanM],
    [2, 5, meanM / 2],
  ].map((s) => s.map(Math.log));
  const res = minimizeMultiStart(objective, starts, { fTolerance: 1e-12, xTolerance: 1e-7 });
  const [p, q, v] = res.x.map(Math.exp) as [number, number, number];
  return { p, q, v, logLikelihood: logLikelihood(used, { p, q, v }), n: used.length };
}

/**
 * E[M | x, m̄]: the customer's expected spend per transaction, shrunk from their own mean towards the population's.
 * With no repeat purchase the population mean p·v/(q − 1) is returned.
 */
export function expectedAverageSpend({ p, q, v }: GammaGammaParams, frequency: number, monetaryValue: number): number {
  const x = frequency > 0 ? frequency : 0;
  return (p * (v + x * (x > 0 ? monetaryValue : 0))) / (p * x + q - 1);
}
