/**
 * Badges for milestones (pure), each with the day it was earned: derived from orders, referrals and the tier
 * history, so every device shows the same badges without storing them.
 */
import type { PointsEvent } from './points';
import { addMonths, type TierChange } from './tiers';

export const BADGES = ['first_order', 'orders_10', 'orders_50', 'customer_1y', 'customer_5y', 'first_referral', 'referrals_5', 'top_tier'] as const;
export type BadgeKey = (typeof BADGES)[number];

export interface Badge {
  key: BadgeKey;
  /** Milliseconds since epoch. */
  earnedAt: number;
}

export interface BadgeInput {
  events: readonly PointsEvent[];
  /** Dates (ms) of the referrals this account made. */
  referralDates: readonly number[];
  history: readonly TierChange[];
  /** Rank of the programme's highest tier (0 without tiers). */
  topRank: number;
  now: Date;
}

/** The badges earned by `now`, in earning order. */
export function badgesFor({ events, referralDates, history, topRank, now }: BadgeInput): Badge[] {
  const t = now.getTime();
  const out: Badge[] = [];
  const purchases = events.filter((e) => e.kind === 'order' && e.at <= t).map((e) => e.at);
  const nth = (list: readonly number[], n: number) => (list.length >= n ? list[n - 1]! : null);
  const add = (key: BadgeKey, at: number | null) => {
    if (at !== null && at <= t) out.push({ key, earnedAt: at });
  };
  add('first_order', nth(purchases, 1));
  add('orders_10', nth(purchases, 10));
  add('orders_50', nth(purchases, 50));
  const first = nth(purchases, 1);
  if (first !== null) {
    add('customer_1y', addMonths(first, 12));
    add('customer_5y', addMonths(first, 60));
  }
  const refs = [...referralDates].filter((d) => d <= t).sort((a, b) => a - b);
  add('first_referral', nth(refs, 1));
  add('referrals_5', nth(refs, 5));
  if (topRank > 0) add('top_tier', history.find((c) => c.to?.rank === topRank)?.at ?? null);
  return out.sort((a, b) => a.earnedAt - b.earnedAt || BADGES.indexOf(a.key) - BADGES.indexOf(b.key));
}
