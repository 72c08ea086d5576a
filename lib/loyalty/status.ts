/**
 * One account's standing in the loyalty programme (pure): points, tier, the next tier, a coming tier drop, badges
 * and referrals. What the 360° view shows, what segments and merge fields read, and what next-best-action uses.
 */
import type { LoyaltyRules } from '../schema/loyalty';
import { badgesFor, type Badge } from './badges';
import { lifetimePoints, pointsEvents, type ConvertFn, type OrderForPoints, type PointsEvent, type ReferralForPoints } from './points';
import { forecastDrop, qualifyingPoints, rankedTiers, tierFor, tierHistory, type RankedTier, type TierChange, type TierDrop } from './tiers';

export interface LoyaltyStatus {
  enabled: boolean;
  /** Lifetime balance. */
  points: number;
  /** Points that count for the tier now (the window's). */
  qualifyingPoints: number;
  tier: RankedTier | null;
  /** Since when the current tier (or no tier) holds, ms; null when nothing ever changed. */
  tierSince: number | null;
  next: { tier: RankedTier; pointsNeeded: number } | null;
  drop: TierDrop | null;
  badges: Badge[];
  referralsMade: number;
  history: TierChange[];
  events: PointsEvent[];
  /** Orders left out for want of an exchange rate. */
  unconverted: number;
}

export interface LoyaltyRecords {
  orders: readonly OrderForPoints[];
  /** Referrals in which this account is the referrer. */
  referralsMade: readonly ReferralForPoints[];
}

export function loyaltyStatus(records: LoyaltyRecords, rules: LoyaltyRules, now: Date, convert?: ConvertFn): LoyaltyStatus {
  const { events, unconverted } = pointsEvents(records.orders, records.referralsMade, rules, now, convert);
  const tiers = rankedTiers(rules.tiers);
  const q = qualifyingPoints(events, rules.windowMonths, now.getTime());
  const tier = tierFor(q, tiers);
  const history = tierHistory(events, rules, now);
  const above = tiers.find((x) => x.rank === (tier?.rank ?? 0) + 1) ?? null;
  const referrals = records.referralsMade.filter((r) => !r.deletedAt && Date.parse(r.referredAt) <= now.getTime());
  return {
    enabled: rules.enabled,
    points: lifetimePoints(events),
    qualifyingPoints: q,
    tier,
    tierSince: history.length ? history[history.length - 1]!.at : null,
    next: above ? { tier: above, pointsNeeded: above.threshold - q } : null,
    drop: forecastDrop(events, rules, now),
    badges: badgesFor({ events, referralDates: referrals.map((r) => Date.parse(r.referredAt)), history, topRank: tiers.length, now }),
    referralsMade: referrals.length,
    history,
    events,
    unconverted,
  };
}

/**
 * The account's tier name (in the user's words, e.g. "Gold"), or null: no programme, programme off, or no tier yet.
 * Pure, for the templates' "loyalty tier" merge field.
 */
export function loyaltyTierOf(
  account: { id: string; deletedAt?: string | null } | null,
  orders: readonly (OrderForPoints & { accountId?: string | null })[],
  rules: LoyaltyRules | null,
  opts: { referralsMade?: readonly ReferralForPoints[]; now?: Date; convert?: ConvertFn } = {},
): string | null {
  if (!account || account.deletedAt || !rules || !rules.enabled) return null;
  const now = opts.now ?? new Date();
  const own = orders.filter((o) => o.accountId === undefined || o.accountId === account.id);
  const { events } = pointsEvents(own, opts.referralsMade ?? [], rules, now, opts.convert);
  return tierFor(qualifyingPoints(events, rules.windowMonths, now.getTime()), rankedTiers(rules.tiers))?.name ?? null;
}
