import * as z from 'zod/mini';
import { recordBase, Id, IsoDateTime, Currency, OptionalText } from './common';

export const OrderFields = {
  accountId: z._default(z.nullable(Id), null),
  contactId: z._default(z.nullable(Id), null),
  occurredAt: IsoDateTime,
  /** Negative for credit notes and returns. */
  amount: z.number().check(z.refine(Number.isFinite, 'must be a finite number')),
  currency: z._default(Currency, 'EUR'),
  /** Invoice or order number from the source system. */
  ref: OptionalText(200),
  description: OptionalText(2000),
};
export const Order = z.object({ ...recordBase, ...OrderFields });
export type Order = z.infer<typeof Order>;
export const OrderInput = z.object(OrderFields);
export type OrderInput = z.input<typeof OrderInput>;
