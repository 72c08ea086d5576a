/** Lifecycle stage of an account from its dates, activity and churn risk, with user-editable thresholds. */
import * as z from 'zod/mini';
import { DAY_MS, ms } from './time';

export const LIFECYCLE_STAGES = ['new', 'active', 'at_risk', 'dormant', 'churned'] as const;
export type Lifecycle = (typeof LIFECYCLE_STAGES)[number];

export const LifecycleThresholds = z.object({
  /** An account is 'new' for this many days after it started (contract start, first order or creation). */
  newDays: z._default(z.number().check(z.int(), z.gte(0), z.lte(3650)), 60),
  /** No contact nor order for this many days → 'at_risk'. */
  atRiskDays: z._default(z.number().check(z.int(), z.gte(1), z.lte(3650)), 60),
  /** Churn probability at or above this → 'at_risk'. */
  atRiskProbability: z._default(z.number().check(z.gte(0), z.lte(1)), 0.5),
  /** No contact nor order for this many days → 'dormant'. */
  dormantDays: z._default(z.number().check(z.int(), z.gte(1), z.lte(3650)), 120),
  /** No activity for this many days counts as churned even without a churn date; 0 = only an explicit churn date. */
  churnedAfterDays: z._default(z.number().check(z.int(), z.gte(0), z.lte(3650)), 0),
});
export type LifecycleThresholds = z.infer<typeof LifecycleThresholds>;
export const DEFAULT_LIFECYCLE_THRESHOLDS: LifecycleThresholds = LifecycleThresholds.parse({});

export interface LifecycleInput {
  /** ISO date the account was lost, or null. Dates here may also be given as epoch milliseconds. */
  churnedAt: string | number | null;
  /** ISO date/time the relationship started (contract start, first order, or record creation). */
  startedAt: string | number | null;
  /** ISO date/time of the last contact or order, or null. */
  lastActivityAt: string | number | null;
  churnProbability: number | null;
}

/** Checked in order: churned, new, dormant, at_risk, active. */
export function lifecycleStage(input: LifecycleInput, now: Date, th: LifecycleThresholds = DEFAULT_LIFECYCLE_THRESHOLDS): Lifecycle {
  const t = now.getTime();
  const churned = ms(input.churnedAt);
  if (churned <= t) return 'churned';
  const started = ms(input.startedAt);
  const last = ms(input.lastActivityAt);
  const idle = Number.isNaN(last) ? (Number.isNaN(started) ? Infinity : (t - started) / DAY_MS) : (t - last) / DAY_MS;
  if (th.churnedAfterDays > 0 && idle >= th.churnedAfterDays) return 'churned';
  if (!Number.isNaN(started) && (t - started) / DAY_MS < th.newDays) return 'new';
  if (idle >= th.dormantDays) return 'dormant';
  if (idle >= th.atRiskDays || (input.churnProbability ?? 0) >= th.atRiskProbability) return 'at_risk';
  return 'active';
}

export const VALUE_TIERS = ['high', 'medium', 'low'] as const;
export type ValueTier = (typeof VALUE_TIERS)[number];

export interface ValueTierCuts {
  high: number;
  medium: number;
}

/** Cuts at the portfolio's 80th and 50th CLV percentiles (accounts without a CLV are left out). */
export function valueTierCuts(clvs: readonly (number | null)[]): ValueTierCuts | null {
  const xs = clvs.filter((c): c is number => c !== null && Number.isFinite(c)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const q = (p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
  return { high: q(0.8), medium: q(0.5) };
}

/** 'high' at or above the high cut, 'medium' at or above the medium cut, else 'low'; null without a CLV. */
export function valueTier(clv: number | null, cuts: ValueTierCuts | null): ValueTier | null {
  if (clv === null || !cuts) return null;
  return clv >= cuts.high ? 'high' : clv >= cuts.medium ? 'medium' : 'low';
}
