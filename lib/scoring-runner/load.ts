/** Reads what the scoring library needs from Dexie: the whole portfolio, or one account's records. */
import Dexie from 'dexie';
import { getDb } from '../db/db';
import type { AccountRecords, PortfolioInput } from '../portfolio/score';
import { LOYALTY_PROGRAMME_ID, LoyaltyProgrammeInput, type Account, type LoyaltyRules, type Segment } from '../schema';

type Live = { deletedAt: string | null };
const alive = <T extends Live>(rows: T[]) => rows.filter((r) => !r.deletedAt);

/** Drops the index-only fields so the worker is sent only schema fields. */
function plainAccount<T extends { searchTokens?: unknown; sortName?: unknown }>(a: T): Omit<T, 'searchTokens' | 'sortName'> {
  const { searchTokens: _omit, sortName: _omit2, ...rest } = a;
  return rest;
}

/** Every live record the scoring reads, as plain arrays (structured-cloneable for the worker). */
/** The loyalty programme's rules as stored (defaults applied), or null when there is none or it no longer parses. */
export async function loyaltyRules(): Promise<LoyaltyRules | null> {
  const row = await getDb().loyaltyProgrammes.get(LOYALTY_PROGRAMME_ID);
  if (!row || row.deletedAt) return null;
  const r = LoyaltyProgrammeInput.safeParse(row);
  return r.success ? r.data : null;
}

export async function loadPortfolioInput(): Promise<PortfolioInput & { accounts: Account[] }> {
  const db = getDb();
  const tables = [
    db.accounts,
    db.contacts,
    db.interactions,
    db.orders,
    db.surveys,
    db.tasks,
    db.feedback,
    db.segments,
    db.campaignStats,
    db.agencyPlans,
    db.referrals,
    db.workflowRuns,
    db.loyaltyProgrammes,
  ];
  return db.transaction('r', tables, async () => {
    const [accounts, contacts, interactions, orders, surveys, tasks, feedback, segments, campaignStats, agencyPlans, referrals, workflowRuns, loyalty] =
      await Promise.all([
        db.accounts.toArray(),
        db.contacts.toArray(),
        db.interactions.toArray(),
        db.orders.toArray(),
        db.surveys.toArray(),
        db.tasks.toArray(),
        db.feedback.toArray(),
        db.segments.toArray(),
        db.campaignStats.toArray(),
        db.agencyPlans.toArray(),
        db.referrals.toArray(),
        db.workflowRuns.toArray(),
        loyaltyRules(),
      ]);
    return {
      accounts: alive(accounts).map(plainAccount) as Account[],
      contacts: alive(contacts).map(plainAccount),
      interactions: alive(interactions),
      orders: alive(orders),
      surveys: alive(surveys),
      tasks: alive(tasks),
      feedback: alive(feedback),
      segments: alive(segments),
      campaignStats: alive(campaignStats),
      agencyPlans: alive(agencyPlans),
      referrals: alive(referrals),
      workflowRuns: alive(workflowRuns),
      loyalty,
    };
  });
}

export async function liveSegments(): Promise<Segment[]> {
  return alive(await getDb().segments.toArray());
}

const byAccount = (accountId: string) =>
  [
    [accountId, Dexie.minKey],
    [accountId, Dexie.maxKey],
  ] as const;

/** One account and its live records (including those linked only through one of its contacts). */
export async function loadAccountRecords(accountId: string): Promise<{ account: Account; records: AccountRecords } | null> {
  const db = getDb();
  const stored = await db.accounts.get(accountId);
  if (!stored || stored.deletedAt) return null;
  const contacts = alive(await db.contacts.where('accountId').equals(accountId).toArray());
  const contactIds = contacts.map((c) => c.id);
  const [lo, hi] = byAccount(accountId);
  const uniq = <T extends { id: string }>(rows: T[]) => [...new Map(rows.map((r) => [r.id, r])).values()];
  const linked = <T extends { accountId: string | null }>(rows: T[]) => rows.filter((r) => r.accountId === null || r.accountId === accountId);
  const [
    interactions,
    viaContacts,
    orders,
    ordersVia,
    surveys,
    surveysVia,
    tasks,
    tasksVia,
    feedback,
    campaignStats,
    agencyPlans,
    referrals,
    referralsVia,
    runs,
    runsVia,
  ] = await Promise.all([
    db.interactions.where('[accountId+occurredAt]').between(lo, hi, true, true).toArray(),
    contactIds.length ? db.interactions.where('contactIds').anyOf(contactIds).toArray() : [],
    db.orders.where('[accountId+occurredAt]').between(lo, hi, true, true).toArray(),
    contactIds.length ? db.orders.where('contactId').anyOf(contactIds).toArray() : [],
    db.surveys.where('[accountId+respondedAt]').between(lo, hi, true, true).toArray(),
    contactIds.length ? db.surveys.where('contactId').anyOf(contactIds).toArray() : [],
    db.tasks.where('accountId').equals(accountId).toArray(),
    contactIds.length ? db.tasks.where('contactId').anyOf(contactIds).toArray() : [],
    db.feedback.where('accountId').equals(accountId).toArray(),
    db.campaignStats.where('[accountId+date]').between(lo, hi, true, true).toArray(),
    db.agencyPlans.where('accountId').equals(accountId).toArray(),
    db.referrals.where('referrerAccountId').equals(accountId).toArray(),
    contactIds.length ? db.referrals.where('referrerContactId').anyOf(contactIds).toArray() : [],
    db.workflowRuns.where('accountId').equals(accountId).toArray(),
    contactIds.length ? db.workflowRuns.where('contactId').anyOf(contactIds).toArray() : [],
  ]);
  // an interaction without an account follows its first contact (as groupByAccount does)
  const first = new Set(contactIds);
  const viaFirst = viaContacts.filter((i) => i.accountId === null && i.contactIds[0] !== undefined && first.has(i.contactIds[0]));
  return {
    account: plainAccount(stored) as Account,
    records: {
      contacts: contacts.map(plainAccount),
      interactions: alive(uniq([...interactions, ...viaFirst])),
      orders: alive(uniq([...orders, ...linked(ordersVia)])),
      surveys: alive(uniq([...surveys, ...linked(surveysVia)])),
      tasks: alive(uniq([...tasks, ...linked(tasksVia)])),
      feedback: alive(feedback),
      campaignStats: alive(campaignStats),
      agencyPlan: alive(agencyPlans).sort((x, y) => (x.updatedAt < y.updatedAt ? 1 : -1))[0] ?? null,
      referralsMade: alive(uniq([...referrals, ...referralsVia.filter((r) => r.referrerAccountId === null || r.referrerAccountId === accountId)])),
      workflowRuns: alive(uniq([...runs, ...runsVia.filter((r) => r.accountId === null || r.accountId === accountId)])),
    },
  };
}
