import * as z from 'zod/mini';
import { recordBase, Id, IsoDateTime, OptionalText, Text } from './common';
import { Purpose } from './contact';

/**
 * Sequences: ordered steps, each a message template and a delay in days after the previous step. Enrolling a
 * contact creates one dated task per step (with its reminder); the enrolment stops by itself on a reply, an
 * objection or lost consent, or when the account churns (lib/lifecycle/sequences.ts).
 */
export const SequenceStep = z.object({
  /** The message template of the step (a templates record). */
  templateId: Id,
  /** Days after the previous step (after enrolling for the first step); 0 = the same day. */
  delayDays: z.number().check(z.int(), z.gte(0), z.lte(365)),
  /** What to do beside sending the template, shown on the step's task. */
  note: OptionalText(500),
});
export type SequenceStep = z.infer<typeof SequenceStep>;

export const SequenceFields = {
  name: Text(100).check(z.trim(), z.minLength(1)),
  /** Every step contacts the person for this purpose: no consent for it, no enrolment (and a withdrawal stops it). */
  purpose: z._default(Purpose, 'sales'),
  steps: z.array(SequenceStep).check(z.minLength(1), z.maxLength(20)),
  /** An archived sequence takes no new enrolments; running ones go on. */
  archived: z._default(z.boolean(), false),
};
export const Sequence = z.object({ ...recordBase, ...SequenceFields });
export type Sequence = z.infer<typeof Sequence>;
export const SequenceInput = z.object(SequenceFields);
export type SequenceInput = z.input<typeof SequenceInput>;

export const EnrolmentStatus = z.enum(['active', 'stopped', 'finished']);
export type EnrolmentStatus = z.infer<typeof EnrolmentStatus>;
export const StopReason = z.enum(['replied', 'objected', 'churned', 'manual']);
export type StopReason = z.infer<typeof StopReason>;

export const EnrolmentFields = {
  sequenceId: Id,
  contactId: Id,
  accountId: z._default(z.nullable(Id), null),
  enrolledAt: IsoDateTime,
  status: z._default(EnrolmentStatus, 'active'),
  stopReason: z._default(z.nullable(StopReason), null),
  stoppedAt: z._default(z.nullable(IsoDateTime), null),
  /** What stopped it: the reply's interaction id, or the recognised thread (`gmail:<thread id>`). */
  stopDetail: OptionalText(600),
  /** One task per step, in step order. */
  taskIds: z._default(z.array(Id).check(z.maxLength(20)), []),
};
export const Enrolment = z.object({ ...recordBase, ...EnrolmentFields });
export type Enrolment = z.infer<typeof Enrolment>;
export const EnrolmentInput = z.object(EnrolmentFields);
export type EnrolmentInput = z.input<typeof EnrolmentInput>;
