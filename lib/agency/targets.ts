/** KPI targets ("ROAS ≥ 4", "CPA ≤ 30 €") judged on a period's KPIs. */
import type { KpiTarget } from '../schema/agency-plan';
import type { Kpis } from './kpi';

export type TargetStatus = 'met' | 'missed' | 'no_data';

export interface TargetResult {
  target: KpiTarget;
  value: number | null;
  status: TargetStatus;
  /** How far from the target, as a share of it: positive = better than the target, negative = short of it. */
  gap: number | null;
}

/**
 * A ratio without its denominator has no value, but for costs per result it is still a verdict: spend with no
 * conversion misses any CPA target, spend with no click any CPC target. ROAS without spend, CTR without
 * impressions have no data.
 */
function missingVerdict(k: Kpis, t: KpiTarget): TargetStatus {
  if (t.op === 'max' && k.spend > 0) {
    if (t.metric === 'cpa' && k.conversions === 0) return 'missed';
    if (t.metric === 'cpc' && k.clicks === 0) return 'missed';
  }
  if (t.op === 'min' && t.metric === 'roas' && k.spend > 0) return 'missed';
  return 'no_data';
}

export function evaluateTarget(k: Kpis, target: KpiTarget): TargetResult {
  const value = k[target.metric];
  if (value === null) {
    const status = missingVerdict(k, target);
    return { target, value, status, gap: status === 'missed' ? -1 : null };
  }
  // Nothing spent, nothing delivered: a period without activity is not a missed target.
  if (k.spend === 0 && k.impressions === 0 && target.metric !== 'spend') return { target, value, status: 'no_data', gap: null };
  const met = target.op === 'min' ? value >= target.value : value <= target.value;
  const gap = target.value === 0 ? (met ? 0 : -1) : target.op === 'min' ? (value - target.value) / target.value : (target.value - value) / target.value;
  return { target, value, status: met ? 'met' : 'missed', gap };
}

export function evaluateTargets(k: Kpis, targets: readonly KpiTarget[]): TargetResult[] {
  return targets.map((t) => evaluateTarget(k, t));
}

export const anyMissed = (results: readonly TargetResult[]): boolean => results.some((r) => r.status === 'missed');
