import Dexie from 'dexie';
import type { Account, Score } from '../../schema';
import { getDb, fromStored, type StoredAccount } from '../../db';
import { orderedIds } from './portfolio-order';

export interface PortfolioRow {
  id: string;
  name: string;
  owner: string | null;
  tier: Account['tier'];
  stage: Account['lifecycleStage'];
  value: number | null;
  currency: string;
  churn: number | null;
  segments: string[];
  lastContact: string | null;
}

export type SortKey = 'name' | 'churn' | 'value' | 'lastContact' | 'owner';
export interface PortfolioFilter {
  text: string;
  segment: string;
  owner: string;
  risk: '' | 'high' | 'medium' | 'low' | 'unknown';
}
export const NO_FILTER: PortfolioFilter = { text: '', segment: '', owner: '', risk: '' };

export function toRow(stored: StoredAccount, s: Score | undefined, lastContact: string | null): PortfolioRow {
  const a = fromStored(stored);
  return {
    id: a.id,
    name: a.name,
    owner: a.owner,
    tier: a.tier,
    stage: a.lifecycleStage,
    value: a.annualValue,
    currency: a.currency,
    churn: s?.churnProbability ?? null,
    segments: s?.segments ?? [],
    lastContact,
  };
}

export interface PortfolioQuery {
  sort: SortKey;
  dir: 'asc' | 'desc';
  filter: PortfolioFilter;
}

/** The shown accounts of a query: how many, and their ids in order when no index gives that order. */
export interface PortfolioPlan {
  /** Live accounts in the portfolio. */
  all: number;
  /** Accounts the query shows. */
  total: number;
  /** The shown accounts' ids in order; null when the query pages through the sortName index. */
  ids: string[] | null;
}

const noFilter = (f: PortfolioFilter) => !f.text.trim() && !f.segment && !f.owner && !f.risk;

/**
 * Whether a query pages through the sortName index (reads only its window: the default view, sorted by name
 * with no filter). Any other sort or a filter orders the ids first from index keys (portfolio-order.ts), then
 * still reads only the window's rows.
 */
export function pagesThroughIndex(q: PortfolioQuery): boolean {
  return q.sort === 'name' && noFilter(q.filter);
}

/** Live accounts, from the sortName index alone (it holds live accounts only). */
export function countLiveAccountsIndexed(): Promise<number> {
  return getDb().accounts.orderBy('sortName').count();
}

/**
 * How many accounts a query shows and, off the index path, their ids in order. An explicit transaction: one
 * consistent view of the indexes, and inside a live query Dexie's cache keeps no key list.
 */
export async function portfolioPlan(q: PortfolioQuery, money?: ValueConverter): Promise<PortfolioPlan> {
  const db = getDb();
  return db.transaction('r', [db.accounts, db.scores, db.interactions], async () => {
    const all = await countLiveAccountsIndexed();
    if (pagesThroughIndex(q)) return { all, total: all, ids: null };
    const ids = await orderedIds(q.sort, q.dir, q.filter, money);
    return { all, total: ids.length, ids };
  });
}

/** The last interaction of each account, from the [accountId+occurredAt] index keys (one key per account). */
async function lastContacts(ids: string[]): Promise<(string | null)[]> {
  const ix = getDb().interactions.where('[accountId+occurredAt]');
  return Promise.all(
    ids.map(async (id) => {
      const keys = (await ix.between([id, Dexie.minKey], [id, Dexie.maxKey]).reverse().limit(1).keys()) as unknown as [string, string][];
      return keys[0]?.[1] ?? null;
    }),
  );
}

/**
 * Rows [offset, offset+limit) of a query, with their score and last contact. Through the sortName index
 * (`ids` null) it reads only those rows; otherwise the window of the plan's ids. A row deleted since the
 * plan was made is null (the live plan is remade right after).
 */
export async function portfolioWindow(q: PortfolioQuery, ids: string[] | null, offset: number, limit: number): Promise<(PortfolioRow | null)[]> {
  const db = getDb();
  return db.transaction('r', [db.accounts, db.scores, db.interactions], async () => {
    let accounts: (StoredAccount | undefined)[];
    if (ids) accounts = await db.accounts.bulkGet(ids.slice(offset, offset + limit));
    else {
      const ordered = db.accounts.orderBy('sortName');
      accounts = await (q.dir === 'desc' ? ordered.reverse() : ordered).offset(offset).limit(limit).toArray();
    }
    const live = accounts.map((a) => (a && !a.deletedAt ? a : undefined));
    const present = live.filter((a): a is StoredAccount => !!a).map((a) => a.id);
    const [scores, lasts] = await Promise.all([db.scores.bulkGet(present), lastContacts(present)]);
    const byId = new Map(present.map((id, i) => [id, { score: scores[i], last: lasts[i] ?? null }]));
    return live.map((a) => (a ? toRow(a, byId.get(a.id)?.score, byId.get(a.id)?.last ?? null) : null));
  });
}

/** The distinct owners and segments for the filter menus, from the two indexes' unique keys. */
export async function portfolioFacets(): Promise<{ owners: string[]; segments: string[] }> {
  const db = getDb();
  return db.transaction('r', [db.accounts, db.scores], async () => {
    const [owners, segments] = (await Promise.all([db.accounts.orderBy('owner').uniqueKeys(), db.scores.orderBy('segments').uniqueKeys()])) as [
      string[],
      string[],
    ];
    return { owners: owners.filter(Boolean).sort(), segments: [...segments].sort() };
  });
}

/** Converts an account's amount into one currency so values in €, £ and $ compare; null when it cannot. */
export type ValueConverter = { convert: (amount: number, from: string) => number | null };
