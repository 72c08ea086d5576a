import type { Task } from '../schema';
import { dueTasks, update } from '../db';
import { reminderPeriodItem } from '../storage/items';

/** storage.local key: seconds between reminder checks (default 60; tests set 1). */
export const REMINDER_PERIOD_KEY = reminderPeriodItem.key;
export const REMINDER_ALARM = 'carnet.reminders';
export const DEFAULT_PERIOD_SECONDS = 60;

/** A task needs its reminder when it is due and none was shown since its due time (snoozing re-arms it). */
export function needsReminder(t: Pick<Task, 'dueAt' | 'remindedAt' | 'status'>, nowIso: string): boolean {
  return t.status === 'open' && !!t.dueAt && t.dueAt <= nowIso && (!t.remindedAt || t.remindedAt < t.dueAt);
}

/**
 * Notifies each open task that fell due since its last reminder, then records the reminder so it is shown
 * once. Returns the tasks notified.
 */
export async function checkDueTasks(now: Date, notify: (t: Task) => Promise<void>): Promise<Task[]> {
  const nowIso = now.toISOString();
  const due = (await dueTasks(nowIso)).filter((t) => needsReminder(t, nowIso));
  for (const t of due) {
    await notify(t);
    await update('tasks', t.id, { remindedAt: nowIso });
  }
  return due;
}

/** The stored period, parsed (numbers written as text too); out of range or unreadable gives the default. */
export function periodSeconds(raw: unknown): number {
  const parsed = reminderPeriodItem.schema.safeParse(Number(raw));
  return parsed.success ? parsed.data : DEFAULT_PERIOD_SECONDS;
}

interface AlarmsApi {
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): unknown;
  onAlarm: { addListener(cb: (a: { name: string }) => void): void };
}
interface StorageApi {
  local: { get(key: string): Promise<Record<string, unknown>> };
  onChanged: { addListener(cb: (changes: Record<string, unknown>, area: string) => void): void };
}
interface NotificationsApi {
  create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): unknown;
}

/** Wires the periodic reminder alarm (re-created when the period setting changes) to checkDueTasks. */
export function setupReminders(api: { alarms: AlarmsApi; storage: StorageApi; notifications: NotificationsApi; iconUrl: string; title: (t: Task) => string }) {
  const arm = async () => {
    const seconds = periodSeconds((await api.storage.local.get(REMINDER_PERIOD_KEY))[REMINDER_PERIOD_KEY] ?? reminderPeriodItem.fallback);
    await api.alarms.create(REMINDER_ALARM, { periodInMinutes: seconds / 60, delayInMinutes: seconds / 60 });
  };
  api.alarms.onAlarm.addListener((a) => {
    if (a.name !== REMINDER_ALARM) return;
    void checkDueTasks(new Date(), async (t) => {
      await api.notifications.create(`task:${t.id}`, { type: 'basic', iconUrl: api.iconUrl, title: api.title(t), message: t.title });
    });
  });
  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && REMINDER_PERIOD_KEY in changes) void arm();
  });
  void arm();
}
