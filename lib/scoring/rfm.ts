/**
 * RFM quintile scores (1 = worst, 5 = best) and the classic RFM segment labels.
 * Scores come from mid-rank percentiles, so equal values always get equal scores and the result does not depend on
 * the input order. Recency is scored inverted (fewer days since the last activity = 5); an account with no
 * activity at all gets R = 1.
 */

export interface RfmInput {
  id: string;
  /** Days since the last order (or interaction); null = never. */
  recencyDays: number | null;
  frequency: number;
  monetary: number;
}
export interface RfmScore {
  r: number;
  f: number;
  m: number;
  label: RfmLabel;
}

export const RFM_LABELS = ['champions', 'loyal', 'recent', 'promising', 'cant_lose', 'at_risk', 'hibernating', 'lost'] as const;
export type RfmLabel = (typeof RFM_LABELS)[number];

/** Quintile score per value: mid-rank percentile p = (below + equal / 2) / n → 1 + floor(5p), capped at 5. */
export function quintileScores(values: readonly number[]): number[] {
  const n = values.length;
  const order = values.map((_, i) => i).sort((i, j) => values[i]! - values[j]!);
  const out = new Array<number>(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]!] === values[order[i]!]) j++;
    const p = (i + (j - i + 1) / 2) / n;
    const score = Math.min(5, 1 + Math.floor(p * 5));
    for (let k = i; k <= j; k++) out[order[k]!] = score;
    i = j + 1;
  }
  return out;
}

/**
 * Segment from R and F (M breaks no ties here; it stays available as its own score):
 * champions R≥4 F≥4 · loyal R≥3 F≥3 · recent R≥4 F≤2 · promising R=3 F≤2 · cant_lose R≤2 F≥4 · at_risk R≤2 F=3 ·
 * hibernating R=2 F≤2 · lost R=1 F≤2.
 */
export function rfmLabel(r: number, f: number): RfmLabel {
  if (r >= 4 && f >= 4) return 'champions';
  if (r >= 3 && f >= 3) return 'loyal';
  if (r >= 4) return 'recent';
  if (r === 3) return 'promising';
  if (f >= 4) return 'cant_lose';
  if (f === 3) return 'at_risk';
  return r === 2 ? 'hibernating' : 'lost';
}

export function rfmScores(rows: readonly RfmInput[]): Map<string, RfmScore> {
  // never active sorts as the oldest possible recency
  const rec = rows.map((r) => -(r.recencyDays ?? Number.MAX_SAFE_INTEGER));
  const rs = quintileScores(rec);
  const fs = quintileScores(rows.map((r) => r.frequency));
  const ms = quintileScores(rows.map((r) => r.monetary));
  const out = new Map<string, RfmScore>();
  rows.forEach((row, i) => {
    const r = row.recencyDays === null ? 1 : rs[i]!;
    out.set(row.id, { r, f: fs[i]!, m: ms[i]!, label: rfmLabel(r, fs[i]!) });
  });
  return out;
}
