import type { Account, Contact, TemplateLang } from '../../schema';
import { getLive, latestNpsOfContact, latestOrderOfAccount } from '../../db';
import { readItem, reportingItem } from '../../storage/items';
import { loyaltyTierOfAccount } from './loyalty';
import type { MergeFacts } from '../../engage/merge-fields';

export interface Recipient {
  contact: Contact;
  account: Account | null;
  facts: MergeFacts;
  /** The address a new compose is written to. */
  email: string | null;
  /** The contact's own language when French or English. */
  lang: TemplateLang | null;
}

export interface Sender {
  myName: string;
  signature: string;
}

/** What the merge fields need about one contact: their record, their account, its latest order, their latest NPS. */
export async function loadRecipient(contactId: string, sender: Sender, now: Date = new Date()): Promise<Recipient | null> {
  const contact = await getLive('contacts', contactId);
  if (!contact) return null;
  const [account, nps] = await Promise.all([
    contact.accountId ? getLive('accounts', contact.accountId).then((a) => a ?? null) : Promise.resolve(null),
    latestNpsOfContact(contact.id),
  ]);
  const [order, tier] = await Promise.all([
    account ? latestOrderOfAccount(account.id) : Promise.resolve(undefined),
    // a tier that cannot be read never blocks a message: the template shows its fallback
    readItem(reportingItem)
      .catch(() => null)
      .then((r) => loyaltyTierOfAccount(account?.id ?? null, now, r?.rates ?? null))
      .catch(() => null),
  ]);
  const l = contact.language?.slice(0, 2);
  return {
    contact,
    account,
    email: contact.emails[0] ?? null,
    lang: l === 'fr' || l === 'en' ? l : null,
    facts: {
      firstName: contact.firstName,
      lastName: contact.lastName,
      company: account?.name ?? null,
      accountOwner: account?.owner ?? contact.owner ?? null,
      renewalDate: account?.renewalDate ?? null,
      lastOrderAt: order?.occurredAt ?? null,
      lastOrderAmount: order ? { amount: order.amount, currency: order.currency } : null,
      npsScore: nps?.score ?? null,
      loyaltyTier: tier,
      myName: sender.myName,
      signature: sender.signature,
    },
  };
}
