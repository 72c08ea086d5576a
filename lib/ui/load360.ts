import type { Account, Contact, Deal, Interaction, Score, SurveyResponse, Task } from '../schema';
import { getDb, getLive, contactsOfAccount, openTasksFor, fromStored } from '../db';
import { timelineCount, timelinePage, type TimelineQuery } from './timeline';

export type Ref360 = { kind: 'contact'; id: string } | { kind: 'account'; id: string };

export interface View360 {
  ref: Ref360;
  contact: Contact | null;
  account: Account | null;
  /** The account's contacts (for an account view, or "colleagues" on a contact view). */
  contacts: Contact[];
  score: Score | null;
  tasks: Task[];
  deals: Deal[];
  surveys: SurveyResponse[];
  timeline: TimelineQuery;
  timelineTotal: number;
  /** The first page of the timeline, newest first. */
  firstPage: Interaction[];
}

export const FIRST_PAGE = 30;

const alive = <T extends { deletedAt: string | null }>(rows: T[]) => rows.filter((r) => !r.deletedAt);

/**
 * Every read the 360° view needs, index-backed: the record, its account and contacts, score, open tasks,
 * deals, survey history, the timeline size and its first page. Never reads a whole timeline.
 */
export async function load360(ref: Ref360): Promise<View360 | null> {
  const db = getDb();
  const contact = ref.kind === 'contact' ? ((await getLive('contacts', ref.id)) ?? null) : null;
  if (ref.kind === 'contact' && !contact) return null;
  const accountId = ref.kind === 'account' ? ref.id : (contact?.accountId ?? null);
  const account = accountId ? ((await getLive('accounts', accountId)) ?? null) : null;
  if (ref.kind === 'account' && !account) return null;
  const timeline: TimelineQuery = { accountId: account?.id ?? null, contactId: contact?.id ?? null };
  const [contacts, score, tasks, deals, surveys, timelineTotal, firstPage] = await Promise.all([
    account ? contactsOfAccount(account.id) : Promise.resolve([]),
    account ? db.scores.get(account.id) : Promise.resolve(undefined),
    openTasksFor(contact ? { contactId: contact.id } : { accountId: account!.id }),
    account ? db.deals.where('accountId').equals(account.id).toArray() : Promise.resolve([] as Deal[]),
    contact
      ? db.surveys.where('contactId').equals(contact.id).toArray()
      : db.surveys
          .where('[accountId+respondedAt]')
          .between([account!.id, ''], [account!.id, '\uffff'])
          .toArray(),
    timelineCount(timeline),
    timelinePage(timeline, 0, FIRST_PAGE),
  ]);
  return {
    ref,
    contact: contact ? fromStored(contact) : null,
    account,
    contacts,
    score: score ?? null,
    tasks,
    deals: alive(deals).sort((a, b) => (a.closeDate ?? '\uffff').localeCompare(b.closeDate ?? '\uffff')),
    surveys: alive(surveys).sort((a, b) => b.respondedAt.localeCompare(a.respondedAt)),
    timeline,
    timelineTotal,
    firstPage,
  };
}

/** Consent per purpose from the ledger: the latest entry for each purpose decides. */
export function consentStatus(c: Pick<Contact, 'consent' | 'doNotContact'>): { purpose: string; granted: boolean; since: string; lawfulBasis: string }[] {
  const latest = new Map<string, Contact['consent'][number]>();
  for (const e of c.consent) {
    const prev = latest.get(e.purpose);
    const at = (x: typeof e) => x.withdrawnAt ?? x.grantedAt;
    if (!prev || at(e) >= at(prev)) latest.set(e.purpose, e);
  }
  return [...latest.values()]
    .map((e) => ({
      purpose: e.purpose,
      granted: !c.doNotContact && !e.withdrawnAt,
      since: e.withdrawnAt ?? e.grantedAt,
      lawfulBasis: e.lawfulBasis,
    }))
    .sort((a, b) => a.purpose.localeCompare(b.purpose));
}

/** NPS from 0–10 answers: % promoters (9–10) minus % detractors (0–6); null without answers. */
export function npsOf(surveys: Pick<SurveyResponse, 'kind' | 'score'>[]): number | null {
  const nps = surveys.filter((s) => s.kind === 'nps');
  if (nps.length === 0) return null;
  const promoters = nps.filter((s) => s.score >= 9).length;
  const detractors = nps.filter((s) => s.score <= 6).length;
  return Math.round(((promoters - detractors) / nps.length) * 100);
}

/** Churn gauge band: low under 30 %, high from 60 %; null when there is no score yet. */
export function riskBand(p: number | null | undefined): 'low' | 'medium' | 'high' | null {
  if (p == null) return null;
  return p >= 0.6 ? 'high' : p >= 0.3 ? 'medium' : 'low';
}
