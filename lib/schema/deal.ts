import * as z from 'zod/mini';
import { recordBase, Id, IsoDate, Currency, Money, OptionalText, Text } from './common';

export const DealKind = z.enum(['new_business', 'upsell', 'renewal']);
export const DealStage = z.enum(['qualification', 'proposal', 'negotiation', 'won', 'lost']);

export const DealFields = {
  accountId: Id,
  contactId: z._default(z.nullable(Id), null),
  name: Text(300).check(z.minLength(1)),
  kind: z._default(DealKind, 'new_business'),
  stage: z._default(DealStage, 'qualification'),
  amount: z._default(z.nullable(Money), null),
  currency: z._default(Currency, 'EUR'),
  /** Expected close date; for a renewal, the contract renewal date. */
  closeDate: z._default(z.nullable(IsoDate), null),
  owner: OptionalText(200),
  notes: OptionalText(20000),
};
export const Deal = z.object({ ...recordBase, ...DealFields });
export type Deal = z.infer<typeof Deal>;
export const DealInput = z.object(DealFields);
export type DealInput = z.input<typeof DealInput>;
