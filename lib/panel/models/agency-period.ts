/** The periods the agency screens offer, from today's date. */
import { addDays, addMonths, isoDay, lastCompleteMonth, monthEnd, monthOf, monthStart, type Period } from '../../agency/dates';

export const PERIOD_KEYS = ['last_month', 'this_month', 'last_3_months', 'last_30_days'] as const;
export type PeriodKey = (typeof PERIOD_KEYS)[number];

export function periodFor(key: PeriodKey, today: Date): Period {
  const day = isoDay(today);
  switch (key) {
    case 'last_month': {
      const m = lastCompleteMonth(today);
      return { from: monthStart(m), to: monthEnd(m) };
    }
    case 'this_month':
      return { from: monthStart(monthOf(day)), to: day };
    case 'last_3_months': {
      const m = lastCompleteMonth(today);
      return { from: monthStart(addMonths(m, -2)), to: monthEnd(m) };
    }
    case 'last_30_days':
      return { from: addDays(day, -30), to: addDays(day, -1) };
  }
}

export const isPeriodKey = (v: string): v is PeriodKey => (PERIOD_KEYS as readonly string[]).includes(v);
