import { ENTITY_NAMES } from '../schema';
import { getDb } from './db';
import { META_KEYS } from '../schema/meta-keys';

/** Meta key recording that demo data was loaded, and with which parameters. */
export const DEMO_META_KEY = META_KEYS.demoLoaded;

export interface DemoMarker {
  seed: string | number;
  accounts: number;
  now: string;
  loadedAt: string;
}

/** Whether any synced table holds a live record (the empty panel offers demo data only when not). */
export async function hasLiveData(): Promise<boolean> {
  const db = getDb();
  for (const name of ENTITY_NAMES) {
    const row = await db
      .table(name)
      .filter((r: { deletedAt: string | null }) => !r.deletedAt)
      .first();
    if (row) return true;
  }
  return false;
}

/**
 * Empties every entity table, the scores, the sync outbox and the audit log, and forgets the demo marker.
 * Settings (meta), import presets and erasure suppressions stay: they are not portfolio data.
 */
export async function clearPortfolioTables(): Promise<void> {
  const db = getDb();
  const tables = [...ENTITY_NAMES.map((n) => db.table(n)), db.scores, db.outbox, db.audit, db.meta];
  await db.transaction('rw', tables, async () => {
    for (const t of tables) if (t !== db.meta) await t.clear();
    await db.meta.delete(DEMO_META_KEY);
  });
}

export async function getDemoMarker(): Promise<DemoMarker | undefined> {
  return (await getDb().meta.get(DEMO_META_KEY))?.value as DemoMarker | undefined;
}

export async function setDemoMarker(marker: DemoMarker): Promise<void> {
  await getDb().meta.put({ key: DEMO_META_KEY, value: marker });
}
