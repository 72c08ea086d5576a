import * as z from 'zod/mini';
import { recordBase, Id, IsoDateTime, OptionalText } from './common';

export const SurveyKind = z.enum(['nps', 'csat', 'ces']);
export type SurveyKind = z.infer<typeof SurveyKind>;
/** Inclusive score range of each survey kind: NPS 0–10, CSAT 1–5, CES 1–7. */
export const SURVEY_RANGE: Record<SurveyKind, [number, number]> = { nps: [0, 10], csat: [1, 5], ces: [1, 7] };

export const SurveyResponseFields = {
  accountId: z._default(z.nullable(Id), null),
  contactId: z._default(z.nullable(Id), null),
  kind: SurveyKind,
  score: z.number().check(z.int()),
  comment: OptionalText(5000),
  respondedAt: IsoDateTime,
};

const inRange = z.refine<{ kind: SurveyKind; score: number }>((s) => s.score >= SURVEY_RANGE[s.kind][0] && s.score <= SURVEY_RANGE[s.kind][1], {
  message: 'score is out of range for this survey (NPS 0–10, CSAT 1–5, CES 1–7)',
  path: ['score'],
});
export const SurveyResponse = z.object({ ...recordBase, ...SurveyResponseFields }).check(inRange);
export type SurveyResponse = z.infer<typeof SurveyResponse>;
export const SurveyResponseInput = z.object(SurveyResponseFields).check(inRange);
export type SurveyResponseInput = z.input<typeof SurveyResponseInput>;
