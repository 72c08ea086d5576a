import { getDb } from '../db/db';
import { applyRetention, getRetentionPolicy } from '../gdpr/retention';
import type { EntityName } from '../schema';
import { META_KEYS } from '../schema/meta-keys';

export const RETENTION_ALARM = 'carnet-retention';
export const RETENTION_LAST_RUN_KEY = META_KEYS.retentionLastRun;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Applies the saved retention policy at most once a day (the alarm may fire more often after a browser
 * restart). Returns what was deleted, or null when it was not due or no period is set.
 */
export async function applyRetentionIfDue(now: Date): Promise<Partial<Record<EntityName, number>> | null> {
  const db = getDb();
  const last = (await db.meta.get(RETENTION_LAST_RUN_KEY))?.value;
  if (typeof last === 'string' && now.getTime() - Date.parse(last) < DAY_MS - 60_000) return null;
  const policy = await getRetentionPolicy();
  const counts = Object.values(policy).some((m) => m !== null) ? await applyRetention(policy, now) : null;
  await db.meta.put({ key: RETENTION_LAST_RUN_KEY, value: now.toISOString() });
  return counts;
}
