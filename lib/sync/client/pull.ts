import { getDb, type CarnetDB } from '../../db/db';
import { clock as contextClock } from '../../clock/hlc';
import { MAX_PULL_LIMIT, type PullResponse } from '../shared/protocol';
import { SyncError, type SyncConfig } from './http';
import { pullPages } from './pull-pages';
import { getMeta, setMeta, SYNC_META } from './meta';
import { applyRemoteChanges, entityTables, prepareRemoteChanges, type ApplyResult, type SetAsideChange } from './apply';

/** A page whose predecessor failed: it is rolled back, and the previous page's own error is the one reported. */
class PreviousPageNotApplied extends Error {}

/** Pages a pull asks the server to stream in one answer: 20 000 changes at most, then it asks again. */
export const PULL_PAGES_PER_ANSWER = 20;

/** Pulled changes set aside are kept up to this many (newest kept): enough to show and retry, never unbounded. */
export const MAX_SET_ASIDE_KEPT = 200;

export type SetAsideEntry = SetAsideChange & { at: number };

/** Adds set-aside changes to the kept list; a newer one for the same record replaces the older. */
export async function keepSetAside(db: CarnetDB, added: SetAsideChange[], at: number): Promise<void> {
  if (added.length === 0) return;
  const kept = (await getMeta<SetAsideEntry[]>(db, SYNC_META.setAside)) ?? [];
  const key = (e: SetAsideChange) => `${e.entity}\u0000${e.recordId}\u0000${e.recordId === null ? e.seq : ''}`;
  const fresh = new Set(added.map(key));
  const next = [...kept.filter((e) => !fresh.has(key(e))), ...added.map((e) => ({ ...e, at }))].slice(-MAX_SET_ASIDE_KEPT);
  await setMeta(db, { [SYNC_META.setAside]: next });
}

/**
 * Fetches the team's changes since the stored cursor, page by page. Each page is merged and its cursor saved in
 * one transaction, so a service worker stopped mid-pull resumes from the last whole page. A change that cannot be
 * applied is set aside (meta `sync.setAside`, shown in the status) while the rest of its page applies and the
 * cursor moves on. A server whose cursor does not move forward ends the run with an error instead of looping.
 */
export async function pull(config: SyncConfig): Promise<ApplyResult & { pages: number }> {
  const db = config.db ?? getDb();
  const clock = config.clock ?? contextClock;
  const now = config.now ?? Date.now;
  const limit = config.pullPageSize ?? MAX_PULL_LIMIT;
  const total = { applied: 0, unchanged: 0, incomplete: 0, setAside: [] as SetAsideChange[], resent: 0, pages: 0 };
  let cursor = (await getMeta<number>(db, SYNC_META.cursor)) ?? 0;
  // From the start (a first pull), nearly every record is new here: add them, and read only those the add
  // refuses. Given up for the rest of the pull when most adds are refused (pulling again over a full database).
  let tryAdd = cursor === 0;
  const onAddRefused = (refused: number, tried: number) => {
    if (tried >= 50 && refused > tried / 2) tryAdd = false;
  };
  const pages = pullPages(config, cursor, limit, config.pullPagesPerAnswer ?? PULL_PAGES_PER_ANSWER);
  const read = () => {
    const p = pages.next();
    p.catch(() => {}); // awaited below; this only keeps a prefetch that is never awaited from being reported
    return p;
  };
  let next: Promise<IteratorResult<PullResponse>> | null = read();
  let committing: Promise<void> | null = null;
  try {
    while (next) {
      const step: IteratorResult<PullResponse> = await next;
      if (step.done) break;
      const page: PullResponse = step.value;
      if (page.cursor < cursor || (page.cursor === cursor && page.changes.length > 0)) {
        throw new SyncError(
          `The sync server's change cursor did not move forward (from ${cursor} to ${page.cursor}); sync stopped here so it does not loop.`,
          200,
          'bad_response',
        );
      }
      const from = cursor;
      cursor = page.cursor;
      // The next page downloads, and this one is prepared and handed to IndexedDB, while the previous one still
      // commits: IndexedDB runs the two transactions in the order they were opened, so this one's writes are queued
      // behind the previous page's instead of waiting for it here. It gives itself up unless the previous page
      // moved the stored cursor to where this one starts; the cursor only moves once a page is applied, in order.
      next = page.more && page.changes.length > 0 ? read() : null;
      const prepared = prepareRemoteChanges(page.changes, clock, now(), page.compact === true);
      const applying = db.transaction('rw', [...entityTables(db), db.outbox, db.meta], async () => {
        const r = await applyRemoteChanges(db, page.changes, clock, prepared, { tryAdd, onAddRefused });
        if (((await getMeta<number>(db, SYNC_META.cursor)) ?? 0) !== from) throw new PreviousPageNotApplied();
        total.applied += r.applied;
        total.unchanged += r.unchanged;
        total.incomplete += r.incomplete;
        total.resent += r.resent;
        total.setAside.push(...r.setAside);
        await keepSetAside(db, r.setAside, now());
        await setMeta(db, { [SYNC_META.cursor]: page.cursor });
      });
      applying.catch(() => {}); // awaited below or on the next page
      const previous = committing;
      committing = applying;
      if (previous) await previous;
      total.pages++;
    }
  } finally {
    // Whatever ends the loop, the pages already handed to IndexedDB finish (or fail) before pull returns, and a
    // streamed answer still open is closed.
    pages.return(undefined).catch(() => {});
    if (committing) await committing.catch(() => {});
  }
  if (committing) await committing;
  return total;
}
