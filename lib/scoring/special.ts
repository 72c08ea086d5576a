/** Special functions the probability models need (lgamma, digamma for positive arguments; 2F1 with its sign). */

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** log Γ(x) for x > 0 (Lanczos, about 15 significant digits). */
export function lgamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  const xm = x - 1;
  let s = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS_G + 2; i++) s += LANCZOS[i]! / (xm + i);
  const t = xm + LANCZOS_G + 0.5;
  return HALF_LOG_2PI + (xm + 0.5) * Math.log(t) - t + Math.log(s);
}

export function logBeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}

/** log(e^a + e^b) without overflow. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** A real number as its sign and the log of its magnitude: a value far outside double range keeps both. */
export interface SignedLog {
  sign: -1 | 0 | 1;
  /** log |value|; −Infinity when the value is 0. */
  log: number;
}

const SCALE = 1e200;
const LOG_SCALE = Math.log(SCALE);

/** Sum of the plain hypergeometric series; returns log|sum| and its sign, rescaling so huge sums never overflow. */
function seriesLog(a: number, b: number, c: number, z: number): SignedLog {
  let term = 1;
  let sum = 1;
  let offset = 0;
  for (let k = 0; k < 1_000_000; k++) {
    term *= (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    sum += term;
    if (Math.abs(sum) > SCALE) {
      sum /= SCALE;
      term /= SCALE;
      offset += LOG_SCALE;
    }
    if (term === 0 || (Math.abs(term) <= 1e-16 * Math.abs(sum) && k > 2)) break;
  }
  return { log: Math.log(Math.abs(sum)) + offset, sign: Math.sign(sum) as SignedLog['sign'] };
}

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for 0 ≤ z < 1, any real a, b and c not a non-positive integer,
 * as sign and log-magnitude. The sign matters: BG/NBD with a + b < 1 evaluates it at c = a + b + x − 1 < 0, where
 * it is negative over much of the range (#12). When c − a − b < 0 the series converges slowly and grows like
 * (1 − z)^(c−a−b), so Euler's transformation 2F1(a,b;c;z) = (1 − z)^(c−a−b) 2F1(c−a, c−b; c; z) is used, whose
 * series is bounded; its prefactor is positive, so the sign is the series'.
 */
export function hyp2f1Signed(a: number, b: number, c: number, z: number): SignedLog {
  if (!(z >= 0 && z < 1)) throw new RangeError(`hyp2f1: z must be in [0, 1), got ${z}`);
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`hyp2f1: c must not be a non-positive integer, got ${c}`);
  if (z === 0) return { sign: 1, log: 0 };
  if (c - a - b < 0) {
    const s = seriesLog(c - a, c - b, c, z);
    return { sign: s.sign, log: (c - a - b) * Math.log1p(-z) + s.log };
  }
  return seriesLog(a, b, c, z);
}

export function hyp2f1(a: number, b: number, c: number, z: number): number {
  const h = hyp2f1Signed(a, b, c, z);
  return h.sign * Math.exp(h.log);
}

/** Digamma ψ(x) for x > 0: recurrence up to x ≥ 6, then the asymptotic series. */
export function digamma(x: number): number {
  let r = 0;
  while (x < 6) {
    r -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  return r + Math.log(x) - 0.5 / x - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f / 132))));
}
