import { getDb } from '../../db';

/** The saved segments (live ones). */
export async function liveSegments() {
  return (await getDb().segments.toArray()).filter((s) => !s.deletedAt);
}

/** How many scored accounts each segment key holds, from the last scoring run. */
export async function segmentCounts(): Promise<Map<string, number>> {
  const c = new Map<string, number>();
  await getDb().scores.each((s) => s.segments.forEach((k) => c.set(k, (c.get(k) ?? 0) + 1)));
  return c;
}
