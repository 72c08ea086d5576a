/** Calendar arithmetic on ISO dates ('YYYY-MM-DD') and months ('YYYY-MM'), in UTC: no time zone can move a day. */

export const DAY_MS = 86_400_000;

/** An inclusive range of days. */
export interface Period {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
// Series code turns the same few hundred days into numbers over and over: parse each once.
const parsed = new Map<string, number>();
const ms = (date: string): number => {
  let t = parsed.get(date);
  if (t === undefined) {
    t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
    if (parsed.size > 50_000) parsed.clear();
    parsed.set(date, t);
  }
  return t;
};

/** Days since 1970-01-01 (UTC) of an ISO date: an integer to count and compare days with. */
export const dayNumber = (date: string): number => Math.round(ms(date) / DAY_MS);
const fromMs = (t: number) => new Date(t).toISOString().slice(0, 10);

export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
export const monthOf = (date: string): string => date.slice(0, 7);
export const monthStart = (month: string): string => `${month}-01`;

export function daysInMonth(month: string): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
}

export const monthEnd = (month: string): string => `${month}-${pad(daysInMonth(month))}`;

export function addDays(date: string, n: number): string {
  return fromMs(ms(date) + n * DAY_MS);
}

export function addMonths(month: string, n: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + n;
  const yy = y + Math.floor(m / 12);
  return `${yy}-${pad((((m % 12) + 12) % 12) + 1)}`;
}

/** Days from a to b (b − a); 0 for the same day. */
export function daysBetween(a: string, b: string): number {
  return Math.round((ms(b) - ms(a)) / DAY_MS);
}

/** Number of days in an inclusive period. */
export const periodDays = (p: Period): number => daysBetween(p.from, p.to) + 1;

export const monthPeriod = (month: string): Period => ({ from: monthStart(month), to: monthEnd(month) });

/** Months from `from` to `to` inclusive, oldest first. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length < 1200; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** True when the period is made of whole calendar months (1 October – 31 December). */
export function isWholeMonths(p: Period): boolean {
  return p.from.slice(8) === '01' && p.to === monthEnd(monthOf(p.to)) && p.from <= p.to;
}

/**
 * The period just before: the same number of calendar months for whole months (October → September, Q4 → Q3),
 * else the same number of days.
 */
export function previousPeriod(p: Period): Period {
  if (isWholeMonths(p)) {
    const months = monthsBetween(monthOf(p.from), monthOf(p.to)).length;
    const first = addMonths(monthOf(p.from), -months);
    return { from: monthStart(first), to: monthEnd(addMonths(monthOf(p.from), -1)) };
  }
  const n = periodDays(p);
  return { from: addDays(p.from, -n), to: addDays(p.from, -1) };
}

/** The last calendar month that has ended before `today`. */
export function lastCompleteMonth(today: Date): string {
  return addMonths(monthOf(isoDay(today)), -1);
}

export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = ms(s);
  return Number.isFinite(t) && fromMs(t) === s;
}

/** Overlap in days of two inclusive periods (0 when disjoint). */
export function overlapDays(a: Period, b: Period): number {
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to < b.to ? a.to : b.to;
  return to < from ? 0 : daysBetween(from, to) + 1;
}
