/**
 * The portfolio's former query path, kept as a reference: load every live account with its score and last contact,
 * then filter and sort in memory. The bench measures it as "before"; the unit tests check the index-only plan
 * (lib/panel/queries/portfolio-order.ts) gives the same order on random portfolios.
 */
import type { Score } from '../lib/schema';
import { getDb, nameSortKey } from '../lib/db';
import { toRow, type PortfolioFilter, type PortfolioRow, type SortKey, type ValueConverter } from '../lib/panel/queries/portfolio';

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
    // By name, equal names keep the index's order (by id), reversed with the rest for Z → A.
    if (key === 'name') return (byName(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) * sign;
    const c = typeof x === 'string' && typeof y === 'string' ? collator.compare(x, y) : x < y ? -1 : x > y ? 1 : 0;
    return c * sign || byName(a, b);
  });
}
