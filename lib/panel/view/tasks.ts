import type { Task } from '../../schema';

export function sortByDue<T extends Pick<Task, 'dueAt' | 'title'>>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (a.dueAt ?? '\uffff').localeCompare(b.dueAt ?? '\uffff') || a.title.localeCompare(b.title));
}

export function isOverdue(t: Pick<Task, 'dueAt' | 'status'>, now: Date): boolean {
  return t.status === 'open' && !!t.dueAt && Date.parse(t.dueAt) < now.getTime();
}

/** Local date and time inputs ("2026-11-30", "14:30") to an ISO instant; null when the date is empty or invalid. */
export function dueFromInputs(date: string, time: string): string | null {
  if (!/^\d{4}-\d\d-\d\d$/.test(date)) return null;
  const t = /^\d\d:\d\d$/.test(time) ? time : '09:00';
  const d = new Date(`${date}T${t}:00`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** An ISO instant to the local date and time inputs' values. */
export function inputsFromDue(iso: string | null): { date: string; time: string } {
  if (!iso) return { date: '', time: '' };
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
}
