import type { Account, Contact } from '../../schema';
import {
  accountsByDomains,
  accountsByNames,
  accountsWithExternalId,
  contactsByEmails,
  contactsByLinkedinUrls,
  contactsWithExternalId,
} from '../../db/import-lookups';
import { canonicalLinkedin, domainFromWebsite, emailDomain, isFreeMailDomain, splitMulti } from '../values';
import type { PlanContext } from './context';
import { all } from './row';

/**
 * The records already in Carnet that the file's rows could name, read once before planning, by match key:
 * contacts by `e:<email>`, `l:<linkedin url>`, `x:<external id>`; accounts by `d:<domain>`, `n:<lower-case name>`,
 * `x:<external id>`.
 */
export interface Known {
  contacts: Map<string, Contact>;
  contactsById: Map<string, Contact>;
  accounts: Map<string, Account>;
}

export async function loadKnown(ctx: PlanContext): Promise<Known> {
  const emails = new Set<string>();
  const linkedins = new Set<string>();
  const domains = new Set<string>();
  const companyNames = new Set<string>();
  for (const v of ctx.values) {
    for (const e of all(v, 'email').flatMap(splitMulti)) {
      emails.add(e.toLowerCase());
      const d = emailDomain(e);
      if (d && !isFreeMailDomain(d)) domains.add(d);
    }
    for (const u of [...all(v, 'linkedinUrl'), ...all(v, 'website')]) {
      const c = canonicalLinkedin(u);
      if (c) linkedins.add(c);
    }
    for (const w of [...all(v, 'website'), ...all(v, 'domain')]) {
      const d = domainFromWebsite(w);
      if (d && !isFreeMailDomain(d)) domains.add(d);
    }
    for (const n of [...all(v, 'company'), ...all(v, 'name')]) companyNames.add(n);
  }
  const contacts = new Map<string, Contact>();
  const contactsById = new Map<string, Contact>();
  const keep = (key: string, c: Contact) => {
    contacts.set(key, c);
    contactsById.set(c.id, c);
  };
  for (const c of await contactsByEmails([...emails])) for (const e of c.emails) keep(`e:${e}`, c);
  for (const c of await contactsByLinkedinUrls([...linkedins])) if (c.linkedinUrl) keep(`l:${c.linkedinUrl}`, c);
  for (const c of await contactsWithExternalId()) keep(`x:${String(c.custom.externalId)}`, c);
  const accounts = new Map<string, Account>();
  for (const a of await accountsByDomains([...domains])) for (const d of a.domains) accounts.set(`d:${d}`, a);
  for (const a of await accountsByNames([...companyNames])) accounts.set(`n:${a.name.toLowerCase()}`, a);
  for (const a of await accountsWithExternalId()) accounts.set(`x:${String(a.custom.externalId)}`, a);
  return { contacts, contactsById, accounts };
}
