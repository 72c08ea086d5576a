import type { Task } from '../schema';
import { getDb } from './db';

/** Open tasks due at or before `isoTime`, earliest first. */
export async function dueTasks(isoTime: string): Promise<Task[]> {
  const rows = await getDb().tasks.where('dueAt').belowOrEqual(isoTime).toArray();
  return rows.filter((t) => !t.deletedAt && t.status === 'open');
}

export async function openTasksFor(ref: { accountId?: string; contactId?: string }): Promise<Task[]> {
  const db = getDb();
  const rows = ref.contactId
    ? await db.tasks.where('contactId').equals(ref.contactId).toArray()
    : ref.accountId
      ? await db.tasks.where('accountId').equals(ref.accountId).toArray()
      : [];
  return rows.filter((t) => !t.deletedAt && t.status === 'open').sort((a, b) => (a.dueAt ?? '\uffff').localeCompare(b.dueAt ?? '\uffff'));
}
