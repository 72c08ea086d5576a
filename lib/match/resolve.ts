import type { Account, Contact, PageContext, PagePerson } from '../schema';
import { contactName } from '../schema/contact';
import { findAccountByDomain, findContactByEmail, findContactByLinkedin, findContactsByNameTokens, getLive } from '../db';
import { emailDomain, normalizeEmail } from '../identity/email';
import { isFreeMailDomain, parentDomains } from '../identity/domain';
import { canonicalLinkedinUrl } from '../identity/linkedin';
import { nameTokens } from '../identity/name';
import { personScore } from './fuzzy';
import { isExternal, ownDomainsOf, pickPrimaryPerson, type PrimaryOptions } from './primary';

export interface ResolvedPerson {
  person: PagePerson;
  contactId: string | null;
  accountId: string | null;
  /** How the match was made: the contact by email or LinkedIn URL, or only the account by email domain. */
  matchedBy: 'email' | 'linkedin' | 'domain' | null;
}

export interface Suggestion {
  contactId: string;
  /** 0..1 name (and company) similarity. */
  score: number;
}

export interface Resolution {
  primary: ResolvedPerson | null;
  others: ResolvedPerson[];
  /** Likely contacts for an unmatched primary person, best first. */
  suggestions: Suggestion[];
}

export interface ResolveOptions extends PrimaryOptions {
  /** Lowest score kept as a suggestion. */
  minScore?: number;
  maxSuggestions?: number;
}

/** The account owning this address's domain or a parent of it; webmail never matches. */
export async function accountForEmail(email: string | null): Promise<Account | null> {
  const domain = emailDomain(email);
  if (!domain || isFreeMailDomain(domain)) return null;
  for (const d of parentDomains(domain)) {
    const account = await findAccountByDomain(d);
    if (account) return account;
  }
  return null;
}

export async function resolvePerson(person: PagePerson): Promise<ResolvedPerson> {
  const email = normalizeEmail(person.email);
  let contact: Contact | undefined;
  let matchedBy: ResolvedPerson['matchedBy'] = null;
  if (email) {
    contact = await findContactByEmail(email);
    if (contact) matchedBy = 'email';
  }
  const linkedin = canonicalLinkedinUrl(person.linkedinUrl);
  if (!contact && linkedin) {
    contact = await findContactByLinkedin(linkedin);
    if (contact) matchedBy = 'linkedin';
  }
  let accountId = contact?.accountId ?? null;
  if (!accountId) {
    const account = await accountForEmail(email);
    if (account) {
      accountId = account.id;
      matchedBy ??= 'domain';
    }
  }
  return { person, contactId: contact?.id ?? null, accountId, matchedBy };
}

async function suggest(person: PagePerson, accountId: string | null, options: ResolveOptions): Promise<Suggestion[]> {
  const tokens = nameTokens(person.name);
  if (!tokens.length) return [];
  const candidates = await findContactsByNameTokens(tokens);
  const accountNames = new Map<string, string | null>();
  const scored: Suggestion[] = [];
  for (const c of candidates) {
    let company: string | null = null;
    if (c.accountId) {
      if (!accountNames.has(c.accountId)) accountNames.set(c.accountId, (await getLive('accounts', c.accountId))?.name ?? null);
      company = accountNames.get(c.accountId) ?? null;
    }
    let score = personScore({ name: person.name, company: person.company }, { name: contactName(c), company });
    // Same company as the address's domain: a small nudge, never enough alone.
    if (accountId && c.accountId === accountId) score = Math.min(1, score + 0.05);
    if (score >= (options.minScore ?? 0.75)) scored.push({ contactId: c.id, score: Math.round(score * 1000) / 1000 });
  }
  return scored.sort((a, b) => b.score - a.score).slice(0, options.maxSuggestions ?? 5);
}

const personKey = (p: PagePerson) => normalizeEmail(p.email) ?? canonicalLinkedinUrl(p.linkedinUrl) ?? `name:${nameTokens(p.name).sort().join(' ')}`;

/**
 * Matches what a page shows to the CRM: the primary person (see pickPrimaryPerson) and every other external
 * person to contacts and accounts, plus fuzzy suggestions when the primary has no exact contact match.
 * Never returns the signed-in user or colleagues (own domains).
 */
export async function resolveContext(ctx: PageContext, options: ResolveOptions = {}): Promise<Resolution> {
  const primaryPerson = pickPrimaryPerson(ctx, options);
  const primary = primaryPerson ? await resolvePerson(primaryPerson) : null;
  const own = ownDomainsOf(ctx, options);
  const seen = new Set(primaryPerson ? [personKey(primaryPerson)] : []);
  const others: ResolvedPerson[] = [];
  for (const p of ctx.people) {
    const key = personKey(p);
    if (seen.has(key) || !isExternal(p, ctx, own)) continue;
    seen.add(key);
    others.push(await resolvePerson(p));
  }
  const suggestions = primary && !primary.contactId ? await suggest(primary.person, primary.accountId, options) : [];
  return { primary, others, suggestions };
}
