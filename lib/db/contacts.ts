import type { Contact } from '../schema';
import { getDb } from './db';
import { fromStored } from './write';
import { queryTerms } from './search-tokens';

const live = <T extends { deletedAt: string | null }>(rows: (T | undefined)[]): T[] =>
  rows.filter((r): r is T => !!r && !r.deletedAt).map(fromStored);

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
export async function searchContacts(query: string, limit = 20): Promise<Contact[]> {
  const terms = queryTerms(query);
  const first = terms[0];
  if (!first) return [];
  const rest = terms.slice(1);
  const out: Contact[] = [];
  await getDb()
    .contacts.where('searchTokens')
    .startsWith(first)
    .distinct()
    .until(() => out.length >= limit)
    .each((row) => {
      if (row.deletedAt) return;
      if (rest.every((t) => row.searchTokens.some((tok) => tok.startsWith(t)))) out.push(fromStored(row));
    });
  return out;
}

/**
 * Candidates for fuzzy name matching: live contacts having any of these folded words as a search token
 * (exact tokens, so "dupont" finds Dupont whatever the word order or accents).
 */
export async function findContactsByNameTokens(tokens: string[], limit = 200): Promise<Contact[]> {
  const keys = [...new Set(tokens.filter((t) => t.length >= 2))];
  if (keys.length === 0) return [];
  const rows = await getDb().contacts.where('searchTokens').anyOf(keys).distinct().limit(limit).toArray();
  return live(rows);
}
