import * as z from 'zod/mini';
import { recordBase, Id, IsoDateTime, OptionalText, Text } from './common';

export const TaskStatus = z.enum(['open', 'done']);

export const TaskFields = {
  accountId: z._default(z.nullable(Id), null),
  contactId: z._default(z.nullable(Id), null),
  title: Text(500).check(z.minLength(1)),
  notes: OptionalText(20000),
  dueAt: z._default(z.nullable(IsoDateTime), null),
  status: z._default(TaskStatus, 'open'),
  doneAt: z._default(z.nullable(IsoDateTime), null),
  /** A reminder already shown for this due time is not shown again. */
  remindedAt: z._default(z.nullable(IsoDateTime), null),
  /** Set when the task was created from a next-best-action. */
  actionType: OptionalText(64),
  owner: OptionalText(200),
};
export const Task = z.object({ ...recordBase, ...TaskFields });
export type Task = z.infer<typeof Task>;
export const TaskInput = z.object(TaskFields);
export type TaskInput = z.input<typeof TaskInput>;
