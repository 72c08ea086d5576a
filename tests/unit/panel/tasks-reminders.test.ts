import { describe, it, expect } from 'vitest';
import { insert, getLive } from '../../../lib/db';
import { checkDueTasks, needsReminder, periodSeconds, DEFAULT_PERIOD_SECONDS } from '../../../lib/background/reminders';
import { allOpenTasks } from '../../../lib/panel/queries/tasks';
import { dueFromInputs, inputsFromDue, isOverdue, sortByDue } from '../../../lib/panel/view/tasks';
import { completeTask, snoozeTask } from '../../../lib/panel/commands/tasks';
import type { Task } from '../../../lib/schema';

describe('reminders', () => {
  it('notifies each due open task once; snoozing re-arms it; done and future tasks are left alone', async () => {
    const now = new Date('2026-11-26T10:00:00Z');
    const due = await insert('tasks', { title: 'due', dueAt: '2026-11-26T09:59:00Z' });
    await insert('tasks', { title: 'future', dueAt: '2026-11-26T11:00:00Z' });
    await insert('tasks', { title: 'done', dueAt: '2026-11-26T08:00:00Z', status: 'done' });
    await insert('tasks', { title: 'no date' });
    const seen: string[] = [];
    const notify = async (t: Task) => void seen.push(t.title);
    expect((await checkDueTasks(now, notify)).map((t) => t.title)).toEqual(['due']);
    expect((await getLive('tasks', due.id))?.remindedAt).toBe(now.toISOString());
    expect(await checkDueTasks(new Date('2026-11-26T10:01:00Z'), notify)).toHaveLength(0);
    await snoozeTask(due.id, 10, now);
    expect(await checkDueTasks(new Date('2026-11-26T10:05:00Z'), notify)).toHaveLength(0);
    expect((await checkDueTasks(new Date('2026-11-26T10:11:00Z'), notify)).map((t) => t.title)).toEqual(['due']);
    await completeTask(due.id, now);
    expect(await checkDueTasks(new Date('2026-11-26T10:30:00Z'), notify)).toHaveLength(0);
    expect(seen).toEqual(['due', 'due']);
  });

  it('needsReminder and the period setting', () => {
    expect(needsReminder({ status: 'open', dueAt: '2026-01-01T00:00:00Z', remindedAt: null }, '2026-01-01T00:00:01Z')).toBe(true);
    expect(needsReminder({ status: 'open', dueAt: '2026-01-01T00:00:00Z', remindedAt: '2026-01-01T00:00:05Z' }, '2026-01-02T00:00:00Z')).toBe(false);
    expect(periodSeconds(1)).toBe(1);
    expect(periodSeconds('5')).toBe(5);
    expect(periodSeconds(0)).toBe(DEFAULT_PERIOD_SECONDS);
    expect(periodSeconds('x')).toBe(DEFAULT_PERIOD_SECONDS);
  });
});

describe('tasks model', () => {
  it('lists open tasks soonest first, undated last; overdue is open and past due', async () => {
    await insert('tasks', { title: 'b', dueAt: '2026-11-27T10:00:00Z' });
    await insert('tasks', { title: 'a', dueAt: '2026-11-25T10:00:00Z' });
    await insert('tasks', { title: 'z' });
    await insert('tasks', { title: 'closed', status: 'done', dueAt: '2026-01-01T00:00:00Z' });
    expect((await allOpenTasks()).map((t) => t.title)).toEqual(['a', 'b', 'z']);
    const now = new Date('2026-11-26T00:00:00Z');
    expect(isOverdue({ status: 'open', dueAt: '2026-11-25T10:00:00Z' }, now)).toBe(true);
    expect(isOverdue({ status: 'done', dueAt: '2026-11-25T10:00:00Z' }, now)).toBe(false);
    expect(isOverdue({ status: 'open', dueAt: null }, now)).toBe(false);
    expect(
      sortByDue([
        { title: 'y', dueAt: null },
        { title: 'x', dueAt: null },
      ]).map((t) => t.title),
    ).toEqual(['x', 'y']);
  });

  it('date and time inputs round-trip through an ISO instant in local time', () => {
    const iso = dueFromInputs('2026-11-30', '14:30')!;
    expect(inputsFromDue(iso)).toEqual({ date: '2026-11-30', time: '14:30' });
    expect(inputsFromDue(dueFromInputs('2026-11-30', '')!).time).toBe('09:00');
    expect(dueFromInputs('', '10:00')).toBeNull();
    expect(dueFromInputs('2026-13-45', '10:00')).toBeNull();
  });
});
