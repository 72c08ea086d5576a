import type { TaskInput } from '../../schema';
import { getLive, update } from '../../db';

/** Pushes the due time to now + minutes and re-arms its reminder. */
export function snoozeTask(id: string, minutes: number, now: Date) {
  return update('tasks', id, { dueAt: new Date(now.getTime() + minutes * 60_000).toISOString(), remindedAt: null });
}

export function completeTask(id: string, now: Date) {
  return update('tasks', id, { status: 'done', doneAt: now.toISOString() });
}

export function reopenTask(id: string) {
  return update('tasks', id, { status: 'open', doneAt: null });
}

export type NewTask = Pick<TaskInput, 'title' | 'dueAt' | 'accountId' | 'contactId' | 'notes'>;

/** Snoozes a task with its undo: the undo puts its due time and reminder back as they were. */
export async function snoozeWithUndo(id: string, minutes: number, now: Date): Promise<{ undo: () => Promise<void> }> {
  const before = await getLive('tasks', id);
  await snoozeTask(id, minutes, now);
  return { undo: async () => void (await update('tasks', id, { dueAt: before?.dueAt ?? null, remindedAt: before?.remindedAt ?? null })) };
}

/** Completes a task with its undo (reopen). */
export async function completeWithUndo(id: string, now: Date): Promise<{ undo: () => Promise<void> }> {
  await completeTask(id, now);
  return { undo: async () => void (await reopenTask(id)) };
}
