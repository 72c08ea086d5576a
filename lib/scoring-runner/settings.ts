/** User-editable scoring settings (lifecycle thresholds, CLV horizon and discount), stored in db.meta, zod-validated. */
import * as z from 'zod/mini';
import { getDb } from '../db/db';
import { LifecycleThresholds } from '../scoring/lifecycle';
import { ClvSettings, DEFAULT_CLV_SETTINGS } from '../scoring/clv';
import { ValidationError } from '../schema';
import { META_KEYS } from '../schema/meta-keys';

export const SCORING_SETTINGS_KEY = META_KEYS.scoringSettings;

export const ScoringUserSettings = z.object({
  lifecycle: z._default(LifecycleThresholds, LifecycleThresholds.parse({})),
  clv: z._default(ClvSettings, DEFAULT_CLV_SETTINGS),
  /** A full rescoring runs when the panel opens and the last one is older than this. */
  maxAgeHours: z._default(z.number().check(z.gte(0.1), z.lte(24 * 30)), 12),
});
export type ScoringUserSettings = z.infer<typeof ScoringUserSettings>;
export const DEFAULT_USER_SETTINGS: ScoringUserSettings = ScoringUserSettings.parse({});

/** The stored settings; a corrupt value falls back to the defaults rather than stopping the scoring. */
export async function getScoringSettings(): Promise<ScoringUserSettings> {
  const raw = (await getDb().meta.get(SCORING_SETTINGS_KEY))?.value;
  const parsed = ScoringUserSettings.safeParse(raw ?? {});
  return parsed.success ? parsed.data : DEFAULT_USER_SETTINGS;
}

/** Validates (the error names the field) and stores; the next scoring run uses them. */
export async function saveScoringSettings(input: unknown): Promise<ScoringUserSettings> {
  const parsed = ScoringUserSettings.safeParse(input);
  if (!parsed.success) throw ValidationError.from('scoring.settings', parsed.error);
  await getDb().meta.put({ key: SCORING_SETTINGS_KEY, value: parsed.data });
  return parsed.data;
}
