import { contactName, type Account, type Contact } from '../../schema';
import { searchAccounts, searchContacts } from '../../db';

export interface SearchResult {
  kind: 'contact' | 'account';
  id: string;
  label: string;
  detail: string;
}

/** Accounts then contacts matching a query (prefix of any name word or email), as one navigable list. */
export async function searchAll(query: string, limits = { accounts: 5, contacts: 8 }): Promise<SearchResult[]> {
  if (query.trim().length < 2) return [];
  const [accounts, contacts] = await Promise.all([searchAccounts(query, limits.accounts), searchContacts(query, limits.contacts)]);
  return [...accounts.map(accountResult), ...contacts.map(contactResult)];
}

const accountResult = (a: Account): SearchResult => ({ kind: 'account', id: a.id, label: a.name, detail: a.domains[0] ?? '' });
const contactResult = (c: Contact): SearchResult => ({ kind: 'contact', id: c.id, label: contactName(c), detail: c.emails[0] ?? c.title ?? '' });

/** Contacts matching a query (prefix of any name word or email). */
export function findContacts(query: string, limit: number): Promise<Contact[]> {
  return searchContacts(query, limit);
}

/** Arrow-key movement through n results, wrapping; -1 means none active. */
export function moveActive(active: number, key: string, n: number): number {
  if (n === 0) return -1;
  if (key === 'ArrowDown') return active < 0 ? 0 : (active + 1) % n;
  if (key === 'ArrowUp') return active <= 0 ? n - 1 : active - 1;
  if (key === 'Home') return 0;
  if (key === 'End') return n - 1;
  return active;
}

/** Accounts matching a query (prefix of any name word or domain). */
export function findAccounts(query: string, limit: number): Promise<Account[]> {
  return searchAccounts(query, limit);
}
