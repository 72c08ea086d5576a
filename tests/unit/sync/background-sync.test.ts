// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb, insert } from '../../../lib/db';
import { enableSync, getSyncStatus, SYNC_META, type SyncConfig } from '../../../lib/sync';
import { createSyncRunner, loadSyncServer, saveSyncServer, startSyncTriggers, SYNC_ALARM, SYNC_CONFIG_KEY } from '../../../lib/background/sync';
import type { Sql } from '../../../server/db/driver';
import { useTestServer, makeUser, type testServer, type TestUser } from '../../../server/testing';

let sql: Sql;
let server: ReturnType<typeof testServer>;
useTestServer((s, srv) => {
  sql = s;
  server = srv;
});

type Fetch = NonNullable<SyncConfig['fetch']>;
const storage = () => fakeBrowser.storage.local;
const URL_ = 'http://127.0.0.1:8787';

/** The in-process server behind a fetch that records every call. */
function recordingFetch(inner: Fetch = (i, init) => server.fetch(i, init)) {
  const calls: string[] = [];
  const fetch: Fetch = async (input, init) => {
    calls.push(`${init.method ?? 'GET'} ${new URL(input).pathname}`);
    return inner(input, init);
  };
  return { calls, fetch };
}

async function configured(user: TestUser) {
  await saveSyncServer(storage(), { serverUrl: URL_, token: user.token });
}

describe('sync server settings in storage', () => {
  it('parses what is stored and ignores an unreadable value (sync stays off)', async () => {
    expect(await loadSyncServer(storage())).toBeNull();
    await storage().set({ [SYNC_CONFIG_KEY]: { serverUrl: 'ftp://example.com', token: 'x' } });
    expect(await loadSyncServer(storage())).toBeNull();
    await storage().set({ [SYNC_CONFIG_KEY]: { serverUrl: 'https://sync.example.com', token: '' } });
    expect(await loadSyncServer(storage())).toBeNull();
    await storage().set({ [SYNC_CONFIG_KEY]: { serverUrl: 'https://sync.example.com', token: 'tok' } });
    expect(await loadSyncServer(storage())).toEqual({ serverUrl: 'https://sync.example.com', token: 'tok' });
    await expect(saveSyncServer(storage(), { serverUrl: 'https://u:p@example.com', token: 't' })).rejects.toThrow(/serverUrl/);
  });
});

describe('background sync runner', () => {
  it('sends nothing before a server is configured and sync turned on', async () => {
    const { calls, fetch } = recordingFetch();
    const runner = createSyncRunner({ storage: storage(), fetch });
    await insert('contacts', { firstName: 'Léa', lastName: 'Roux', emails: ['lea@acme.fr'] });
    expect(await runner.runSyncIfDue()).toBeNull();
    expect(await runner.syncNow()).toMatchObject({ ok: false, error: 'no server configured' });
    await configured(await makeUser(sql));
    expect(await runner.runSyncIfDue()).toBeNull(); // configured but not turned on
    expect(await runner.syncNow()).toMatchObject({ ok: false, error: 'sync is off' });
    expect(calls).toEqual([]);
  });

  it('pushes what the device holds once on, and runs one sync at a time', async () => {
    const user = await makeUser(sql);
    await configured(user);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { calls, fetch } = recordingFetch(async (i, init) => {
      await gate;
      return server.fetch(i, init);
    });
    const runner = createSyncRunner({ storage: storage(), fetch });
    await insert('contacts', { firstName: 'Léa', lastName: 'Roux', emails: ['lea@acme.fr'] });
    await enableSync();
    const a = runner.runSyncIfDue();
    const b = runner.runSyncIfDue();
    const c = runner.syncNow();
    expect(runner.inFlight).not.toBeNull();
    // All three share the sync in flight: no second push starts while the first waits for the server.
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.filter((x) => x.startsWith('POST')).length).toBe(1);
    release();
    const [ra, rb, rc] = await Promise.all([a, b, c]);
    expect(ra).toBe(rb);
    expect(rb).toBe(rc);
    expect(ra).toMatchObject({ ok: true });
    // The triggers that arrived during the run asked for one more round, not two more.
    expect(calls).toEqual(['POST /v1/sync/push', 'GET /v1/sync/pull', 'GET /v1/sync/pull']);
    expect(runner.inFlight).toBeNull();
    const [row] = await sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM records WHERE team_id = $1 AND entity = 'contacts'`, [user.teamId]);
    expect(row?.n).toBe('1');
    expect((await getSyncStatus()).pending).toBe(0);
  });

  it('backs off after a failure (the alarm waits), while "Sync now" tries at once', async () => {
    await configured(await makeUser(sql));
    let down = true;
    const { calls, fetch } = recordingFetch(async (i, init) => {
      if (down) throw new TypeError('Failed to fetch');
      return server.fetch(i, init);
    });
    const runner = createSyncRunner({ storage: storage(), fetch });
    await enableSync();
    await insert('contacts', { firstName: 'Paul', lastName: 'Durand' });
    const failed = await runner.runSyncIfDue();
    expect(failed).toMatchObject({ ok: false });
    const status = await getSyncStatus();
    expect(status.lastErrorKind).toBe('network');
    expect(status.nextAttemptAt).toBeGreaterThan(Date.now());
    expect(status.pending).toBe(1);
    const before = calls.length;
    expect(await runner.runSyncIfDue()).toBeNull();
    expect(calls.length).toBe(before);
    down = false;
    expect(await runner.syncNow()).toMatchObject({ ok: true, pushed: 1 });
    const after = await getSyncStatus();
    expect(after).toMatchObject({ pending: 0, lastError: null, lastErrorKind: null, failures: 0 });
  });

  it('a worker stopped mid-sync resumes: a fresh runner picks up the outbox and cursor from the database', async () => {
    await configured(await makeUser(sql));
    await enableSync();
    await insert('contacts', { firstName: 'Inès', lastName: 'Martin' });
    // The first worker dies as its push reaches the server: the answer never comes back.
    const dying = createSyncRunner({
      storage: storage(),
      fetch: async (i, init) => {
        await server.fetch(i, init);
        throw new TypeError('worker stopped');
      },
    });
    expect(await dying.syncNow()).toMatchObject({ ok: false });
    expect((await getSyncStatus()).pending).toBe(1);
    const next = createSyncRunner({ storage: storage(), fetch: (i, init) => server.fetch(i, init) });
    expect(await next.syncNow()).toMatchObject({ ok: true, pushed: 1 });
    expect((await getDb().meta.get(SYNC_META.cursor))?.value).toBeGreaterThan(0);
  });
});

describe('sync triggers', () => {
  function fakeEnv() {
    const alarms: { name: string; periodInMinutes: number }[] = [];
    const alarmListeners: ((a: { name: string }) => void)[] = [];
    const onlineListeners: (() => void)[] = [];
    return {
      alarms,
      fire: (name: string) => alarmListeners.forEach((l) => l({ name })),
      goOnline: () => onlineListeners.forEach((l) => l()),
      env: {
        alarms: {
          create: (name: string, info: { periodInMinutes: number }) => alarms.push({ name, ...info }),
          onAlarm: { addListener: (cb: (a: { name: string }) => void) => alarmListeners.push(cb) },
        },
        scope: { addEventListener: (_: 'online', cb: () => void) => onlineListeners.push(cb) },
        debounceMs: 30,
      },
    };
  }

  it('syncs on the alarm, when back online, and shortly after a local write', async () => {
    const seen: string[] = [];
    const runner = {
      runSyncIfDue: async () => (seen.push('due'), null),
      syncNow: async () => (seen.push('now'), null),
      inFlight: null,
    };
    const f = fakeEnv();
    const triggers = startSyncTriggers(runner, f.env);
    try {
      expect(f.alarms).toEqual([expect.objectContaining({ name: SYNC_ALARM, periodInMinutes: 1 })]);
      f.fire('something-else');
      f.fire(SYNC_ALARM);
      f.goOnline();
      expect(seen).toEqual(['due', 'now']);
      await enableSync();
      // Three quick writes: one debounced sync.
      for (const n of ['A', 'B', 'C']) await insert('contacts', { firstName: n, lastName: 'X' });
      await new Promise((r) => setTimeout(r, 300));
      expect(seen).toEqual(['due', 'now', 'due']);
    } finally {
      triggers.stop();
    }
  });
});
