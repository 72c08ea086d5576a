/**
 * The user's lifecycle workflow settings: each rule on or off, whether it proposes (a next-best-action) or schedules
 * (a dated task with its reminder), and its days. Kept in typed storage (lib/storage/lifecycle.ts); parsed here so
 * the scoring worker, the background and the panel read one shape with its defaults.
 */
import * as z from 'zod/mini';
import type { WorkflowRule } from '../schema/workflow';

export const WorkflowMode = z.enum(['propose', 'schedule']);
export type WorkflowMode = z.infer<typeof WorkflowMode>;

const days = (min: number, max: number, def: number) => z._default(z.number().check(z.int(), z.gte(min), z.lte(max)), def);
const on = (mode: WorkflowMode) => ({ enabled: z._default(z.boolean(), true), mode: z._default(WorkflowMode, mode) });
/** A rule's settings object, itself defaulted: a stored value may lack a rule added later. */
function rule<S extends z.ZodMiniObject>(schema: S) {
  return z._default(schema, () => schema.parse({}) as never);
}

export const WorkflowSettings = z.object({
  /** A welcome message to a new account, within `withinDays` of its start. */
  welcome: rule(z.object({ ...on('propose'), withinDays: days(1, 365, 14) })),
  /** An onboarding check-in call `afterDays` after the start (proposed for `withinDays`). */
  onboarding: rule(z.object({ ...on('propose'), afterDays: days(1, 365, 30), withinDays: days(1, 365, 14) })),
  /** Birthday wishes, `leadDays` before the day (contacts' birthday, with or without the year). */
  birthday: rule(z.object({ ...on('propose'), leadDays: days(0, 60, 7) })),
  /** A reminder at each of `leadDays` before the renewal date (e.g. 90 and 30 days). */
  renewal: rule(
    z.object({
      ...on('schedule'),
      leadDays: z._default(z.array(z.number().check(z.int(), z.gte(1), z.lte(730))).check(z.minLength(1), z.maxLength(5)), [90, 30]),
    }),
  ),
  /** Win-back for a dormant account, and for a lost one `lostAfterDays` after it was lost (up to `lostMaxDays`). */
  win_back: rule(z.object({ ...on('propose'), lostAfterDays: days(0, 3650, 90), lostMaxDays: days(1, 3650, 365) })),
  /** A recovery call after an NPS detractor answer (0–6), within `withinDays` of the answer. */
  nps_recovery: rule(z.object({ ...on('schedule'), withinDays: days(1, 90, 14) })),
  /** A CSAT request after a ticket is solved, within `withinDays`. */
  csat_request: rule(z.object({ ...on('propose'), withinDays: days(1, 90, 7) })),
});
export type WorkflowSettings = z.infer<typeof WorkflowSettings>;
export const DEFAULT_WORKFLOW_SETTINGS: WorkflowSettings = WorkflowSettings.parse({});

/** Stored settings, defaults filled in; a value that no longer parses gives the defaults, never a broken run. */
export function parseWorkflowSettings(raw: unknown): WorkflowSettings {
  const r = WorkflowSettings.safeParse(raw ?? {});
  return r.success ? r.data : DEFAULT_WORKFLOW_SETTINGS;
}

export type RuleSettings<R extends WorkflowRule> = WorkflowSettings[R];
