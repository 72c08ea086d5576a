import * as z from 'zod/mini';
import { recordBase, Currency, Id, IsoDate, Money, OptionalText, Text } from './common';

/**
 * The loyalty programme (one per team, the record LOYALTY_PROGRAMME_ID) and referrals: which contact brought which
 * new account. Points, tiers and badges are derived from orders and referrals (lib/loyalty), never stored.
 */

/** The one programme record: every device writes the same id, so sync merges their edits field by field. */
export const LOYALTY_PROGRAMME_ID = '0190a000-0000-7000-8000-00000000001a';

/** Tier ids: short and stable, so a segment or a badge keeps naming the tier when it is renamed. */
export const TierId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,23}$/, 'must be a short key (a-z, 0-9, -)'));

export const LoyaltyTier = z.object({
  id: TierId,
  name: Text(40).check(z.trim(), z.minLength(1)),
  /** Qualifying points (over the programme's window) needed to hold the tier. */
  threshold: z.number().check(z.int(), z.gte(0), z.lte(1e9)),
});
export type LoyaltyTier = z.infer<typeof LoyaltyTier>;

export const BonusKind = z.enum(['first_order', 'order_at_least', 'referral']);
export type BonusKind = z.infer<typeof BonusKind>;

export const LoyaltyBonus = z.object({
  kind: BonusKind,
  points: z.number().check(z.int(), z.gte(0), z.lte(1e7)),
  /** order_at_least: the order amount (programme currency) from which the bonus is given. */
  minAmount: z._default(z.nullable(Money), null),
});
export type LoyaltyBonus = z.infer<typeof LoyaltyBonus>;

type TiersShape = { tiers: { id: string; threshold: number }[]; bonuses: { kind: string; minAmount: number | null }[] };
const consistent = z.refine<TiersShape>(
  (p) =>
    new Set(p.tiers.map((t) => t.id)).size === p.tiers.length &&
    new Set(p.tiers.map((t) => t.threshold)).size === p.tiers.length &&
    p.bonuses.every((b) => b.kind !== 'order_at_least' || b.minAmount !== null),
  { message: 'tiers need distinct ids and thresholds; an "order at least" bonus needs its amount', path: ['tiers'] },
);

export const DEFAULT_TIERS: LoyaltyTier[] = [
  { id: 'bronze', name: 'Bronze', threshold: 1000 },
  { id: 'silver', name: 'Silver', threshold: 5000 },
  { id: 'gold', name: 'Gold', threshold: 20000 },
];

export const LoyaltyProgrammeFields = {
  enabled: z._default(z.boolean(), true),
  /** Orders in other currencies are converted into this one (lib/currency) before points are counted. */
  currency: z._default(Currency, 'EUR'),
  /** Points per whole unit of the currency (1 = one point per euro); returns and credit notes take them back. */
  pointsPerUnit: z._default(z.number().check(z.gte(0), z.lte(1000)), 1),
  bonuses: z._default(z.array(LoyaltyBonus).check(z.maxLength(20)), []),
  tiers: z._default(z.array(LoyaltyTier).check(z.maxLength(10)), DEFAULT_TIERS),
  /** Tiers are held on the points of the last N months (points then expire for the tier); null = lifetime points. */
  windowMonths: z._default(z.nullable(z.number().check(z.int(), z.gte(1), z.lte(120))), 12),
  /** A tier drop is announced (next-best-action) this many days before it happens. */
  warnDays: z._default(z.number().check(z.int(), z.gte(1), z.lte(365)), 30),
};
export const LoyaltyProgramme = z.object({ ...recordBase, ...LoyaltyProgrammeFields }).check(consistent);
export type LoyaltyProgramme = z.infer<typeof LoyaltyProgramme>;
export const LoyaltyProgrammeInput = z.object(LoyaltyProgrammeFields).check(consistent);
export type LoyaltyProgrammeInput = z.input<typeof LoyaltyProgrammeInput>;
export type LoyaltyRules = z.infer<typeof LoyaltyProgrammeInput>;
export const DEFAULT_LOYALTY_RULES: LoyaltyRules = LoyaltyProgrammeInput.parse({});

const notSelf = z.refine<{ referrerAccountId: string | null; referredAccountId: string }>((r) => r.referrerAccountId !== r.referredAccountId, {
  message: 'an account cannot refer itself',
  path: ['referredAccountId'],
});

export const ReferralFields = {
  /** Who brought the new account (null once that person is erased: the referral between accounts stays). */
  referrerContactId: z._default(z.nullable(Id), null),
  referrerAccountId: z._default(z.nullable(Id), null),
  referredAccountId: Id,
  referredAt: IsoDate,
  note: OptionalText(1000),
};
export const Referral = z.object({ ...recordBase, ...ReferralFields }).check(notSelf);
export type Referral = z.infer<typeof Referral>;
export const ReferralInput = z.object(ReferralFields).check(notSelf);
export type ReferralInput = z.input<typeof ReferralInput>;
