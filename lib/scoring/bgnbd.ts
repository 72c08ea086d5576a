/**
 * BG/NBD ("beta-geometric / negative binomial") repeat-purchase model of Fader, Hardie & Lee (2005),
 * "Counting Your Customers the Easy Way". Formulas follow the `lifetimes` Python package (BetaGeoFitter).
 * Time is in whatever unit the rows use (weeks in Carnet); `frequency` = repeat purchases x,
 * `recency` = age at the last purchase t_x, `T` = age at the end of the calibration period.
 */
import { digamma, hyp2f1Signed, lgamma, logAddExp, logBeta } from './special';
import { bfgs, minimizeMultiStart } from './optimize';

export interface BgNbdRow {
  frequency: number;
  recency: number;
  T: number;
}
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}
export interface BgNbdFit extends BgNbdParams {
  logLikelihood: number;
  /** Number of rows fitted. */
  n: number;
  evaluations: number;
}
export interface BgNbdFitOptions {
  /** L2 penalty on the parameters, added to the mean negative log-likelihood (as lifetimes does); 0 by default. */
  penalizer?: number;
  /** Starting points as [r, alpha, a, b] (e.g. the last fit, for a warm start); sensible defaults otherwise. */
  starts?: [number, number, number, number][];
  maxEvaluations?: number;
}

export function validateBgNbdRows(rows: readonly BgNbdRow[]): void {
  rows.forEach((row, i) => {
    const { frequency: x, recency: tx, T } = row;
    if (!Number.isInteger(x) || x < 0) throw new RangeError(`row ${i}: frequency must be a non-negative integer, got ${x}`);
    if (!(T > 0) || !Number.isFinite(T)) throw new RangeError(`row ${i}: T must be a positive number, got ${T}`);
    if (!(tx >= 0) || tx > T + 1e-9) throw new RangeError(`row ${i}: recency must be in [0, T], got ${tx}`);
    if (x > 0 && tx === 0) throw new RangeError(`row ${i}: recency must be > 0 when frequency > 0`);
  });
}

interface Grouped {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  count: Float64Array;
  /** Index into the distinct frequencies, for the per-x gamma terms. */
  xi: Int32Array;
  xs: number[];
  n: number;
}

/** Rows collapse to distinct (x, t_x, T) with counts: CDNOW's 2357 rows become far fewer. */
function group(rows: readonly BgNbdRow[]): Grouped {
  const map = new Map<string, number>();
  const gx: number[] = [],
    gtx: number[] = [],
    gT: number[] = [],
    gc: number[] = [];
  for (const { frequency, recency, T } of rows) {
    const key = `${frequency}|${recency}|${T}`;
    const at = map.get(key);
    if (at === undefined) {
      map.set(key, gx.length);
      gx.push(frequency);
      gtx.push(recency);
      gT.push(T);
      gc.push(1);
    } else gc[at]!++;
  }
  const xs = [...new Set(gx)].sort((p, q) => p - q);
  const xIndex = new Map(xs.map((x, i) => [x, i]));
  return {
    x: Float64Array.from(gx),
    tx: Float64Array.from(gtx),
    T: Float64Array.from(gT),
    count: Float64Array.from(gc),
    xi: Int32Array.from(gx.map((x) => xIndex.get(x)!)),
    xs,
    n: rows.length,
  };
}

function logLikelihoodGrouped(g: Grouped, { r, alpha, a, b }: BgNbdParams): number {
  const base = r * Math.log(alpha) + lgamma(a + b) - lgamma(b) - lgamma(r);
  const perX = g.xs.map((x) => lgamma(r + x) + lgamma(b + x) - lgamma(a + b + x));
  const logA = Math.log(a);
  let ll = 0;
  for (let i = 0; i < g.x.length; i++) {
    const x = g.x[i]!;
    const A3 = -(r + x) * Math.log(alpha + g.T[i]!);
    let term = A3;
    if (x > 0) {
      const A4 = logA - Math.log(b + x - 1) - (r + x) * Math.log(alpha + g.tx[i]!);
      term = logAddExp(A3, A4);
    }
    ll += g.count[i]! * (base + perX[g.xi[i]!]! + term);
  }
  return ll;
}

/** Log-likelihood and its gradient with respect to (log r, log alpha, log a, log b). */
function logLikelihoodWithGradient(g: Grouped, { r, alpha, a, b }: BgNbdParams, grad: number[]): number {
  const base = r * Math.log(alpha) + lgamma(a + b) - lgamma(b) - lgamma(r);
  const dBase = { r: Math.log(alpha) - digamma(r), alpha: r / alpha, ab: digamma(a + b), b: -digamma(b) };
  const nx = g.xs.length;
  const perX = new Float64Array(nx),
    dR = new Float64Array(nx),
    dA = new Float64Array(nx),
    dB = new Float64Array(nx);
  g.xs.forEach((x, i) => {
    perX[i] = lgamma(r + x) + lgamma(b + x) - lgamma(a + b + x);
    const psiABX = digamma(a + b + x);
    dR[i] = digamma(r + x);
    dA[i] = -psiABX;
    dB[i] = digamma(b + x) - psiABX;
  });
  const logA = Math.log(a);
  let ll = 0,
    gr = 0,
    gal = 0,
    ga = 0,
    gb = 0;
  for (let i = 0; i < g.x.length; i++) {
    const x = g.x[i]!;
    const c = g.count[i]!;
    const xi = g.xi[i]!;
    const lT = Math.log(alpha + g.T[i]!);
    const A3 = -(r + x) * lT;
    let term = A3;
    let w = 0;
    let lTx = 0;
    if (x > 0) {
      lTx = Math.log(alpha + g.tx[i]!);
      const A4 = logA - Math.log(b + x - 1) - (r + x) * lTx;
      term = logAddExp(A3, A4);
      w = Math.exp(A4 - term);
    }
    ll += c * (base + perX[xi]! + term);
    gr += c * (dBase.r + dR[xi]! - (1 - w) * lT - w * lTx);
    gal += c * (dBase.alpha - (r + x) * ((1 - w) / (alpha + g.T[i]!) + (x > 0 ? w / (alpha + g.tx[i]!) : 0)));
    ga += c * (dBase.ab + dA[xi]! + (x > 0 ? w / a : 0));
    gb += c * (dBase.ab + dBase.b + dB[xi]! - (x > 0 ? w / (b + x - 1) : 0));
  }
  grad[0] = gr * r;
  grad[1] = gal * alpha;
  grad[2] = ga * a;
  grad[3] = gb * b;
  return ll;
}

/** Total log-likelihood of the rows under the given parameters. */
export function bgNbdLogLikelihood(rows: readonly BgNbdRow[], params: BgNbdParams): number {
  return logLikelihoodGrouped(group(rows), params);
}

const LOG_BOUND = 12;

export function fitBgNbd(rows: readonly BgNbdRow[], opts: BgNbdFitOptions = {}): BgNbdFit {
  if (rows.length === 0) throw new RangeError('fitBgNbd: no rows to fit');
  validateBgNbdRows(rows);
  const g = group(rows);
  const penalizer = opts.penalizer ?? 0;
  const meanT = rows.reduce((s, row) => s + row.T, 0) / rows.length;
  const objective = (theta: number[]): number => {
    if (theta.some((v) => Math.abs(v) > LOG_BOUND)) return Infinity;
    const p = { r: Math.exp(theta[0]!), alpha: Math.exp(theta[1]!), a: Math.exp(theta[2]!), b: Math.exp(theta[3]!) };
    const nll = -logLikelihoodGrouped(g, p) / g.n;
    return penalizer > 0 ? nll + penalizer * (p.r ** 2 + p.alpha ** 2 + p.a ** 2 + p.b ** 2) : nll;
  };
  const starts = (
    opts.starts ?? [
      [1, meanT, 1, 1],
      [0.3, meanT / 4, 0.5, 2],
      [2, meanT * 2, 2, 0.5],
    ]
  ).map((s) => s.map(Math.log));
  // BFGS on the analytic gradient from each start; Nelder–Mead polishes a start that did not converge.
  // Parameters are kept within e^±LOG_BOUND: data without drop-outs sends a and b to infinity, which is no better a fit.
  const fg = (theta: number[], grad: number[]): number => {
    if (theta.some((v) => Math.abs(v) > LOG_BOUND)) return Infinity;
    const p = { r: Math.exp(theta[0]!), alpha: Math.exp(theta[1]!), a: Math.exp(theta[2]!), b: Math.exp(theta[3]!) };
    const ll = logLikelihoodWithGradient(g, p, grad);
    for (let i = 0; i < 4; i++) grad[i] = -grad[i]! / g.n;
    if (penalizer > 0) {
      const v = [p.r, p.alpha, p.a, p.b];
      for (let i = 0; i < 4; i++) grad[i]! += penalizer * 2 * v[i]! * v[i]!;
      return -ll / g.n + penalizer * v.reduce((acc, x) => acc + x * x, 0);
    }
    return -ll / g.n;
  };
  let res: { x: number[]; fx: number; evaluations: number } | null = null;
  let evaluations = 0;
  for (const start of starts) {
    let one: { x: number[]; fx: number; evaluations: number; converged?: boolean } = bfgs(fg, start, { maxIterations: 200, gradTolerance: 1e-9 });
    evaluations += one.evaluations;
    if (!(one as { converged: boolean }).converged) {
      one = minimizeMultiStart(objective, [one.x], { maxEvaluations: opts.maxEvaluations ?? 1500, fTolerance: 1e-12, xTolerance: 1e-7, restarts: 1 });
      evaluations += one.evaluations;
    }
    if (!res || one.fx < res.fx) res = one;
  }
  res = { ...res!, evaluations };
  const [r, alpha, a, b] = res.x.map(Math.exp) as [number, number, number, number];
  const params = { r, alpha, a, b };
  return { ...params, logLikelihood: logLikelihoodGrouped(g, params), n: rows.length, evaluations: res.evaluations };
}

/** Probability the customer is still alive at T, given x repeat purchases, the last at t_x. */
export function pAlive({ r, alpha, a, b }: BgNbdParams, frequency: number, recency: number, T: number): number {
  if (frequency === 0) return 1;
  const logDiv = (r + frequency) * Math.log((alpha + T) / (alpha + recency)) + Math.log(a / (b + frequency - 1));
  return Math.exp(-logAddExp(logDiv, 0));
}

/** E[X(t)] for a customer just acquired (unconditional expectation over the population). */
export function expectedTransactionsNew({ r, alpha, a, b }: BgNbdParams, t: number): number {
  if (t <= 0) return 0;
  const h = hyp2f1Signed(r, b, a + b - 1, t / (alpha + t));
  return ((a + b - 1) / (a - 1)) * (1 - h.sign * Math.exp(h.log + r * Math.log(alpha / (alpha + t))));
}

/** E[Y(t) | x, t_x, T]: expected purchases in the next t periods for a customer with that history. */
export function expectedTransactions({ r, alpha, a, b }: BgNbdParams, t: number, frequency: number, recency: number, T: number): number {
  if (t <= 0) return 0;
  const x = frequency;
  const ca = r + x;
  const cb = b + x;
  const cc = a + b + x - 1;
  const z = t / (alpha + T + t);
  // With a + b < 1 and x = 0, cc < 0 and 2F1 is negative over much of the range: its sign is carried (#12).
  const h = hyp2f1Signed(ca, cb, cc, z);
  const first = (a + b + x - 1) / (a - 1);
  const second = 1 - h.sign * Math.exp(h.log + (r + x) * Math.log((alpha + T) / (alpha + t + T)));
  const denom = 1 + (x > 0 ? (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + recency), r + x) : 0);
  return (first * second) / denom;
}

/** P(X(t) = n) for a newly acquired customer (FHL 2005 eq. 8). */
export function probabilityOfNPurchases({ r, alpha, a, b }: BgNbdParams, t: number, n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  const lb = logBeta(a, b);
  const logP = Math.log(alpha / (alpha + t));
  const logQ = Math.log(t / (alpha + t));
  const first = Math.exp(logBeta(a, b + n) - lb + lgamma(r + n) - lgamma(r) - lgamma(n + 1) + r * logP + (n > 0 ? n * logQ : 0));
  if (n === 0) return first;
  let finite = 0;
  for (let j = 0; j < n; j++) finite += Math.exp(lgamma(r + j) - lgamma(r) - lgamma(j + 1) + (j > 0 ? j * logQ : 0));
  const second = Math.exp(logBeta(a + 1, b + n - 1) - lb) * (1 - Math.exp(r * logP) * finite);
  return first + second;
}
