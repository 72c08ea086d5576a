import type { PageContext, PagePerson } from '../schema/page-context';
import { findContactByEmail, findContactByLinkedin, findAccountByDomain } from '../db';
import type { MatchedPerson, TabMatch } from './tab-state';

async function matchPerson(person: PagePerson): Promise<MatchedPerson> {
  const contact =
    (person.email ? await findContactByEmail(person.email) : undefined) ??
    (person.linkedinUrl ? await findContactByLinkedin(person.linkedinUrl) : undefined);
  let accountId = contact?.accountId ?? null;
  if (!accountId && person.email) {
    const domain = person.email.split('@')[1];
    if (domain) accountId = (await findAccountByDomain(domain))?.id ?? null;
  }
  return { person, contactId: contact?.id ?? null, accountId };
}

/** Exact matches only, first person first. */
export async function basicMatch(ctx: PageContext): Promise<TabMatch> {
  const self = ctx.self?.toLowerCase();
  const people = ctx.people.filter((p) => !self || p.email?.toLowerCase() !== self);
  const matched = await Promise.all(people.map(matchPerson));
  return { primary: matched[0] ?? null, others: matched.slice(1), suggestions: [] };
}
