import Dexie from 'dexie';
import type { Channel, Interaction } from '../../schema';
import { getDb } from '../../db';

/** Which interactions a timeline shows: an account's, a contact's (within its account), one channel or all. */
export interface TimelineQuery {
  accountId: string | null;
  contactId?: string | null;
  channel?: Channel | null;
}

function accountRange(accountId: string) {
  return getDb().interactions.where('[accountId+occurredAt]').between([accountId, Dexie.minKey], [accountId, Dexie.maxKey]);
}

function keep(q: TimelineQuery) {
  return (i: Interaction) => !i.deletedAt && (!q.contactId || i.contactIds.includes(q.contactId)) && (!q.channel || i.channel === q.channel);
}

/**
 * How many rows the timeline has. Index-only when it can be (an account's whole timeline, a contact's count
 * from the contactIds index); a channel filter scans. Tombstones may make it a slight over-estimate: a page
 * that comes back short tells the list where the end really is.
 */
export async function timelineCount(q: TimelineQuery): Promise<number> {
  if (q.channel) {
    if (q.accountId) return accountRange(q.accountId).filter(keep(q)).count();
    if (q.contactId) return getDb().interactions.where('contactIds').equals(q.contactId).filter(keep(q)).count();
    return 0;
  }
  if (q.contactId) return getDb().interactions.where('contactIds').equals(q.contactId).count();
  if (q.accountId) return accountRange(q.accountId).count();
  return 0;
}

/**
 * Rows [offset, offset+limit) of the timeline, newest first. An account's timeline walks the
 * [accountId+occurredAt] index backwards, so the first page of 10 000 interactions reads only that page.
 */
export async function timelinePage(q: TimelineQuery, offset: number, limit: number): Promise<Interaction[]> {
  if (q.accountId) {
    const range = accountRange(q.accountId).reverse();
    if (!q.contactId && !q.channel) {
      return (await range.offset(offset).limit(limit).toArray()).filter((i) => !i.deletedAt);
    }
    return range.filter(keep(q)).offset(offset).limit(limit).toArray();
  }
  if (q.contactId) {
    const rows = (await getDb().interactions.where('contactIds').equals(q.contactId).toArray()).filter(keep(q));
    rows.sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
    return rows.slice(offset, offset + limit);
  }
  return [];
}

/** The local calendar day of an ISO time, "YYYY-MM-DD": the timeline's grouping key. */
export function dayKey(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Whether row i opens a new day (its day heading is shown): the first row, or a day change from row i-1. */
export function startsDay(rows: { occurredAt: string }[], i: number): boolean {
  const cur = rows[i];
  if (!cur) return false;
  const prev = rows[i - 1];
  return !prev || dayKey(prev.occurredAt) !== dayKey(cur.occurredAt);
}

/** The page-aligned range of rows to load so that rows [first, last] are covered. */
export function windowFor(first: number, last: number, pageSize: number, total: number): { offset: number; limit: number } {
  const p0 = Math.max(0, Math.floor(first / pageSize));
  const p1 = Math.max(p0, Math.floor(Math.min(last, Math.max(total - 1, 0)) / pageSize));
  return { offset: p0 * pageSize, limit: (p1 - p0 + 1) * pageSize };
}
