import * as z from 'zod/mini';
import { LawfulBasis, Purpose, Text, ValidationError, type Contact, type ConsentEntry } from '../schema';
import { getLive, update, NotFoundError } from '../db/write';

export const GrantInput = z.object({ purpose: Purpose, lawfulBasis: LawfulBasis, source: Text(200).check(z.minLength(1)) });

async function contactOrThrow(contactId: string): Promise<Contact> {
  const c = await getLive('contacts', contactId);
  if (!c) throw new NotFoundError('contacts', contactId);
  return c;
}

/** Appends a ledger entry (the ledger keeps history: a grant never overwrites an earlier one). */
export async function grantConsent(contactId: string, grant: z.input<typeof GrantInput>, now = new Date()): Promise<Contact> {
  const r = GrantInput.safeParse(grant);
  if (!r.success) throw ValidationError.from('consent', r.error);
  const c = await contactOrThrow(contactId);
  const entry: ConsentEntry = { ...r.data, grantedAt: now.toISOString(), withdrawnAt: null };
  return update('contacts', contactId, { consent: [...c.consent, entry] });
}

/** Marks every active entry for this purpose withdrawn; the entries stay, with their withdrawal date. */
export async function withdrawConsent(contactId: string, purpose: Purpose, now = new Date()): Promise<Contact> {
  const c = await contactOrThrow(contactId);
  const at = now.toISOString();
  const consent = c.consent.map((e) => (e.purpose === purpose && !e.withdrawnAt ? { ...e, withdrawnAt: at } : e));
  return update('contacts', contactId, { consent });
}

/** Purposes an objection (do-not-contact) stops; support and account management under a contract go on. */
const OBJECTABLE: Purpose[] = ['sales', 'marketing', 'surveys'];

/** True when a ledger entry for this purpose was granted by `now` and not withdrawn by then, and no objection blocks it. */
export function hasValidBasis(contact: Pick<Contact, 'consent' | 'doNotContact'>, purpose: Purpose, now = new Date()): boolean {
  if (contact.doNotContact && OBJECTABLE.includes(purpose)) return false;
  const t = now.toISOString();
  return contact.consent.some((e) => e.purpose === purpose && e.grantedAt <= t && (!e.withdrawnAt || e.withdrawnAt > t));
}

/** Right to object: the next-best-action engine suppresses contacts with this flag. */
export async function setDoNotContact(contactId: string, value: boolean): Promise<Contact> {
  await contactOrThrow(contactId);
  return update('contacts', contactId, { doNotContact: value });
}
