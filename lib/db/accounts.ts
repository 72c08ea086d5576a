import type { Account } from '../schema';
import { getDb } from './db';
import { fromStored } from './write';
import { queryTerms } from './search-tokens';

/** The live account owning this exact domain (lower-case). Parent-domain logic lives in lib/identity/domain. */
export async function findAccountByDomain(domain: string): Promise<Account | undefined> {
  const rows = await getDb().accounts.where('domains').equals(domain.toLowerCase()).toArray();
  return rows.filter((r) => !r.deletedAt).map(fromStored)[0];
}

export async function searchAccounts(query: string, limit = 20): Promise<Account[]> {
  const terms = queryTerms(query);
  const first = terms[0];
  if (!first) return [];
  const rest = terms.slice(1);
  const out: Account[] = [];
  await getDb()
    .accounts.where('searchTokens')
    .startsWith(first)
    .distinct()
    .until(() => out.length >= limit)
    .each((row) => {
      if (row.deletedAt) return;
      if (rest.every((t) => row.searchTokens.some((tok) => tok.includes(t)))) out.push(fromStored(row));
    });
  return out;
}

export async function countLiveAccounts(): Promise<number> {
  return getDb()
    .accounts.filter((a) => !a.deletedAt)
    .count();
}
