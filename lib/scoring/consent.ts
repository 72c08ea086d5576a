import type { Contact, Purpose } from '../schema/contact';

export type ConsentLike = Pick<Contact, 'consent' | 'doNotContact'>;

/**
 * Whether the contact may be contacted for this purpose at `now`: not doNotContact, and a ledger entry for the
 * purpose, already granted and not withdrawn (withdrawn entries don't count, whatever their lawful basis).
 */
export function mayContact(contact: ConsentLike, purpose: Purpose, now: Date): boolean {
  if (contact.doNotContact) return false;
  const t = now.getTime();
  return contact.consent.some((e) => {
    if (e.purpose !== purpose) return false;
    const granted = Date.parse(e.grantedAt);
    if (!(granted <= t)) return false;
    if (e.withdrawnAt === null) return true;
    const withdrawn = Date.parse(e.withdrawnAt);
    return !(withdrawn <= t);
  });
}
