import { insert } from '../../../lib/db';
import type { Purpose } from '../../../lib/schema';

const DAY = 86_400_000;
const PURPOSES: Purpose[] = ['sales', 'marketing', 'support', 'surveys', 'account_management'];

/**
 * One account at risk (last contact 80 days ago) with a renewal in 20 days and one contact, whose consent is
 * given, absent, or overridden by do-not-contact.
 */
export async function riskyAccount(name: string, now: Date, contact: 'allowed' | 'do_not_contact' | 'no_consent', language = 'fr') {
  const iso = (ms: number) => new Date(ms).toISOString();
  const account = await insert('accounts', {
    name,
    domains: [`${name.toLowerCase().replace(/\W/g, '')}.example`],
    annualValue: 50_000,
    contractStart: iso(now.getTime() - 700 * DAY).slice(0, 10),
    renewalDate: iso(now.getTime() + 20 * DAY).slice(0, 10),
    owner: 'alice',
  });
  const c = await insert('contacts', {
    accountId: account.id,
    firstName: 'Hélène',
    lastName: name,
    emails: [`helene@${account.domains[0]}`],
    language,
    doNotContact: contact === 'do_not_contact',
    consent:
      contact === 'no_consent'
        ? []
        : PURPOSES.map((purpose) => ({ purpose, lawfulBasis: 'legitimate_interest' as const, grantedAt: iso(now.getTime() - 600 * DAY), source: 'test' })),
  });
  await insert('interactions', {
    accountId: account.id,
    contactIds: [c.id],
    channel: 'call',
    occurredAt: iso(now.getTime() - 80 * DAY),
    sentiment: 'negative',
  });
  return { account, contact: c };
}
