import * as z from 'zod/mini';
import { recordBase, Id, Email, IsoDateTime, Tags, CustomFields, OptionalText, Text } from './common';

export const LawfulBasis = z.enum(['consent', 'contract', 'legitimate_interest', 'legal_obligation', 'vital_interest', 'public_task']);
/** What a contact may be contacted for; every suggested action names its purpose. */
export const Purpose = z.enum(['sales', 'marketing', 'support', 'surveys', 'account_management']);
export type Purpose = z.infer<typeof Purpose>;

export const ConsentEntry = z.object({
  purpose: Purpose,
  lawfulBasis: LawfulBasis,
  grantedAt: IsoDateTime,
  source: Text(200),
  withdrawnAt: z._default(z.nullable(IsoDateTime), null),
});
export type ConsentEntry = z.infer<typeof ConsentEntry>;

export const Phone = z.string().check(z.regex(/^\+?[0-9 ().\-/]{4,32}$/, 'must be a phone number'), z.trim());

export const ContactFields = {
  accountId: z._default(z.nullable(Id), null),
  firstName: Text(100),
  lastName: Text(100),
  emails: z._default(z.array(Email), []),
  phones: z._default(z.array(Phone), []),
  /** Canonical https://www.linkedin.com/in/<slug> (see lib/identity/linkedin). */
  linkedinUrl: OptionalText(300),
  title: OptionalText(200),
  language: z._default(z.nullable(z.string().check(z.regex(/^[a-z]{2}(-[A-Z]{2})?$/))), null),
  /** YYYY-MM-DD, or --MM-DD when the year is unknown. */
  birthday: z._default(z.nullable(z.string().check(z.regex(/^(\d{4}-|--)\d\d-\d\d$/))), null),
  tags: Tags,
  /** The consent ledger: one entry per grant, withdrawal kept rather than deleted. */
  consent: z._default(z.array(ConsentEntry), []),
  doNotContact: z._default(z.boolean(), false),
  owner: OptionalText(200),
  custom: CustomFields,
  notes: OptionalText(20000),
};

/** Tombstones are exempt from the name-or-email rule: an erased person's tombstone keeps no name. */
export const Contact = z.object({ ...recordBase, ...ContactFields }).check(
  z.refine((c) => c.deletedAt !== null || c.firstName.trim() !== '' || c.lastName.trim() !== '' || c.emails.length > 0, {
    message: 'a contact needs a name or an email',
    path: ['lastName'],
  }),
);
export type Contact = z.infer<typeof Contact>;
export const ContactInput = z.object(ContactFields);
export type ContactInput = z.input<typeof ContactInput>;

export function contactName(c: Pick<Contact, 'firstName' | 'lastName' | 'emails'>): string {
  const name = `${c.firstName} ${c.lastName}`.trim();
  return name || c.emails[0] || '';
}
