import { getDb } from '../db/db';
import { clock as contextClock } from '../clock/hlc';
import { PullResponse } from './protocol';
import { call, type SyncConfig } from './http';
import { getMeta, setMeta, SYNC_META } from './meta';
import { applyRemoteChanges, entityTables, prepareRemoteChanges, type ApplyResult } from './apply';

/**
 * Fetches the team's changes since the stored cursor, page by page. Each page is merged and its cursor saved in
 * one transaction, so a service worker stopped mid-pull resumes from the last whole page.
 */
export async function pull(config: SyncConfig): Promise<ApplyResult & { pages: number }> {
  const db = config.db ?? getDb();
  const clock = config.clock ?? contextClock;
  const limit = config.pullPageSize ?? 500;
  const total = { applied: 0, unchanged: 0, incomplete: 0, pages: 0 };
  const fetchPage = (cursor: number) => {
    const p = call(config, 'GET', `/v1/sync/pull?cursor=${cursor}&limit=${limit}`, PullResponse);
    p.catch(() => {}); // awaited below; this only keeps a prefetch that is never awaited from being reported
    return p;
  };
  let next: Promise<PullResponse> | null = fetchPage((await getMeta<number>(db, SYNC_META.cursor)) ?? 0);
  let committing: Promise<void> | null = null;
  while (next) {
    const page: PullResponse = await next;
    // The next page downloads, and this one is prepared, while the previous one commits; the stored cursor only
    // moves once a page is applied, in page order.
    next = page.more && page.changes.length > 0 ? fetchPage(page.cursor) : null;
    const prepared = prepareRemoteChanges(page.changes, clock);
    if (committing) await committing;
    committing = db.transaction('rw', [...entityTables(db), db.meta], async () => {
      const r = await applyRemoteChanges(db, page.changes, clock, prepared);
      total.applied += r.applied;
      total.unchanged += r.unchanged;
      total.incomplete += r.incomplete;
      await setMeta(db, { [SYNC_META.cursor]: page.cursor });
    });
    committing.catch(() => {}); // awaited below or on the next page
    total.pages++;
  }
  if (committing) await committing;
  return total;
}
