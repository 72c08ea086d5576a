/** Reads of the loyalty programme: its rules, one account's standing and referrals, the tier merge field. */
import Dexie from 'dexie';
import { getDb } from '../../db';
import { accountStanding, type LoyaltyStatus } from '../../loyalty/status';
import { LOYALTY_PROGRAMME_ID, LoyaltyProgrammeInput, contactName, type LoyaltyRules, type Order, type Referral } from '../../schema';
import type { RateTable } from '../../currency/convert';

const alive = <T extends { deletedAt: string | null }>(rows: T[]) => rows.filter((r) => !r.deletedAt);
const uniq = <T extends { id: string }>(rows: T[]) => [...new Map(rows.map((r) => [r.id, r])).values()];

export interface StoredProgramme {
  /** The rules with defaults applied (the defaults when nothing is stored yet). */
  rules: LoyaltyRules;
  /** False until someone saves the programme. */
  stored: boolean;
}

/** The programme as stored, or the defaults (switched off) when there is none or it no longer parses. */
export async function loadProgramme(): Promise<StoredProgramme> {
  const row = await getDb().loyaltyProgrammes.get(LOYALTY_PROGRAMME_ID);
  const parsed = row && !row.deletedAt ? LoyaltyProgrammeInput.safeParse(row) : null;
  if (parsed?.success) return { rules: parsed.data, stored: true };
  return { rules: LoyaltyProgrammeInput.parse({ enabled: false }), stored: false };
}

/** The programme's rules when it exists and is on; null otherwise. */
export async function activeRules(): Promise<LoyaltyRules | null> {
  const p = await loadProgramme();
  return p.stored && p.rules.enabled ? p.rules : null;
}

export interface ReferralRow {
  referral: Referral;
  /** The other account's name (the referred one for a referral made, the referrer's for one received). */
  accountName: string | null;
  accountId: string | null;
  /** The referring person's name, when known. */
  contactName: string | null;
}

export interface AccountLoyalty {
  programme: StoredProgramme;
  /** Null when the programme is off or was never set up. */
  status: LoyaltyStatus | null;
  made: ReferralRow[];
  /** Who brought this account, when recorded. */
  receivedFrom: ReferralRow | null;
  /** The account's live contacts (the referrer picker). */
  contacts: { id: string; name: string }[];
}

/** Orders and referrals of one account, including those linked only through one of its contacts (as the scoring reads them). */
async function recordsOf(accountId: string) {
  const db = getDb();
  const contacts = alive(await db.contacts.where('accountId').equals(accountId).toArray());
  const ids = contacts.map((c) => c.id);
  const [orders, ordersVia, made, madeVia, received] = await Promise.all([
    db.orders.where('[accountId+occurredAt]').between([accountId, Dexie.minKey], [accountId, Dexie.maxKey]).toArray(),
    ids.length ? db.orders.where('contactId').anyOf(ids).toArray() : Promise.resolve([] as Order[]),
    db.referrals.where('referrerAccountId').equals(accountId).toArray(),
    ids.length ? db.referrals.where('referrerContactId').anyOf(ids).toArray() : Promise.resolve([] as Referral[]),
    db.referrals.where('referredAccountId').equals(accountId).toArray(),
  ]);
  return {
    contacts,
    orders: alive(uniq([...orders, ...ordersVia.filter((o) => o.accountId === null || o.accountId === accountId)])),
    made: alive(uniq([...made, ...madeVia.filter((r) => r.referrerAccountId === null || r.referrerAccountId === accountId)])),
    received: alive(received),
  };
}

/** One account's loyalty standing and referrals, `rates` converting orders in other currencies (null = reference rates). */
export async function loadAccountLoyalty(accountId: string, now: Date, rates: RateTable | null): Promise<AccountLoyalty> {
  const db = getDb();
  return db.transaction('r', [db.loyaltyProgrammes, db.contacts, db.orders, db.referrals, db.accounts], async () => {
    const [programme, r] = await Promise.all([loadProgramme(), recordsOf(accountId)]);
    const status = programme.stored ? accountStanding({ orders: r.orders, referralsMade: r.made }, programme.rules, now, rates) : null;
    const otherIds = [...new Set([...r.made.map((x) => x.referredAccountId), ...r.received.map((x) => x.referrerAccountId).filter((x): x is string => !!x)])];
    const personIds = [...new Set([...r.made, ...r.received].map((x) => x.referrerContactId).filter((x): x is string => !!x))];
    const [accounts, people] = await Promise.all([db.accounts.bulkGet(otherIds), db.contacts.bulkGet(personIds)]);
    const accountName = new Map(accounts.filter((a) => a && !a.deletedAt).map((a) => [a!.id, a!.name]));
    const personName = new Map(people.filter((p) => p && !p.deletedAt).map((p) => [p!.id, contactName(p!)]));
    const row = (referral: Referral, other: string | null): ReferralRow => ({
      referral,
      accountId: other,
      accountName: other ? (accountName.get(other) ?? null) : null,
      contactName: referral.referrerContactId ? (personName.get(referral.referrerContactId) ?? null) : null,
    });
    const newestFirst = (a: Referral, b: Referral) => (a.referredAt < b.referredAt ? 1 : a.referredAt > b.referredAt ? -1 : 0);
    const received = [...r.received].sort(newestFirst)[0];
    return {
      programme,
      status,
      made: [...r.made].sort(newestFirst).map((x) => row(x, x.referredAccountId)),
      receivedFrom: received ? row(received, received.referrerAccountId) : null,
      contacts: r.contacts.map((c) => ({ id: c.id, name: contactName(c) })).sort((a, b) => a.name.localeCompare(b.name)),
    };
  });
}

/** The tier's name for the templates' merge field, or null (no account, no programme, no tier yet). */
export async function loyaltyTierOfAccount(accountId: string | null, now: Date, rates: RateTable | null): Promise<string | null> {
  if (!accountId) return null;
  const rules = await activeRules();
  if (!rules) return null;
  const r = await recordsOf(accountId);
  return accountStanding({ orders: r.orders, referralsMade: r.made }, rules, now, rates)?.tier?.name ?? null;
}
