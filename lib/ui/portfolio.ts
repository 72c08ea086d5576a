import type { Account, Score } from '../schema';
import { getDb, fromStored } from '../db';

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
 * scored) and its last interaction, read from the [accountId+occurredAt] index keys alone.
 */
export async function loadPortfolio(): Promise<PortfolioRow[]> {
  const db = getDb();
  const [accounts, scores, keys] = await Promise.all([
    db.accounts.toArray(),
    db.scores.toArray(),
    db.interactions.orderBy('[accountId+occurredAt]').keys(),
  ]);
  const last = new Map<string, string>();
  for (const k of keys as unknown as [string, string][]) {
    const prev = last.get(k[0]);
    if (!prev || k[1] > prev) last.set(k[0], k[1]);
  }
  const byAccount = new Map<string, Score>(scores.map((s) => [s.accountId, s]));
  return accounts
    .filter((a) => !a.deletedAt)
    .map(fromStored)
    .map((a) => {
      const s = byAccount.get(a.id);
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
        lastContact: last.get(a.id) ?? null,
      };
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

/** Sorts by one column; missing values (no score, never contacted) always go last, whatever the direction. */
export function sortRows(rows: PortfolioRow[], key: SortKey, dir: 'asc' | 'desc'): PortfolioRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  const get = (r: PortfolioRow): string | number | null =>
    key === 'name' ? r.name : key === 'owner' ? r.owner : key === 'churn' ? r.churn : key === 'value' ? r.value : r.lastContact;
  return [...rows].sort((a, b) => {
    const x = get(a);
    const y = get(b);
    if (x == null || y == null) return x == null && y == null ? a.name.localeCompare(b.name) : x == null ? 1 : -1;
    const c = typeof x === 'string' && typeof y === 'string' ? collator.compare(x, y) : x < y ? -1 : x > y ? 1 : 0;
    return c * sign || collator.compare(a.name, b.name);
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
