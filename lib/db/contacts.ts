import type { Contact } from '../schema';
import { getDb } from './db';
import { fromStored } from './write';
import { searchByTokens } from './search';

const live = <T extends { deletedAt: string | null }>(rows: (T | undefined)[]): T[] => rows.filter((r): r is T => !!r && !r.deletedAt).map(fromStored);

/** The live contact that has this address among its emails (case-insensitive). */
export async function findContactByEmail(email: string): Promise<Contact | undefined> {
  const rows = await getDb().contacts.where('emails').equals(email.trim().toLowerCase()).toArray();
  return live(rows)[0];
}

export async function findContactsByEmails(emails: string[]): Promise<Contact[]> {
  if (emails.length === 0) return [];
  const keys = [...new Set(emails.map((e) => e.trim().toLowerCase()))];
  const rows = await getDb().contacts.where('emails').anyOf(keys).distinct().toArray();
  return live(rows);
}

export async function findContactByLinkedin(canonicalUrl: string): Promise<Contact | undefined> {
  return live(await getDb().contacts.where('linkedinUrl').equals(canonicalUrl).toArray())[0];
}

export async function contactsOfAccount(accountId: string): Promise<Contact[]> {
  return live(await getDb().contacts.where('accountId').equals(accountId).toArray());
}

/**
 * Prefix search on names and emails: the first query word through the index, the others as filters.
 * "hel dup" finds Hélène Dupont.
 */
export function searchContacts(query: string, limit = 20): Promise<Contact[]> {
  return searchByTokens<Contact>(getDb().contacts, query, limit);
}

/** A name token shared by more contacts than this says little about who someone is ("Marie", "Smith"). */
const COMMON_TOKEN = 300;

/**
 * Fuzzy-match candidates: contacts sharing the most name tokens, found through the index by key only. Tokens
 * shared by thousands ("Hélène") are used only when no rarer token exists, so they cannot crowd out the rare
 * surname that identifies the person, nor cost a scan of thousands of rows.
 */
export async function findContactsByNameTokens(tokens: string[], limit = 50): Promise<Contact[]> {
  const keys = [...new Set(tokens.filter((t) => t.length >= 2))];
  if (keys.length === 0) return [];
  const index = getDb().contacts.where('searchTokens');
  const lists = await Promise.all(
    keys.map((k) =>
      index
        .equals(k)
        .limit(COMMON_TOKEN + 1)
        .primaryKeys(),
    ),
  );
  const rare = lists.filter((ids) => ids.length <= COMMON_TOKEN);
  const hits = new Map<string, number>();
  for (const ids of rare.length > 0 ? rare : lists) for (const id of ids) hits.set(id, (hits.get(id) ?? 0) + 1);
  const best = [...hits]
    .sort((x, y) => y[1] - x[1])
    .slice(0, limit)
    .map(([id]) => id);
  return live(await getDb().contacts.bulkGet(best));
}
