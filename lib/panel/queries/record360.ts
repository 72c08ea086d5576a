import type { Account, Contact, Deal, Interaction, Score, SurveyResponse, Task } from '../../schema';
import { getDb, getLive, contactsOfAccount, openTasksFor, fromStored } from '../../db';
import { timelineCount, timelinePage, type TimelineQuery } from './timeline';

export type Ref360 = { kind: 'contact'; id: string } | { kind: 'account'; id: string };

/** What the 360° view's first frame shows: the record, its account and the first timeline page. */
export interface View360Head {
  ref: Ref360;
  contact: Contact | null;
  account: Account | null;
  timeline: TimelineQuery;
  timelineTotal: number;
  /** The first page of the timeline, newest first. */
  firstPage: Interaction[];
}

/** The sections below the record's header, read after the first frame. */
export interface View360Sections {
  /** Which record these sections belong to (the head's account and contact ids). */
  key: string;
  /** The account's contacts (for an account view, or "colleagues" on a contact view). */
  contacts: Contact[];
  score: Score | null;
  tasks: Task[];
  deals: Deal[];
  surveys: SurveyResponse[];
}

export type View360 = View360Head & Omit<View360Sections, 'key'>;

export const FIRST_PAGE = 30;

const alive = <T extends { deletedAt: string | null }>(rows: T[]) => rows.filter((r) => !r.deletedAt);

/** The key tying sections to the head they were read for. */
export function sectionsKey(head: Pick<View360Head, 'account' | 'contact'>): string {
  return `${head.account?.id ?? ''}|${head.contact?.id ?? ''}`;
}

/**
 * What the first frame needs, in one read transaction: the record, its account, the timeline size and its
 * first page (never the whole timeline). Null when the record does not exist (or is deleted).
 */
export async function load360Head(ref: Ref360): Promise<View360Head | null> {
  const db = getDb();
  return db.transaction('r', [db.contacts, db.accounts, db.interactions], async () => {
    const contact = ref.kind === 'contact' ? ((await getLive('contacts', ref.id)) ?? null) : null;
    if (ref.kind === 'contact' && !contact) return null;
    const accountId = ref.kind === 'account' ? ref.id : (contact?.accountId ?? null);
    // The timeline is read beside the account, not after it (one round trip less); only when the account is
    // gone (a contact's dangling accountId) is it read again as the contact's own timeline.
    const read = (q: TimelineQuery) => Promise.all([timelineCount(q), timelinePage(q, 0, FIRST_PAGE)]);
    let timeline: TimelineQuery = { accountId, contactId: contact?.id ?? null };
    const [account, first] = await Promise.all([accountId ? getLive('accounts', accountId).then((a) => a ?? null) : Promise.resolve(null), read(timeline)]);
    if (ref.kind === 'account' && !account) return null;
    let [timelineTotal, firstPage] = first;
    if (accountId && !account) {
      timeline = { accountId: null, contactId: contact?.id ?? null };
      [timelineTotal, firstPage] = await read(timeline);
    }
    return { ref, contact: contact ? fromStored(contact) : null, account, timeline, timelineTotal, firstPage };
  });
}

/** The rest of the 360°, index-backed, in one read transaction: colleagues, score, open tasks, deals, surveys. */
export async function load360Sections(head: Pick<View360Head, 'account' | 'contact'>): Promise<View360Sections> {
  const db = getDb();
  const { account, contact } = head;
  return db.transaction('r', [db.contacts, db.scores, db.tasks, db.deals, db.surveys], async () => {
    const [contacts, score, tasks, deals, surveys] = await Promise.all([
      account ? contactsOfAccount(account.id) : Promise.resolve([]),
      account ? db.scores.get(account.id) : Promise.resolve(undefined),
      contact || account ? openTasksFor(contact ? { contactId: contact.id } : { accountId: account!.id }) : Promise.resolve([]),
      account ? db.deals.where('accountId').equals(account.id).toArray() : Promise.resolve([] as Deal[]),
      contact
        ? db.surveys.where('contactId').equals(contact.id).toArray()
        : account
          ? db.surveys.where('[accountId+respondedAt]').between([account.id, ''], [account.id, '\uffff']).toArray()
          : Promise.resolve([] as SurveyResponse[]),
    ]);
    return {
      key: sectionsKey(head),
      contacts,
      score: score ?? null,
      tasks,
      deals: alive(deals).sort((a, b) => (a.closeDate ?? '\uffff').localeCompare(b.closeDate ?? '\uffff')),
      surveys: alive(surveys).sort((a, b) => b.respondedAt.localeCompare(a.respondedAt)),
    };
  });
}

/** Every read the 360° view needs (head and sections). */
export async function load360(ref: Ref360): Promise<View360 | null> {
  const head = await load360Head(ref);
  if (!head) return null;
  const { key: _key, ...sections } = await load360Sections(head);
  return { ...head, ...sections };
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
    .sort((a, b) => (a.purpose < b.purpose ? -1 : a.purpose > b.purpose ? 1 : 0)); // enum keys: code-unit order, no collator
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
