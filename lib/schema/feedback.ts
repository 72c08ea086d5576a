import * as z from 'zod/mini';
import { recordBase, Id, IsoDateTime, Text } from './common';

export const FeedbackOutcome = z.enum(['accepted', 'dismissed', 'snoozed']);

/** What the user did with a suggested next-best-action: the ranking learns from it. */
export const ActionFeedbackFields = {
  accountId: z._default(z.nullable(Id), null),
  contactId: z._default(z.nullable(Id), null),
  actionType: Text(64).check(z.minLength(1)),
  outcome: FeedbackOutcome,
  at: IsoDateTime,
  snoozeUntil: z._default(z.nullable(IsoDateTime), null),
};
export const ActionFeedback = z.object({ ...recordBase, ...ActionFeedbackFields });
export type ActionFeedback = z.infer<typeof ActionFeedback>;
export const ActionFeedbackInput = z.object(ActionFeedbackFields);
export type ActionFeedbackInput = z.input<typeof ActionFeedbackInput>;
