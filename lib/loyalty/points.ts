/**
 * Points from orders and referrals, as a list of dated events (pure). Each order earns trunc(amount × pointsPerUnit)
 * in the programme currency, so a return or credit note (negative amount) takes back exactly what its order earned;
 * bonuses are added on top and are not taken back by a later credit note (a credit note names no order).
 */
import type { LoyaltyRules } from '../schema/loyalty';
import { ms } from '../scoring/time';

export interface OrderForPoints {
  id: string;
  occurredAt: string;
  amount: number;
  currency: string;
  deletedAt?: string | null;
}

export interface ReferralForPoints {
  id: string;
  referredAt: string;
  deletedAt?: string | null;
}

export type PointsEventKind = 'order' | 'return' | 'bonus_first_order' | 'bonus_order' | 'bonus_referral';

export interface PointsEvent {
  /** Milliseconds since epoch. */
  at: number;
  points: number;
  kind: PointsEventKind;
  /** The order or referral it came from. */
  ref: string;
}

/** Amount in `from` expressed in the programme currency, or null when it cannot be converted. */
export type ConvertFn = (amount: number, from: string) => number | null;

export interface PointsResult {
  events: PointsEvent[];
  /** Orders left out because their currency has no exchange rate. */
  unconverted: number;
}

const alive = (r: { deletedAt?: string | null }) => !r.deletedAt;

/** Every points event up to `now`, oldest first (same instant: orders before bonuses). */
export function pointsEvents(
  orders: readonly OrderForPoints[],
  referralsMade: readonly ReferralForPoints[],
  rules: Pick<LoyaltyRules, 'currency' | 'pointsPerUnit' | 'bonuses'>,
  now: Date,
  convert: ConvertFn = (a, from) => (from === rules.currency ? a : null),
): PointsResult {
  const t = now.getTime();
  const events: PointsEvent[] = [];
  let unconverted = 0;
  const dated = orders
    .filter(alive)
    .map((o) => ({ o, at: ms(o.occurredAt) }))
    .filter((x) => x.at <= t)
    .sort((a, b) => a.at - b.at || (a.o.id < b.o.id ? -1 : 1));
  const firstBonus = rules.bonuses.filter((b) => b.kind === 'first_order').reduce((s, b) => s + b.points, 0);
  const orderBonuses = rules.bonuses.filter((b) => b.kind === 'order_at_least' && b.minAmount !== null);
  let firstSeen = false;
  for (const { o, at } of dated) {
    if (!Number.isFinite(o.amount) || o.amount === 0) continue;
    const amount = convert(o.amount, o.currency);
    if (amount === null || !Number.isFinite(amount)) {
      unconverted++;
      continue;
    }
    // trunc, not floor: -99.90 takes back the 99 points that 99.90 earned
    const points = Math.trunc(amount * rules.pointsPerUnit + (amount >= 0 ? 1e-9 : -1e-9));
    if (points !== 0) events.push({ at, points, kind: amount > 0 ? 'order' : 'return', ref: o.id });
    if (amount <= 0) continue;
    if (!firstSeen) {
      firstSeen = true;
      if (firstBonus > 0) events.push({ at, points: firstBonus, kind: 'bonus_first_order', ref: o.id });
    }
    for (const b of orderBonuses) if (amount >= b.minAmount! && b.points > 0) events.push({ at, points: b.points, kind: 'bonus_order', ref: o.id });
  }
  const referralBonus = rules.bonuses.filter((b) => b.kind === 'referral').reduce((s, b) => s + b.points, 0);
  if (referralBonus > 0) {
    for (const r of referralsMade) {
      const at = ms(r.referredAt);
      if (alive(r) && at <= t) events.push({ at, points: referralBonus, kind: 'bonus_referral', ref: r.id });
    }
  }
  events.sort((a, b) => a.at - b.at);
  return { events, unconverted };
}

/** Lifetime balance: every event's points, never below zero. */
export function lifetimePoints(events: readonly PointsEvent[]): number {
  return Math.max(
    0,
    events.reduce((s, e) => s + e.points, 0),
  );
}
