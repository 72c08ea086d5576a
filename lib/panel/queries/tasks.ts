import type { Task } from '../../schema';
import { getDb } from '../../db';
import { sortByDue } from '../view/tasks';

/** Every open task, soonest due first; tasks without a due date last. */
export async function allOpenTasks(): Promise<Task[]> {
  const rows = await getDb().tasks.where('status').equals('open').toArray();
  return sortByDue(rows.filter((t) => !t.deletedAt));
}
