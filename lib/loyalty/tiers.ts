/**
 * Tiers from points events (pure). A tier is held on the qualifying points: those earned in the last `windowMonths`
 * (every point counts for the tier until the same day `windowMonths` later, then it expires for the tier: tier
 * decay), or every point when the window is null. Qualifying points never go below zero.
 */
import type { LoyaltyRules, LoyaltyTier } from '../schema/loyalty';
import { DAY_MS } from '../scoring/time';
import type { PointsEvent } from './points';

export interface RankedTier extends LoyaltyTier {
  /** 1 for the lowest tier; 0 means no tier. */
  rank: number;
}

/** The programme's tiers, lowest threshold first, ranked from 1. */
export function rankedTiers(tiers: readonly LoyaltyTier[]): RankedTier[] {
  return [...tiers].sort((a, b) => a.threshold - b.threshold).map((t, i) => ({ ...t, rank: i + 1 }));
}

/** The highest tier these points hold, or null. */
export function tierFor(points: number, tiers: readonly RankedTier[]): RankedTier | null {
  let out: RankedTier | null = null;
  for (const t of tiers) if (points >= t.threshold) out = t;
  return out;
}

/** The same instant `months` later, the day clamped to the month's last (31 Jan + 1 month = 28/29 Feb), UTC. */
export function addMonths(at: number, months: number): number {
  const d = new Date(at);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}

/** When an event stops counting for the tier (Infinity without a window). */
export function expiresAt(e: Pick<PointsEvent, 'at'>, windowMonths: number | null): number {
  return windowMonths === null ? Infinity : addMonths(e.at, windowMonths);
}

/** Points counting for the tier at `t`: earned at or before t and not yet expired. */
export function qualifyingPoints(events: readonly PointsEvent[], windowMonths: number | null, t: number): number {
  let sum = 0;
  for (const e of events) if (e.at <= t && expiresAt(e, windowMonths) > t) sum += e.points;
  return Math.max(0, sum);
}

export interface TierChange {
  at: number;
  from: RankedTier | null;
  to: RankedTier | null;
}

interface Delta {
  at: number;
  points: number;
}

/** Every event and every expiry up to `until`, as +/- deltas in time order. */
function deltas(events: readonly PointsEvent[], windowMonths: number | null, until: number): Delta[] {
  const out: Delta[] = [];
  for (const e of events) {
    if (e.at > until) continue;
    out.push({ at: e.at, points: e.points });
    const exp = expiresAt(e, windowMonths);
    if (exp <= until) out.push({ at: exp, points: -e.points });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Tier changes from the first event to `now`, oldest first (changes at one instant are one change). */
export function tierHistory(events: readonly PointsEvent[], rules: Pick<LoyaltyRules, 'tiers' | 'windowMonths'>, now: Date): TierChange[] {
  const tiers = rankedTiers(rules.tiers);
  const out: TierChange[] = [];
  let sum = 0;
  let current: RankedTier | null = null;
  const list = deltas(events, rules.windowMonths, now.getTime());
  for (let i = 0; i < list.length; ) {
    const at = list[i]!.at;
    while (i < list.length && list[i]!.at === at) sum += list[i++]!.points;
    const next = tierFor(Math.max(0, sum), tiers);
    if ((next?.id ?? null) !== (current?.id ?? null)) {
      out.push({ at, from: current, to: next });
      current = next;
    }
  }
  return out;
}

export interface TierDrop {
  /** When the tier is lost unless new points come in. */
  at: number;
  from: RankedTier;
  to: RankedTier | null;
  /** Points to earn before `at` to keep the tier past that day. */
  pointsNeeded: number;
  daysLeft: number;
}

/**
 * The first tier drop within `warnDays` if no new points are earned: expiring points push the qualifying points
 * under the current tier's threshold. Null without a window, without a tier, or when the tier holds.
 */
export function forecastDrop(events: readonly PointsEvent[], rules: Pick<LoyaltyRules, 'tiers' | 'windowMonths' | 'warnDays'>, now: Date): TierDrop | null {
  if (rules.windowMonths === null) return null;
  const t = now.getTime();
  const tiers = rankedTiers(rules.tiers);
  let q = qualifyingPoints(events, rules.windowMonths, t);
  const current = tierFor(q, tiers);
  if (!current) return null;
  const horizon = t + rules.warnDays * DAY_MS;
  const expiring = events
    .filter((e) => e.at <= t)
    .map((e) => ({ at: expiresAt(e, rules.windowMonths), points: e.points }))
    .filter((x) => x.at > t && x.at <= horizon)
    .sort((a, b) => a.at - b.at);
  let sum = events.reduce((s, e) => (e.at <= t && expiresAt(e, rules.windowMonths) > t ? s + e.points : s), 0);
  for (let i = 0; i < expiring.length; ) {
    const at = expiring[i]!.at;
    while (i < expiring.length && expiring[i]!.at === at) sum -= expiring[i++]!.points;
    q = Math.max(0, sum);
    const to = tierFor(q, tiers);
    if ((to?.rank ?? 0) < current.rank) {
      return { at, from: current, to, pointsNeeded: current.threshold - q, daysLeft: Math.max(0, Math.ceil((at - t) / DAY_MS)) };
    }
  }
  return null;
}
