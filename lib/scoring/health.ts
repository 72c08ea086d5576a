/**
 * Churn health model: an L2-regularised logistic regression over a flat feature record, trained by Newton's method
 * (deterministic), plus the documented default model used until the user has labelled enough accounts.
 * Numeric features are (optionally log1p-transformed and) standardised; a missing numeric value is imputed with the
 * training mean and flagged by its own indicator weight; strings are one-hot; booleans are 0/1.
 */

export type FeatureValue = number | string | boolean | null | undefined;
export type FeatureRecord = Record<string, FeatureValue>;

/** How a feature's contribution is explained: a reason key per direction and which values go into its params. */
export interface ReasonSpec {
  /** Reason key when the feature raises the churn risk. */
  up: string;
  /** Reason key when it lowers the risk; omitted = not shown as a reason. */
  down?: string;
  /** Reason key when the value is missing and that raises the risk (e.g. 'never_contacted'); omitted = not shown. */
  missing?: string;
  /** Param name under which the feature's own (raw) value is passed; default 'value'. */
  param?: string;
  /** Other entries of the feature record to pass as params (e.g. the two counts behind a trend). */
  extra?: string[];
}

export type FeatureSpec =
  | {
      key: string;
      kind: 'numeric';
      transform: 'none' | 'log1p';
      /** Clip the raw value to this range before transforming. */
      clip?: [number, number];
      mean: number;
      std: number;
      weight: number;
      /** Added to the logit when the value is missing (the value itself is then imputed with the mean). */
      missingWeight: number;
    }
  | { key: string; kind: 'boolean'; weight: number; missingWeight: number }
  | { key: string; kind: 'categorical'; weights: Record<string, number> };

export interface HealthModel {
  version: 1;
  intercept: number;
  features: FeatureSpec[];
  reasons: Record<string, ReasonSpec>;
  /** Labelled rows it was trained on (0 for the default model). */
  trainedOn: number;
  l2: number;
}

export interface TrainRow {
  features: FeatureRecord;
  churned: boolean;
}

export interface TrainOptions {
  /** L2 strength on the (standardised) weights; the intercept is not penalised. Default 1. */
  l2?: number;
  transforms?: Record<string, 'none' | 'log1p'>;
  clips?: Record<string, [number, number]>;
  reasons?: Record<string, ReasonSpec>;
  /** Force a feature's kind instead of inferring it from the values. */
  kinds?: Record<string, 'numeric' | 'boolean' | 'categorical'>;
  maxIterations?: number;
}

const isMissing = (v: FeatureValue): v is null | undefined => v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v)) || v === '';

function numericValue(spec: Extract<FeatureSpec, { kind: 'numeric' }>, v: number): number {
  let x = v;
  if (spec.clip) x = Math.min(spec.clip[1], Math.max(spec.clip[0], x));
  if (spec.transform === 'log1p') x = Math.log1p(Math.max(0, x));
  return (x - spec.mean) / spec.std;
}

function toNumber(v: FeatureValue): number | null {
  if (isMissing(v)) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/** One column of the design matrix, by name (for debugging and reasons). */
interface Column {
  feature: number;
  value: (rec: FeatureRecord) => number;
  set: (spec: FeatureSpec, w: number) => void;
}

function columnsFor(specs: FeatureSpec[], hasMissing: Set<string>): Column[] {
  const cols: Column[] = [];
  specs.forEach((spec, fi) => {
    if (spec.kind === 'numeric') {
      cols.push({
        feature: fi,
        value: (r) => {
          const n = toNumber(r[spec.key]);
          return n === null ? 0 : numericValue(spec, n);
        },
        set: (s, w) => ((s as typeof spec).weight = w),
      });
      if (hasMissing.has(spec.key))
        cols.push({ feature: fi, value: (r) => (toNumber(r[spec.key]) === null ? 1 : 0), set: (s, w) => ((s as typeof spec).missingWeight = w) });
    } else if (spec.kind === 'boolean') {
      cols.push({ feature: fi, value: (r) => toNumber(r[spec.key]) ?? 0, set: (s, w) => ((s as typeof spec).weight = w) });
      if (hasMissing.has(spec.key))
        cols.push({ feature: fi, value: (r) => (isMissing(r[spec.key]) ? 1 : 0), set: (s, w) => ((s as typeof spec).missingWeight = w) });
    } else {
      for (const cat of Object.keys(spec.weights)) {
        cols.push({ feature: fi, value: (r) => (String(r[spec.key]) === cat ? 1 : 0), set: (s, w) => ((s as typeof spec).weights[cat] = w) });
      }
    }
  });
  return cols;
}

/** Solves A x = b for symmetric positive-definite A (Cholesky), in place on copies. */
function solveSpd(A: Float64Array, b: Float64Array, d: number): Float64Array {
  const L = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * d + j]!;
      for (let k = 0; k < j; k++) s -= L[i * d + k]! * L[j * d + k]!;
      if (i === j) L[i * d + i] = Math.sqrt(Math.max(s, 1e-12));
      else L[i * d + j] = s / L[j * d + j]!;
    }
  }
  const y = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i * d + k]! * y[k]!;
    y[i] = s / L[i * d + i]!;
  }
  const x = new Float64Array(d);
  for (let i = d - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < d; k++) s -= L[k * d + i]! * x[k]!;
    x[i] = s / L[i * d + i]!;
  }
  return x;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export function trainHealthModel(rows: readonly TrainRow[], opts: TrainOptions = {}): HealthModel {
  if (rows.length === 0) throw new RangeError('trainHealthModel: no labelled rows');
  const l2 = opts.l2 ?? 1;
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r.features)))].sort();
  const specs: FeatureSpec[] = [];
  const hasMissing = new Set<string>();
  for (const key of keys) {
    const values = rows.map((r) => r.features[key]);
    const present = values.filter((v) => !isMissing(v));
    if (present.length < values.length) hasMissing.add(key);
    if (present.length === 0) continue;
    const kind =
      opts.kinds?.[key] ?? (present.some((v) => typeof v === 'string') ? 'categorical' : present.every((v) => typeof v === 'boolean') ? 'boolean' : 'numeric');
    if (kind === 'categorical') {
      const cats = [...new Set(present.map(String))].sort();
      specs.push({ key, kind, weights: Object.fromEntries(cats.map((c) => [c, 0])) });
    } else if (kind === 'boolean') {
      specs.push({ key, kind, weight: 0, missingWeight: 0 });
    } else {
      const spec: Extract<FeatureSpec, { kind: 'numeric' }> = {
        key,
        kind,
        transform: opts.transforms?.[key] ?? 'none',
        ...(opts.clips?.[key] ? { clip: opts.clips[key] } : {}),
        mean: 0,
        std: 1,
        weight: 0,
        missingWeight: 0,
      };
      const xs = present.map((v) => numericValue(spec, toNumber(v) ?? 0));
      const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
      spec.mean = mean;
      spec.std = sd > 1e-12 ? sd : 1;
      specs.push(spec);
    }
  }
  const cols = columnsFor(specs, hasMissing);
  const d = cols.length + 1; // last column is the intercept
  const n = rows.length;
  const X = new Float64Array(n * d);
  const y = new Float64Array(n);
  rows.forEach((row, i) => {
    cols.forEach((c, j) => (X[i * d + j] = c.value(row.features)));
    X[i * d + d - 1] = 1;
    y[i] = row.churned ? 1 : 0;
  });

  const w = new Float64Array(d);
  const base = rows.reduce((s, r) => s + (r.churned ? 1 : 0), 0) / n;
  w[d - 1] = Math.log(Math.max(base, 1e-6) / Math.max(1 - base, 1e-6));
  for (let iter = 0; iter < (opts.maxIterations ?? 50); iter++) {
    const grad = new Float64Array(d);
    const H = new Float64Array(d * d);
    for (let i = 0; i < n; i++) {
      const off = i * d;
      let z = 0;
      for (let j = 0; j < d; j++) z += X[off + j]! * w[j]!;
      const p = sigmoid(z);
      const r = p - y[i]!;
      const s = p * (1 - p);
      for (let j = 0; j < d; j++) {
        const xj = X[off + j]!;
        if (xj === 0) continue;
        grad[j]! += r * xj;
        const sx = s * xj;
        for (let k = 0; k <= j; k++) H[j * d + k]! += sx * X[off + k]!;
      }
    }
    for (let j = 0; j < d; j++) for (let k = j + 1; k < d; k++) H[j * d + k] = H[k * d + j]!;
    for (let j = 0; j < d - 1; j++) {
      grad[j]! += l2 * w[j]!;
      H[j * d + j]! += l2;
    }
    H[(d - 1) * d + d - 1]! += 1e-9;
    const step = solveSpd(H, grad, d);
    let maxStep = 0;
    for (let j = 0; j < d; j++) {
      w[j]! -= step[j]!;
      maxStep = Math.max(maxStep, Math.abs(step[j]!));
    }
    if (maxStep < 1e-9) break;
  }
  cols.forEach((c, j) => c.set(specs[c.feature]!, w[j]!));
  return { version: 1, intercept: w[d - 1]!, features: specs, reasons: opts.reasons ?? {}, trainedOn: n, l2 };
}

export interface ChurnReason {
  key: string;
  /** Contribution to the logit: > 0 raises the churn risk. */
  weight: number;
  params: Record<string, string | number>;
}

export interface ChurnPrediction {
  probability: number;
  reasons: ChurnReason[];
}

function paramValue(v: FeatureValue): string | number {
  if (typeof v === 'number') return Math.round(v * 100) / 100;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v ?? '';
}

/** Churn probability and the top contributions (by size), each as a reason key + params the UI translates. */
export function predictChurn(model: HealthModel, features: FeatureRecord, topN = 3): ChurnPrediction {
  let z = model.intercept;
  const contributions: { spec: FeatureSpec; c: number; missing: boolean }[] = [];
  for (const spec of model.features) {
    const v = features[spec.key];
    let c: number;
    let missing = false;
    if (spec.kind === 'categorical') {
      c = isMissing(v) ? 0 : (spec.weights[String(v)] ?? 0);
    } else {
      const n = toNumber(v);
      missing = n === null;
      c = missing ? spec.missingWeight : spec.kind === 'numeric' ? spec.weight * numericValue(spec, n!) : spec.weight * n!;
    }
    z += c;
    contributions.push({ spec, c, missing });
  }
  const reasons: ChurnReason[] = [];
  for (const { spec, c, missing } of contributions.sort((p, q) => Math.abs(q.c) - Math.abs(p.c))) {
    if (reasons.length >= topN || Math.abs(c) < 0.05) break;
    const rs = model.reasons[spec.key];
    const v = features[spec.key];
    if (rs) {
      const key = missing ? rs.missing : c > 0 ? rs.up : rs.down;
      if (!key || (missing && c <= 0)) continue;
      const params: Record<string, string | number> = {};
      if (!missing) params[rs.param ?? 'value'] = paramValue(v);
      for (const extra of rs.extra ?? []) if (!isMissing(features[extra])) params[extra] = paramValue(features[extra]);
      reasons.push({ key, weight: c, params });
    } else {
      reasons.push({ key: spec.key, weight: c, params: missing ? { value: '' } : { value: paramValue(v) } });
    }
  }
  return { probability: sigmoid(z), reasons };
}

/** Area under the ROC curve (Mann–Whitney, ties counted half). */
export function auc(preds: readonly number[], labels: readonly (boolean | number)[]): number {
  if (preds.length !== labels.length) throw new RangeError('auc: preds and labels differ in length');
  const idx = preds.map((_, i) => i).sort((i, j) => preds[i]! - preds[j]!);
  let rankSumPos = 0;
  let pos = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && preds[idx[j + 1]!] === preds[idx[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++)
      if (labels[idx[k]!]) {
        rankSumPos += rank;
        pos++;
      }
    i = j + 1;
  }
  const neg = preds.length - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

export interface ReliabilityRow {
  lower: number;
  upper: number;
  count: number;
  meanPredicted: number;
  observedRate: number;
}

/** Calibration table: equal-width probability bins, mean prediction vs observed rate in each (empty bins kept). */
export function reliabilityTable(preds: readonly number[], labels: readonly (boolean | number)[], bins = 10): ReliabilityRow[] {
  const rows: ReliabilityRow[] = Array.from({ length: bins }, (_, b) => ({
    lower: b / bins,
    upper: (b + 1) / bins,
    count: 0,
    meanPredicted: 0,
    observedRate: 0,
  }));
  preds.forEach((p, i) => {
    const row = rows[Math.min(bins - 1, Math.max(0, Math.floor(p * bins)))]!;
    row.count++;
    row.meanPredicted += p;
    row.observedRate += labels[i] ? 1 : 0;
  });
  for (const row of rows)
    if (row.count) {
      row.meanPredicted /= row.count;
      row.observedRate /= row.count;
    }
  return rows;
}

/** Minimum labels before the user's own model replaces the default one. */
export const RETRAIN_MIN = { total: 40, perClass: 10 };

export function shouldRetrain(labels: { churned: number; retained: number }): boolean {
  return labels.churned + labels.retained >= RETRAIN_MIN.total && Math.min(labels.churned, labels.retained) >= RETRAIN_MIN.perClass;
}
