import type { Account, Contact, Deal, Interaction } from '../schema';
import { getDb } from './db';
import { fromStored } from './write';

/** Batch look-ups the importer uses to find what a file's rows already match in the database. */

const live = <T extends { deletedAt: string | null }>(rows: T[]): T[] => rows.filter((r) => !r.deletedAt).map(fromStored);

/** Contacts having any of these addresses; skips the index walk when the table is empty (first import). */
export async function contactsByEmails(emails: string[]): Promise<Contact[]> {
  if (emails.length === 0 || (await getDb().contacts.limit(1).count()) === 0) return [];
  return live(
    await getDb()
      .contacts.where('emails')
      .anyOf([...new Set(emails)])
      .distinct()
      .toArray(),
  );
}

export async function contactsByLinkedinUrls(urls: string[]): Promise<Contact[]> {
  if (urls.length === 0) return [];
  return live(
    await getDb()
      .contacts.where('linkedinUrl')
      .anyOf([...new Set(urls)])
      .toArray(),
  );
}

export async function accountsByDomains(domains: string[]): Promise<Account[]> {
  if (domains.length === 0) return [];
  return live(
    await getDb()
      .accounts.where('domains')
      .anyOf([...new Set(domains)])
      .distinct()
      .toArray(),
  );
}

export async function accountsByNames(names: string[]): Promise<Account[]> {
  if (names.length === 0) return [];
  return live(
    await getDb()
      .accounts.where('name')
      .anyOfIgnoreCase([...new Set(names)])
      .toArray(),
  );
}

/** Live records carrying `custom.externalId` (the id in the system they were imported from). */
export async function accountsWithExternalId(): Promise<Account[]> {
  return live(
    await getDb()
      .accounts.filter((a) => typeof a.custom?.externalId === 'string')
      .toArray(),
  );
}

export async function contactsWithExternalId(): Promise<Contact[]> {
  return live(
    await getDb()
      .contacts.filter((c) => typeof c.custom?.externalId === 'string')
      .toArray(),
  );
}

export async function interactionsBySourceRefs(site: string, refs: string[]): Promise<Interaction[]> {
  if (refs.length === 0) return [];
  const keys = [...new Set(refs)].map((r) => [site, r]);
  return live(await getDb().interactions.where('[source.site+source.ref]').anyOf(keys).toArray());
}

export async function orderRefs(): Promise<Set<string>> {
  const out = new Set<string>();
  await getDb().orders.each((o) => {
    if (!o.deletedAt && o.ref) out.add(o.ref);
  });
  return out;
}

export async function liveDeals(): Promise<Deal[]> {
  return live(await getDb().deals.toArray());
}
