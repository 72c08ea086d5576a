import { readItem, syncServerItem, writeItem, type StorageAreaLike, type StoredSyncServer } from '../storage/items';
import { liveQuery } from 'dexie';
import { getDb, type CarnetDB } from '../db/db';
import { isSyncDue, syncOnce, type SyncOutcome } from '../sync/client/engine';
import type { SyncConfig } from '../sync/client/http';

/**
 * The sync runner of the service worker: reads the server address and token from extension storage, runs one
 * sync at a time, and wires the triggers (alarm, local writes, coming back online). The engine keeps its state
 * in db.meta, so a worker stopped at any point resumes on the next trigger.
 */

/** browser.storage.local key of the team server settings (lib/storage/items). The token lives only there. */
export const SYNC_CONFIG_KEY = syncServerItem.key;
export const SYNC_ALARM = 'carnet-sync';
export const SYNC_ALARM_MINUTES = 1;
/** Wait after a local write before pushing, so a burst of writes goes in one sync. */
export const SYNC_DEBOUNCE_MS = 2_000;

export { StoredSyncServer } from '../storage/items';

/** The configured server, or null when none is (or the stored value is unreadable: sync then stays off). */
export function loadSyncServer(storage: StorageAreaLike): Promise<StoredSyncServer | null> {
  return readItem(syncServerItem, storage);
}

export async function saveSyncServer(storage: StorageAreaLike, value: StoredSyncServer): Promise<void> {
  await writeItem(syncServerItem, value, storage);
}

export interface SyncRunnerDeps {
  storage: StorageAreaLike;
  db?: () => CarnetDB;
  fetch?: SyncConfig['fetch'];
  now?: () => number;
}

export type RunResult = SyncOutcome | { ok: false; error: 'no server configured'; retryInMs: null } | null;

export interface SyncRunner {
  /** For the alarm and automatic triggers: syncs when on, configured and out of backoff; null when not due. */
  runSyncIfDue(): Promise<RunResult>;
  /** "Sync now": ignores the backoff delay (sync must still be on and configured). */
  syncNow(): Promise<RunResult>;
  /** The sync in flight, if any (tests). */
  readonly inFlight: Promise<RunResult> | null;
}

/**
 * One sync at a time: a trigger that arrives while a sync runs does not start a second one; it asks the running
 * one to go round once more (a write made during a push would otherwise wait for the next alarm).
 */
export function createSyncRunner(deps: SyncRunnerDeps): SyncRunner {
  const dbOf = deps.db ?? getDb;
  let running: Promise<RunResult> | null = null;
  let again = false;
  let forceAgain = false;

  async function once(force: boolean): Promise<RunResult> {
    const server = await loadSyncServer(deps.storage);
    if (!server) return force ? { ok: false, error: 'no server configured', retryInMs: null } : null;
    const db = dbOf();
    if (!force && !(await isSyncDue(db, (deps.now ?? Date.now)()))) return null;
    const config: SyncConfig = { serverUrl: server.serverUrl, token: server.token, db };
    if (deps.fetch) config.fetch = deps.fetch;
    if (deps.now) config.now = deps.now;
    return syncOnce(config);
  }

  function run(force: boolean): Promise<RunResult> {
    if (running) {
      again = true;
      forceAgain ||= force;
      return running;
    }
    running = (async () => {
      let out: RunResult = null;
      let f = force;
      for (;;) {
        again = false;
        forceAgain = false;
        const r = await once(f);
        if (r !== null || out === null) out = r;
        // Go round again only after a success: after a failure the backoff decides when to retry.
        if (!again || (r !== null && !r.ok)) break;
        f = forceAgain;
      }
      return out;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    runSyncIfDue: () => run(false),
    syncNow: () => run(true),
    get inFlight() {
      return running;
    },
  };
}

export interface SyncTriggerEnv {
  alarms: {
    create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): unknown;
    onAlarm: { addListener(cb: (alarm: { name: string }) => void): void };
  };
  /** The worker's global scope, for its `online` event. */
  scope: { addEventListener(type: 'online', cb: () => void): void };
  db?: () => CarnetDB;
  debounceMs?: number;
}

/**
 * Starts the triggers: the periodic alarm (survives the worker stopping), a debounced sync when the outbox grows
 * (any context's write: Dexie's liveQuery sees other contexts' commits), and a sync now when the network returns.
 */
export function startSyncTriggers(runner: SyncRunner, env: SyncTriggerEnv): { stop(): void } {
  const dbOf = env.db ?? getDb;
  const debounceMs = env.debounceMs ?? SYNC_DEBOUNCE_MS;
  void env.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_ALARM_MINUTES, delayInMinutes: SYNC_ALARM_MINUTES });
  env.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void runner.runSyncIfDue();
  });
  env.scope.addEventListener('online', () => void runner.syncNow());

  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastCount: number | null = null;
  const sub = liveQuery(() => dbOf().outbox.count()).subscribe({
    next: (count) => {
      const grew = lastCount === null ? count > 0 : count > lastCount;
      lastCount = count;
      if (!grew) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void runner.runSyncIfDue();
      }, debounceMs);
    },
    error: () => {},
  });
  return {
    stop() {
      sub.unsubscribe();
      if (timer) clearTimeout(timer);
    },
  };
}
