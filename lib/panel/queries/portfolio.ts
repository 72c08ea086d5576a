import Dexie from 'dexie';
import type { Account, Score } from '../../schema';
import { getDb, fromStored, nameSortKey, type StoredAccount } from '../../db';

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

/**
 * One row per live account: its value, churn risk and segments from the scores table (null when not yet
 * scored) and its last interaction, read from the [accountId+occurredAt] index keys alone (skipped, left null,
 * with `lastContact: false`). Reads the whole portfolio: for a filter or a sort no index serves.
 */
export async function loadPortfolio(opts: { lastContact?: boolean } = {}): Promise<PortfolioRow[]> {
  const db = getDb();
  const [accounts, scores, keys] = await Promise.all([
    db.accounts.toArray(),
    db.scores.toArray(),
    opts.lastContact === false ? Promise.resolve([]) : db.interactions.orderBy('[accountId+occurredAt]').keys(),
  ]);
  const last = new Map<string, string>();
  for (const k of keys as unknown as [string, string][]) {
    const prev = last.get(k[0]);
    if (!prev || k[1] > prev) last.set(k[0], k[1]);
  }
  const byAccount = new Map<string, Score>(scores.map((s) => [s.accountId, s]));
  return accounts.filter((a) => !a.deletedAt).map((a) => toRow(a, byAccount.get(a.id), last.get(a.id) ?? null));
}

function toRow(stored: StoredAccount, s: Score | undefined, lastContact: string | null): PortfolioRow {
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
 * with no filter). Any other sort or a filter takes one pass over the portfolio to order the ids (then still
 * reads only the window's rows): value and last contact have no index, churn has one on scores but unscored
 * accounts must follow in name order, and the name filter is a substring match.
 */
export function pagesThroughIndex(q: PortfolioQuery): boolean {
  return q.sort === 'name' && noFilter(q.filter);
}

/** Live accounts, from the sortName index alone (it holds live accounts only). */
export function countLiveAccountsIndexed(): Promise<number> {
  return getDb().accounts.orderBy('sortName').count();
}

/**
 * How many accounts a query shows and, off the index path, their ids in order. An explicit transaction, so
 * inside a live query Dexie's cache does not keep the whole portfolio read by the scan path.
 */
export async function portfolioPlan(q: PortfolioQuery, money?: ValueConverter): Promise<PortfolioPlan> {
  const db = getDb();
  return db.transaction('r', [db.accounts, db.scores, db.interactions], async () => {
    const all = await countLiveAccountsIndexed();
    if (pagesThroughIndex(q)) return { all, total: all, ids: null };
    const rows = sortRows(filterRows(await loadPortfolio({ lastContact: q.sort === 'lastContact' }), q.filter), q.sort, q.dir, money);
    return { all, total: rows.length, ids: rows.map((r) => r.id) };
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

/**
 * The distinct owners (index keys alone) and segments (the scores, read by chunks of 2 000 — each its own
 * task, so frames go between them — and kept only as a set) for the filter menus. Scores have no segment
 * index, so this is the one full pass the view makes; it runs after the first rows are painted. An explicit
 * transaction: still observed by liveQuery, but Dexie's live-query cache does not keep every score in memory.
 */
export async function portfolioFacets(): Promise<{ owners: string[]; segments: string[] }> {
  const db = getDb();
  return db.transaction('r', [db.accounts, db.scores], async () => {
    const owners = (await db.accounts.orderBy('owner').uniqueKeys()) as string[];
    const segments = new Set<string>();
    let after: string | null = null;
    for (;;) {
      const chunk: Score[] = await (after === null ? db.scores.orderBy(':id') : db.scores.where(':id').above(after)).limit(2000).toArray();
      for (const s of chunk) for (const k of s.segments) segments.add(k);
      if (chunk.length < 2000) break;
      after = chunk[chunk.length - 1]!.accountId;
    }
    return { owners: owners.filter(Boolean).sort(), segments: [...segments].sort() };
  });
}

function riskOf(p: number | null): PortfolioFilter['risk'] {
  if (p == null) return 'unknown';
  return p >= 0.6 ? 'high' : p >= 0.3 ? 'medium' : 'low';
}

export function filterRows(rows: PortfolioRow[], f: PortfolioFilter): PortfolioRow[] {
  const text = f.text.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!text || r.name.toLowerCase().includes(text)) &&
      (!f.segment || r.segments.includes(f.segment)) &&
      (!f.owner || r.owner === f.owner) &&
      (!f.risk || riskOf(r.churn) === f.risk),
  );
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Converts an account's amount into one currency so values in €, £ and $ compare; null when it cannot. */
export type ValueConverter = { convert: (amount: number, from: string) => number | null };

/**
 * Sorts by one column; missing values (no score, never contacted) always go last, whatever the direction.
 * Names compare by nameSortKey, the order of the sortName index, so a filter never reorders the list. Values compare
 * converted by `money` when given (a value in a currency without a rate counts as missing).
 */
export function sortRows(rows: PortfolioRow[], key: SortKey, dir: 'asc' | 'desc', money?: ValueConverter): PortfolioRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  const names = new Map(rows.map((r) => [r, nameSortKey(r.name)]));
  const valueIn = (r: PortfolioRow) => (r.value === null || !money ? r.value : money.convert(r.value, r.currency));
  const byName = (a: PortfolioRow, b: PortfolioRow) => {
    const x = names.get(a)!;
    const y = names.get(b)!;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const get = (r: PortfolioRow): string | number | null =>
    key === 'name' ? names.get(r)! : key === 'owner' ? r.owner : key === 'churn' ? r.churn : key === 'value' ? valueIn(r) : r.lastContact;
  return [...rows].sort((a, b) => {
    const x = get(a);
    const y = get(b);
    if (x == null || y == null) return x == null && y == null ? byName(a, b) : x == null ? 1 : -1;
    const c = key === 'name' ? byName(a, b) : typeof x === 'string' && typeof y === 'string' ? collator.compare(x, y) : x < y ? -1 : x > y ? 1 : 0;
    return c * sign || byName(a, b);
  });
}

/** The distinct owners and segments present, for the filter menus. */
export function facets(rows: PortfolioRow[]): { owners: string[]; segments: string[] } {
  const owners = new Set<string>();
  const segments = new Set<string>();
  for (const r of rows) {
    if (r.owner) owners.add(r.owner);
    for (const s of r.segments) segments.add(s);
  }
  return { owners: [...owners].sort(), segments: [...segments].sort() };
}
