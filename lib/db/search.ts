import type { Table } from 'dexie';
import { fromStored } from './write';
import { queryTerms } from './search-tokens';

/**
 * The one search over a `searchTokens` multi-entry index (contacts and accounts): every query term must be the
 * prefix of one of the record's tokens; the first term goes through the index, the others filter what it yields.
 * Tombstones are skipped; at most `limit` records, in index order.
 */
export async function searchByTokens<T>(table: Table, query: string, limit: number): Promise<T[]> {
  const terms = queryTerms(query);
  const first = terms[0];
  if (!first) return [];
  const rest = terms.slice(1);
  const out: T[] = [];
  await table
    .where('searchTokens')
    .startsWith(first)
    .distinct()
    .until(() => out.length >= limit)
    .each((row: { deletedAt: string | null; searchTokens: string[] }) => {
      if (row.deletedAt) return;
      if (rest.every((t) => row.searchTokens.some((tok) => tok.startsWith(t)))) out.push(fromStored(row) as T);
    });
  return out;
}
