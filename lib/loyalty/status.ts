/**
 * One account's standing in the loyalty programme (pure): points, tier, the next tier, a coming tier drop, badges
 * and referrals. What the 360° view shows, what segments and merge fields read, and what next-best-action uses.
 */
import type { LoyaltyRules } from '../schema/loyalty';
import { makeConverter, REFERENCE_TABLE, type RateTable } from '../currency/convert';
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

/** An order or a referral as the stores hold it (the portfolio's rows, or one account's). */
export interface StandingRecords {
  orders: readonly { id?: string; occurredAt: string; amount: number; currency?: string; deletedAt?: string | null }[];
  referralsMade: readonly { id?: string; referredAt: string; deletedAt?: string | null }[];
}

/**
 * One account's standing with its orders converted into the programme's currency through `rates` (the reporting
 * table, or the reference one): what the scoring and the 360° view both show. Null without a programme or when it
 * is off.
 */
export function accountStanding(records: StandingRecords, rules: LoyaltyRules | null, now: Date, rates: RateTable | null): LoyaltyStatus | null {
  if (!rules || !rules.enabled) return null;
  const converter = makeConverter(rules.currency, rates ?? REFERENCE_TABLE);
  const orders = records.orders.map((o, i) => ({
    id: o.id ?? `o${i}`,
    occurredAt: o.occurredAt,
    amount: o.amount,
    currency: o.currency ?? 'EUR',
    deletedAt: o.deletedAt ?? null,
  }));
  const referralsMade = records.referralsMade.map((r, i) => ({ id: r.id ?? `r${i}`, referredAt: r.referredAt, deletedAt: r.deletedAt ?? null }));
  return loyaltyStatus({ orders, referralsMade }, rules, now, (a, from) => converter.convert(a, from));
}
