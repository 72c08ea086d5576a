/**
 * The merge fields a template can use, what kind of value each holds, and the values for one recipient.
 * Values are plain data (read by lib/panel/queries/merge-values); formatting happens at render time, in the
 * template's language.
 */
export const MERGE_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'company',
  'accountOwner',
  'renewalDate',
  'daysToRenewal',
  'lastOrderDate',
  'lastOrderAmount',
  'daysSinceLastOrder',
  'npsScore',
  'loyaltyTier',
  'myName',
  'signature',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export type FieldKind = 'text' | 'date' | 'money' | 'number';
export const FIELD_KIND: Record<MergeField, FieldKind> = {
  firstName: 'text',
  lastName: 'text',
  fullName: 'text',
  company: 'text',
  accountOwner: 'text',
  renewalDate: 'date',
  daysToRenewal: 'number',
  lastOrderDate: 'date',
  lastOrderAmount: 'money',
  daysSinceLastOrder: 'number',
  npsScore: 'number',
  loyaltyTier: 'text',
  myName: 'text',
  signature: 'text',
};

export const isMergeField = (s: string): s is MergeField => (MERGE_FIELDS as readonly string[]).includes(s);

export interface Money {
  amount: number;
  currency: string;
}

/** The raw facts about one recipient and the sender; null or absent = unknown. */
export interface MergeFacts {
  firstName?: string | null;
  lastName?: string | null;
  company?: string | null;
  accountOwner?: string | null;
  /** YYYY-MM-DD. */
  renewalDate?: string | null;
  /** ISO date-time of the latest order. */
  lastOrderAt?: string | null;
  lastOrderAmount?: Money | null;
  npsScore?: number | null;
  /** The account's tier in the loyalty programme (lib/panel/queries/loyalty); null without a programme or a tier. */
  loyaltyTier?: string | null;
  myName?: string | null;
  signature?: string | null;
}

export type FieldValue = string | number | Money | null;

const DAY = 86_400_000;
const text = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);
const dayOf = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

/** Every field's value for these facts at `now` (days are whole calendar days, UTC). */
export function fieldValues(f: MergeFacts, now: Date): Record<MergeField, FieldValue> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const renewal = f.renewalDate && /^\d{4}-\d\d-\d\d/.test(f.renewalDate) ? f.renewalDate.slice(0, 10) : null;
  const lastOrder = f.lastOrderAt && !Number.isNaN(Date.parse(f.lastOrderAt)) ? f.lastOrderAt : null;
  const first = text(f.firstName);
  const last = text(f.lastName);
  return {
    firstName: first,
    lastName: last,
    fullName: text([first, last].filter(Boolean).join(' ')),
    company: text(f.company),
    accountOwner: text(f.accountOwner),
    renewalDate: renewal,
    daysToRenewal: renewal ? Math.round((dayOf(renewal) - today) / DAY) : null,
    lastOrderDate: lastOrder,
    lastOrderAmount: f.lastOrderAmount && Number.isFinite(f.lastOrderAmount.amount) ? f.lastOrderAmount : null,
    daysSinceLastOrder: lastOrder ? Math.max(0, Math.floor((today - dayOf(new Date(lastOrder).toISOString())) / DAY)) : null,
    npsScore: typeof f.npsScore === 'number' && Number.isFinite(f.npsScore) ? f.npsScore : null,
    loyaltyTier: text(f.loyaltyTier),
    myName: text(f.myName),
    // No signature set: the sender's name signs.
    signature: f.signature && f.signature.trim() ? f.signature.replace(/\s+$/, '') : text(f.myName),
  };
}
