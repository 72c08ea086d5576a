import * as z from 'zod/mini';
import { recordBase, Id, IsoDate, OptionalText } from './common';

/** The account manager's words for one client report: what happened in the period and what comes next. */
export const ReportNoteFields = {
  accountId: Id,
  periodStart: IsoDate,
  periodEnd: IsoDate,
  notes: OptionalText(5000),
  nextSteps: OptionalText(5000),
};
const ordered = (r: { periodStart: string; periodEnd: string }) => r.periodEnd >= r.periodStart;
const ORDER = { message: 'periodEnd must be on or after periodStart', path: ['periodEnd'] };
export const ReportNote = z.object({ ...recordBase, ...ReportNoteFields }).check(z.refine(ordered, ORDER));
export type ReportNote = z.infer<typeof ReportNote>;
export const ReportNoteInput = z.object(ReportNoteFields).check(z.refine(ordered, ORDER));
export type ReportNoteInput = z.input<typeof ReportNoteInput>;
