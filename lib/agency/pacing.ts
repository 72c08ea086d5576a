/**
 * Spend pacing: is the client's month on course for its media budget? The spend so far is projected to the end of
 * the month at the same daily rate (the month's own days, not a fixed percentage of the budget per week); a finished
 * month is judged on what was spent.
 */
import { daysInMonth, monthEnd, monthOf, monthStart } from './dates';
import { totalsIn, type StatRow } from './series';

export type PacingStatus = 'on_track' | 'over' | 'under';

export interface Pacing {
  month: string;
  spend: number;
  budget: number;
  /** Days of the month with figures (the month's progress). */
  daysElapsed: number;
  daysInMonth: number;
  /** Spend at the end of the month at the current rate (= spend for a finished month). */
  projected: number;
  /** projected / budget */
  ratio: number;
  status: PacingStatus;
  complete: boolean;
}

/** Too early in a month to project: a few days' spend says little about thirty. */
export const MIN_PACING_DAYS = 5;

/**
 * Pacing of the month holding `asOf` (the last day with figures), from prepared rows; null without a budget, without
 * figures in that month, or in its first days.
 */
export function pacing(rows: readonly StatRow[], budget: number | null, tolerance: number, asOf: string): Pacing | null {
  if (budget === null || budget <= 0) return null;
  const month = monthOf(asOf);
  const length = daysInMonth(month);
  const complete = asOf >= monthEnd(month);
  const { totals, coveredDays } = totalsIn(rows, { from: monthStart(month), to: complete ? monthEnd(month) : asOf });
  if (coveredDays === 0) return null;
  const daysElapsed = complete ? length : Number(asOf.slice(8, 10));
  if (!complete && daysElapsed < MIN_PACING_DAYS) return null;
  const projected = complete ? totals.spend : (totals.spend / daysElapsed) * length;
  const ratio = projected / budget;
  const status: PacingStatus = ratio > 1 + tolerance ? 'over' : ratio < 1 - tolerance ? 'under' : 'on_track';
  return { month, spend: totals.spend, budget, daysElapsed, daysInMonth: length, projected, ratio, status, complete };
}
