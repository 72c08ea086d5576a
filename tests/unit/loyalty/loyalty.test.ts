import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  addMonths,
  forecastDrop,
  loyaltyStatus,
  accountStanding,
  pointsEvents,
  qualifyingPoints,
  rankedTiers,
  tierFor,
  tierHistory,
  type OrderForPoints,
} from '../../../lib/loyalty';
import { DEFAULT_LOYALTY_RULES, LoyaltyProgrammeInput, ReferralInput, type LoyaltyRules } from '../../../lib/schema/loyalty';

const rules = (patch: Partial<LoyaltyRules> = {}): LoyaltyRules => LoyaltyProgrammeInput.parse({ ...DEFAULT_LOYALTY_RULES, ...patch });
let n = 0;
const order = (occurredAt: string, amount: number, currency = 'EUR'): OrderForPoints => ({ id: `o${++n}`, occurredAt, amount, currency });
const NOW = new Date('2026-12-01T12:00:00Z');

describe('points from orders', () => {
  it('earns trunc(amount × pointsPerUnit); a credit note takes back exactly what its order earned', () => {
    const r = rules({ pointsPerUnit: 2 });
    const { events } = pointsEvents([order('2026-01-10T10:00:00Z', 99.9), order('2026-02-10T10:00:00Z', -99.9)], [], r, NOW);
    expect(events.map((e) => [e.kind, e.points])).toEqual([
      ['order', 199],
      ['return', -199],
    ]);
    expect(loyaltyStatus({ orders: [order('2026-01-10T10:00:00Z', 99.9), order('2026-02-10T10:00:00Z', -99.9)], referralsMade: [] }, r, NOW).points).toBe(0);
  });

  it('ignores future, deleted and zero orders; the balance never goes below zero', () => {
    const r = rules();
    const orders = [
      order('2027-01-01T00:00:00Z', 500),
      { ...order('2026-01-01T00:00:00Z', 500), deletedAt: '2026-01-02T00:00:00.000Z-0000-x' },
      order('2026-03-01T00:00:00Z', 0),
      order('2026-04-01T00:00:00Z', -300),
    ];
    const s = loyaltyStatus({ orders, referralsMade: [] }, r, NOW);
    expect(s.events.map((e) => e.points)).toEqual([-300]);
    expect(s.points).toBe(0);
    expect(s.qualifyingPoints).toBe(0);
  });

  it('gives the bonuses the user set: first order once, each order at least the amount, each referral made', () => {
    const r = rules({
      bonuses: [
        { kind: 'first_order', points: 100, minAmount: null },
        { kind: 'order_at_least', points: 50, minAmount: 1000 },
        { kind: 'referral', points: 250, minAmount: null },
      ],
    });
    const { events } = pointsEvents(
      [order('2026-01-01T00:00:00Z', -20), order('2026-02-01T00:00:00Z', 1000), order('2026-03-01T00:00:00Z', 999), order('2026-04-01T00:00:00Z', 1500)],
      [{ id: 'r1', referredAt: '2026-05-01' }],
      r,
      NOW,
    );
    expect(events.map((e) => `${e.kind}:${e.points}`)).toEqual([
      'return:-20', // a credit note first is no first order
      'order:1000',
      'bonus_first_order:100',
      'bonus_order:50',
      'order:999',
      'order:1500',
      'bonus_order:50',
      'bonus_referral:250',
    ]);
  });

  it('converts other currencies into the programme currency and counts what it cannot convert', () => {
    const r = rules({ currency: 'EUR' });
    const convert = (a: number, from: string) => (from === 'EUR' ? a : from === 'GBP' ? a * 1.2 : null);
    const { events, unconverted } = pointsEvents([order('2026-01-01T00:00:00Z', 100, 'GBP'), order('2026-01-02T00:00:00Z', 100, 'XYZ')], [], r, NOW, convert);
    expect(events.map((e) => e.points)).toEqual([120]);
    expect(unconverted).toBe(1);
  });
});

describe('tiers', () => {
  const tiers = rankedTiers(DEFAULT_LOYALTY_RULES.tiers);

  it('ranks tiers by threshold and picks the highest held', () => {
    expect(tiers.map((t) => [t.id, t.rank])).toEqual([
      ['bronze', 1],
      ['silver', 2],
      ['gold', 3],
    ]);
    expect(tierFor(999, tiers)).toBeNull();
    expect(tierFor(1000, tiers)?.id).toBe('bronze');
    expect(tierFor(19_999, tiers)?.id).toBe('silver');
    expect(tierFor(20_000, tiers)?.id).toBe('gold');
  });

  it('goes up with orders, down with a credit note, and down again when points leave the 12-month window', () => {
    const r = rules();
    const orders = [
      order('2025-01-15T00:00:00Z', 6000),
      order('2025-03-01T00:00:00Z', 15000),
      order('2025-04-01T00:00:00Z', -2000),
      order('2025-09-01T00:00:00Z', 500),
    ];
    const history = tierHistory(pointsEvents(orders, [], r, NOW).events, r, NOW);
    expect(history.map((c) => [new Date(c.at).toISOString().slice(0, 10), c.from?.id ?? null, c.to?.id ?? null])).toEqual([
      ['2025-01-15', null, 'silver'], // 6 000
      ['2025-03-01', 'silver', 'gold'], // 21 000
      ['2025-04-01', 'gold', 'silver'], // 19 000 after the credit note
      // 2025-09-01: 19 500, still silver; 2026-01-15: the 6 000 expire (13 500), still silver
      ['2026-03-01', 'silver', null], // the 15 000 expire
    ]);
    expect(loyaltyStatus({ orders, referralsMade: [] }, r, NOW).tier).toBeNull();
  });

  it('keeps every point for the tier without a window (no decay)', () => {
    const r = rules({ windowMonths: null });
    const events = pointsEvents([order('2015-01-01T00:00:00Z', 25_000)], [], r, NOW).events;
    expect(qualifyingPoints(events, null, NOW.getTime())).toBe(25_000);
    expect(forecastDrop(events, r, NOW)).toBeNull();
    expect(loyaltyStatus({ orders: [order('2015-01-01T00:00:00Z', 25_000)], referralsMade: [] }, r, NOW).tier?.id).toBe('gold');
  });

  it('forecasts a tier drop within warnDays, with the points needed to keep it', () => {
    const r = rules({ warnDays: 30 });
    const orders = [order('2025-12-20T09:00:00Z', 4000), order('2026-06-01T00:00:00Z', 2000)];
    const status = loyaltyStatus({ orders, referralsMade: [] }, r, NOW);
    expect(status.tier?.id).toBe('silver');
    expect(status.drop).toMatchObject({ from: { id: 'silver' }, to: { id: 'bronze' }, pointsNeeded: 3000, daysLeft: 19 });
    expect(new Date(status.drop!.at).toISOString()).toBe('2026-12-20T09:00:00.000Z');
    // Farther than warnDays: nothing to announce yet.
    expect(forecastDrop(status.events, { ...r, warnDays: 10 }, NOW)).toBeNull();
    // A new order that keeps the tier after the expiry: no drop.
    const kept = loyaltyStatus({ orders: [...orders, order('2026-11-30T00:00:00Z', 3000)], referralsMade: [] }, r, NOW);
    expect(kept.drop).toBeNull();
  });

  it('names the next tier and the points still needed', () => {
    const s = loyaltyStatus({ orders: [order('2026-10-01T00:00:00Z', 1200)], referralsMade: [] }, rules(), NOW);
    expect(s.tier?.id).toBe('bronze');
    expect(s.next).toMatchObject({ tier: { id: 'silver' }, pointsNeeded: 3800 });
    const top = loyaltyStatus({ orders: [order('2026-10-01T00:00:00Z', 30_000)], referralsMade: [] }, rules(), NOW);
    expect(top.next).toBeNull();
  });

  it('adds months on the calendar, clamping the day to the month', () => {
    expect(new Date(addMonths(Date.UTC(2025, 0, 31, 8), 1)).toISOString()).toBe('2025-02-28T08:00:00.000Z');
    expect(new Date(addMonths(Date.UTC(2024, 1, 29), 12)).toISOString()).toBe('2025-02-28T00:00:00.000Z');
    expect(new Date(addMonths(Date.UTC(2025, 10, 15), 3)).toISOString()).toBe('2026-02-15T00:00:00.000Z');
  });

  it('property: the history ends on the tier the qualifying points hold now; qualifying points are never negative', () => {
    const arb = fc.array(fc.record({ day: fc.integer({ min: 0, max: 1500 }), amount: fc.integer({ min: -3000, max: 9000 }) }), { maxLength: 40 });
    fc.assert(
      fc.property(arb, fc.option(fc.integer({ min: 1, max: 36 }), { nil: null }), (rows, windowMonths) => {
        const r = rules({ windowMonths });
        const orders = rows.map((x, i) => ({
          id: `p${i}`,
          occurredAt: new Date(Date.UTC(2022, 0, 1) + x.day * 86_400_000).toISOString(),
          amount: x.amount,
          currency: 'EUR',
        }));
        const s = loyaltyStatus({ orders, referralsMade: [] }, r, NOW);
        expect(s.qualifyingPoints).toBeGreaterThanOrEqual(0);
        expect(s.points).toBeGreaterThanOrEqual(0);
        const last = s.history.length ? s.history[s.history.length - 1]!.to : null;
        expect(last?.id ?? null).toBe(s.tier?.id ?? null);
        if (windowMonths === null) expect(s.drop).toBeNull();
        if (s.drop) expect((s.drop.to?.rank ?? 0) < s.drop.from.rank).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('badges and referrals', () => {
  it('earns milestones on the day they happen', () => {
    const orders = Array.from({ length: 10 }, (_, i) => order(`2024-0${(i % 9) + 1}-0${(i % 8) + 1}T00:00:00Z`, 100));
    const s = loyaltyStatus(
      {
        orders,
        referralsMade: [
          { id: 'a', referredAt: '2025-05-01' },
          { id: 'b', referredAt: '2027-01-01' },
        ],
      },
      rules({ tiers: [{ id: 'member', name: 'Member', threshold: 100 }] }),
      NOW,
    );
    const keys = s.badges.map((b) => b.key);
    expect(keys).toEqual(expect.arrayContaining(['first_order', 'orders_10', 'customer_1y', 'first_referral']));
    expect(keys).not.toContain('customer_5y');
    expect(keys).not.toContain('referrals_5');
    expect(s.referralsMade).toBe(1);
    expect(new Date(s.badges.find((b) => b.key === 'first_order')!.earnedAt).toISOString().slice(0, 10)).toBe('2024-01-01');
  });

  it('the top-tier badge comes with the highest tier, and stays once earned', () => {
    const s = loyaltyStatus({ orders: [order('2024-01-01T00:00:00Z', 25_000)], referralsMade: [] }, rules(), NOW);
    expect(s.tier).toBeNull(); // expired since
    expect(s.badges.map((b) => b.key)).toContain('top_tier');
  });
});

describe('accountStanding (what the scoring and the 360° view show)', () => {
  it('converts orders into the programme currency; null when the programme is off or absent', () => {
    const orders = [order('2026-11-01T00:00:00Z', 4000), order('2026-11-02T00:00:00Z', 1100, 'USD')];
    const rates = { asOf: '2026-11-30', source: 'user' as const, perEur: { USD: 1.1 } };
    const s = accountStanding({ orders, referralsMade: [] }, rules(), NOW, rates)!;
    expect(s.points).toBe(5000);
    expect(s.tier?.name).toBe('Silver');
    expect(accountStanding({ orders, referralsMade: [] }, rules(), NOW, { ...rates, perEur: {} })!.unconverted).toBe(1);
    expect(accountStanding({ orders, referralsMade: [] }, rules({ enabled: false }), NOW, rates)).toBeNull();
    expect(accountStanding({ orders, referralsMade: [] }, null, NOW, rates)).toBeNull();
  });
});

describe('schemas', () => {
  it('refuses duplicate tier ids or thresholds, and an "order at least" bonus without its amount', () => {
    expect(
      LoyaltyProgrammeInput.safeParse({
        tiers: [
          { id: 'a', name: 'A', threshold: 1 },
          { id: 'a', name: 'B', threshold: 2 },
        ],
      }).success,
    ).toBe(false);
    expect(
      LoyaltyProgrammeInput.safeParse({
        tiers: [
          { id: 'a', name: 'A', threshold: 1 },
          { id: 'b', name: 'B', threshold: 1 },
        ],
      }).success,
    ).toBe(false);
    expect(LoyaltyProgrammeInput.safeParse({ bonuses: [{ kind: 'order_at_least', points: 5 }] }).success).toBe(false);
    expect(LoyaltyProgrammeInput.safeParse({ tiers: [{ id: 'Gold!', name: 'Gold', threshold: 1 }] }).success).toBe(false);
    expect(LoyaltyProgrammeInput.parse({}).tiers.map((t) => t.id)).toEqual(['bronze', 'silver', 'gold']);
  });

  it('a referral needs the new account and cannot be an account referring itself', () => {
    const id = '0190a000-0000-7000-8000-000000000002';
    expect(ReferralInput.safeParse({ referredAccountId: id, referredAt: '2026-01-01' }).success).toBe(true);
    expect(ReferralInput.safeParse({ referrerAccountId: id, referredAccountId: id, referredAt: '2026-01-01' }).success).toBe(false);
    expect(ReferralInput.safeParse({ referredAt: '2026-01-01' }).success).toBe(false);
  });

  it('property: any input either parses into rules loyaltyStatus accepts, or is refused', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const r = LoyaltyProgrammeInput.safeParse(raw);
        if (r.success) expect(() => loyaltyStatus({ orders: [order('2026-01-01T00:00:00Z', 10)], referralsMade: [] }, r.data, NOW)).not.toThrow();
      }),
    );
  });
});
