import type { Account } from '../schema';
import { getDb } from './db';
import { fromStored } from './write';
import { searchByTokens } from './search';

/** The live account owning this exact domain (lower-case). Parent-domain logic lives in lib/identity/domain. */
export async function findAccountByDomain(domain: string): Promise<Account | undefined> {
  const rows = await getDb().accounts.where('domains').equals(domain.toLowerCase()).toArray();
  return rows.filter((r) => !r.deletedAt).map(fromStored)[0];
}

/** Prefix search on account names and domains, as for contacts ("marc fil" finds Marchal & Fils). */
export function searchAccounts(query: string, limit = 20): Promise<Account[]> {
  return searchByTokens<Account>(getDb().accounts, query, limit);
}
