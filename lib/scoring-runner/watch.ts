/**
 * Incremental rescoring: watches the tables the scores depend on (a Dexie liveQuery over records whose HLC
 * `updatedAt` is past a mark, so writes from the service worker count too), maps each changed record to its
 * account and rescores those accounts with the cached models. Many accounts at once (a demo load, an import) or a
 * changed segment trigger one full run instead. Records arriving from sync with stamps older than the mark are
 * caught by the next full run (on panel open after maxAgeHours).
 */
import { liveQuery, type Subscription } from 'dexie';
import { getDb } from '../db/db';
import { rescoreAccounts, runScoring } from './runner';

const WATCHED = [
  'accounts',
  'contacts',
  'interactions',
  'orders',
  'surveys',
  'tasks',
  'feedback',
  'segments',
  'campaignStats',
  'agencyPlans',
  'referrals',
  'workflowRuns',
  'loyaltyProgrammes',
] as const;
type Watched = (typeof WATCHED)[number];
type Changed = {
  id: string;
  accountId?: string | null;
  contactId?: string | null;
  contactIds?: string[];
  referrerAccountId?: string | null;
  referrerContactId?: string | null;
  updatedAt: string;
};

export interface WatchOptions {
  /** Waits this long after a change for more before rescoring (a burst of writes is handled once). */
  debounceMs?: number;
  /** More changed accounts than this → one full run. */
  fullRunAbove?: number;
  /**
   * More changed records than this (an import, a demo load) → one full run, without reading them: reading 100 000
   * records here would block the panel for seconds, and a full run reads the portfolio in the scoring worker.
   */
  burstAbove?: number;
  onRescored?: (accountIds: string[] | 'all') => void;
  onError?: (e: unknown) => void;
}

async function maxStamp(): Promise<string> {
  const db = getDb();
  let max = '';
  for (const name of WATCHED) {
    const last = (await db.table(name).orderBy('updatedAt').last()) as Changed | undefined;
    if (last && last.updatedAt > max) max = last.updatedAt;
  }
  return max;
}

/** Account ids touched by these changed records (contact-only links resolved through the contact). */
async function accountsOf(changes: Map<Watched, Changed[]>): Promise<Set<string>> {
  const ids = new Set<string>();
  const viaContact = new Set<string>();
  for (const [table, rows] of changes) {
    for (const r of rows) {
      if (table === 'accounts') ids.add(r.id);
      else if (table === 'referrals') {
        if (r.referrerAccountId) ids.add(r.referrerAccountId);
        else if (r.referrerContactId) viaContact.add(r.referrerContactId);
      } else if (r.accountId) ids.add(r.accountId);
      else if (table === 'contacts') continue;
      else if (r.contactId) viaContact.add(r.contactId);
      else if (r.contactIds?.[0]) viaContact.add(r.contactIds[0]);
    }
  }
  if (viaContact.size) {
    const contacts = await getDb().contacts.bulkGet([...viaContact]);
    for (const c of contacts) if (c?.accountId) ids.add(c.accountId);
  }
  return ids;
}

/** Starts watching; returns the function that stops it. */
export function watchForRescoring(opts: WatchOptions = {}): () => void {
  const debounceMs = opts.debounceMs ?? 150;
  const fullRunAbove = opts.fullRunAbove ?? 50;
  const burstAbove = opts.burstAbove ?? 2000;
  let burst = false;
  let mark: string | null = null;
  let sub: Subscription | null = null;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const pending = new Map<Watched, Changed[]>();

  const flush = async () => {
    timer = null;
    const changes = new Map(pending);
    pending.clear();
    const wasBurst = burst;
    burst = false;
    try {
      // A segment or the loyalty programme changes what every account is scored on.
      const segmentsChanged = (changes.get('segments')?.length ?? 0) > 0 || (changes.get('loyaltyProgrammes')?.length ?? 0) > 0;
      const ids = wasBurst ? new Set<string>() : await accountsOf(changes);
      if (wasBurst || segmentsChanged || ids.size > fullRunAbove) {
        await runScoring();
        opts.onRescored?.('all');
      } else if (ids.size) {
        await rescoreAccounts(ids);
        opts.onRescored?.([...ids]);
      }
    } catch (e) {
      opts.onError?.(e);
    }
  };

  void maxStamp().then((m) => {
    if (stopped) return;
    mark = m;
    const db = getDb();
    sub = liveQuery(async () => {
      const since = mark ?? '';
      let count = 0;
      for (const name of WATCHED) count += await db.table(name).where('updatedAt').above(since).count();
      if (count > burstAbove) return { burst: await maxStamp() };
      const out = new Map<Watched, Changed[]>();
      for (const name of WATCHED) out.set(name, (await db.table(name).where('updatedAt').above(since).toArray()) as Changed[]);
      return out;
    }).subscribe({
      next: (changes) => {
        if (!(changes instanceof Map)) {
          if (changes.burst > (mark ?? '')) mark = changes.burst;
          burst = true;
          if (!timer) timer = setTimeout(() => void flush(), debounceMs);
          return;
        }
        let any = false;
        for (const [name, rows] of changes) {
          if (!rows.length) continue;
          any = true;
          for (const r of rows) if (r.updatedAt > (mark ?? '')) mark = r.updatedAt;
          pending.set(name, [...(pending.get(name) ?? []), ...rows]);
        }
        if (any && !timer) timer = setTimeout(() => void flush(), debounceMs);
      },
      error: (e) => opts.onError?.(e),
    });
  });

  return () => {
    stopped = true;
    sub?.unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
