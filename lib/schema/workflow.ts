import * as z from 'zod/mini';
import { recordBase, Id, IsoDateTime, Text } from './common';

/**
 * Lifecycle workflows (lib/lifecycle/workflows.ts) and the ledger of what they proposed or scheduled. A ledger
 * entry's id is derived from its key (rule + target + period), so a second device, or a second run, that would
 * propose the same thing finds it already there: a workflow never proposes the same thing twice.
 */
export const WorkflowRule = z.enum(['welcome', 'onboarding', 'birthday', 'renewal', 'win_back', 'nps_recovery', 'csat_request']);
export type WorkflowRule = z.infer<typeof WorkflowRule>;

export const WorkflowOutcome = z.enum(['scheduled', 'accepted', 'dismissed']);
export type WorkflowOutcome = z.infer<typeof WorkflowOutcome>;

export const WorkflowRunFields = {
  rule: WorkflowRule,
  /** `<rule>|<account or contact id>|<period>`: what the dedupe is on. */
  key: Text(300).check(z.minLength(3)),
  accountId: z._default(z.nullable(Id), null),
  contactId: z._default(z.nullable(Id), null),
  /** The occurrence: 'once', a year ('2027'), a renewal date and lead ('2027-03-01@30'), a survey or ticket id. */
  period: Text(200).check(z.minLength(1)),
  /** scheduled: a task was created; accepted / dismissed: what the user did with the proposal. */
  outcome: WorkflowOutcome,
  at: IsoDateTime,
  taskId: z._default(z.nullable(Id), null),
};
export const WorkflowRun = z.object({ ...recordBase, ...WorkflowRunFields });
export type WorkflowRun = z.infer<typeof WorkflowRun>;
export const WorkflowRunInput = z.object(WorkflowRunFields);
export type WorkflowRunInput = z.input<typeof WorkflowRunInput>;
