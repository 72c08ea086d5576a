import type { PagePerson } from '../schema/page-context';
import type { Contact } from '../schema';
import { insert, writeTransaction, findContactByEmail } from '../db';
import { accountForEmail } from '../match';
import { canonicalLinkedinUrl, emailDomain, isFreeMailDomain, normalizeEmail } from '../identity';

/** Name particles that belong to the family name: "Jean de la Tour" → "de la Tour". */
const PARTICLES = new Set(['de', 'du', 'des', 'la', 'le', "d'", 'van', 'von', 'der', 'den', 'di', 'da', 'del', 'dos', 'das', 'ten', 'ter']);

/** Splits "Hélène Dupont" / "Dupont, Hélène" into first and last names. */
export function splitName(name: string | null): { firstName: string; lastName: string } {
  const n = (name ?? '').trim();
  if (!n) return { firstName: '', lastName: '' };
  if (n.includes(',')) {
    const [last, first] = n.split(',', 2) as [string, string];
    return { firstName: first.trim(), lastName: last.trim() };
  }
  const parts = n.split(/\s+/);
  if (parts.length === 1) return { firstName: parts[0]!, lastName: '' };
  let start = parts.length - 1;
  while (start > 1 && PARTICLES.has(parts[start - 1]!.toLowerCase())) start--;
  return { firstName: parts.slice(0, start).join(' '), lastName: parts.slice(start).join(' ') };
}

function companyFromDomain(domain: string): string {
  const label = domain.split('.').slice(-2, -1)[0] ?? domain;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/**
 * Creates a contact from what the page shows, attached to the account of its email domain — found, or
 * created when the domain is a company's (never for a free-mail domain). One transaction.
 */
export async function createContactFromPerson(person: PagePerson): Promise<Contact> {
  return writeTransaction(['contacts', 'accounts'], async () => {
    const email = normalizeEmail(person.email);
    if (email) {
      const existing = await findContactByEmail(email);
      if (existing) return existing;
    }
    const domain = emailDomain(email);
    let accountId: string | null = null;
    if (domain && !isFreeMailDomain(domain)) {
      const account =
        (await accountForEmail(email)) ?? (await insert('accounts', { name: person.company?.trim() || companyFromDomain(domain), domains: [domain] }));
      accountId = account.id;
    }
    return insert('contacts', {
      ...splitName(person.name ?? (email ? email.split('@')[0]! : '')),
      emails: email ? [email] : [],
      linkedinUrl: canonicalLinkedinUrl(person.linkedinUrl),
      title: person.title,
      accountId,
    });
  });
}
