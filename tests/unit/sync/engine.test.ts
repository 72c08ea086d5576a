// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { insert, update, remove, logInteraction, searchContacts, getLive, SYNC_ENABLED_KEY } from '../../../lib/db';
import { enableSync, disableSync, syncOnce, pull, getSyncStatus, isSyncDue, testConnection, SYNC_META, SyncError } from '../../../lib/sync';
import type { Sql } from '../../../server/db/driver';
import { useTestServer, makeUser, type testServer, type TestUser } from '../../../server/testing';
import { client as makeClient, snapshot, rng, type Client, type Fetch } from './harness';

let sql: Sql;
let server: ReturnType<typeof testServer>;

useTestServer((s, srv) => {
  sql = s;
  server = srv;
});

const client = (user: TestUser, fetch: Fetch = server.fetch) => makeClient(user, fetch);

describe('engine against the server', () => {
  it('first push sends what the device already holds, with its stamps; another device pulls it, search tokens included', async () => {
    const user = await makeUser(sql);
    const a = client(user);
    const acc = await a.local(() => insert('accounts', { name: 'Acme', domains: ['acme.fr'] }));
    const c = await a.local(() => insert('contacts', { firstName: 'Hélène', lastName: 'Dupont', emails: ['h@acme.fr'], accountId: acc.id }));
    const edited = await a.local(() => update('contacts', c.id, { title: 'CFO' }));
    const gone = await a.local(() => insert('tasks', { title: 'Call back', dueAt: '2026-02-01T09:00:00.000Z' }));
    await a.local(() => remove('tasks', gone.id));
    expect(await a.db.outbox.count()).toBe(0);

    expect(await enableSync(a.db)).toEqual({ queued: 4 }); // 3 records + the task's tombstone
    expect(await enableSync(a.db)).toEqual({ queued: 0 });
    const r = await syncOnce(a.config);
    expect(r).toMatchObject({ ok: true, pushed: 4 });
    expect(await a.db.outbox.count()).toBe(0);

    const b = client(user);
    await enableSync(b.db);
    expect(await syncOnce(b.config)).toMatchObject({ ok: true, pushed: 0, pulled: 3 });
    expect(await b.local(() => searchContacts('hel dup'))).toEqual([expect.objectContaining({ id: c.id, title: 'CFO' })]);
    expect(await b.local(() => getLive('contacts', c.id))).toEqual(edited);
    expect((await b.db.tasks.get(gone.id))?.deletedAt).toBeTruthy();
    expect(await b.db.outbox.count()).toBe(0); // pulled changes are not queued again
    expect(await snapshot(b.db)).toEqual(await snapshot(a.db));

    const status = await getSyncStatus(b.db);
    expect(status).toMatchObject({ enabled: true, lastError: null, pending: 0, failures: 0 });
    expect(status.cursor).toBeGreaterThan(0);
    expect(status.lastSuccessAt).toBeTypeOf('number');
  });

  it('tests the connection, and reports a revoked or wrong token in plain words with backoff', async () => {
    const user = await makeUser(sql);
    const a = client(user);
    expect(await testConnection(a.config)).toMatchObject({ team: { id: user.teamId }, user: { email: user.email } });
    const bad = { ...a.config, token: 'carnet_nope', now: () => 1_000_000 };
    await expect(testConnection(bad)).rejects.toThrow(SyncError);
    await enableSync(a.db);
    const r = await syncOnce(bad);
    expect(r.ok).toBe(false);
    const st = await getSyncStatus(a.db);
    expect(st.lastError).toMatch(/refused the API token/);
    expect(st.failures).toBe(1);
    expect(st.nextAttemptAt).toBeGreaterThan(1_000_000);
    expect(await isSyncDue(a.db, 1_000_000)).toBe(false);
    expect(await isSyncDue(a.db, st.nextAttemptAt!)).toBe(true);
    await syncOnce(bad);
    expect((await getSyncStatus(a.db)).failures).toBe(2);
    expect((await syncOnce(a.config)).ok).toBe(true);
    expect(await getSyncStatus(a.db)).toMatchObject({ failures: 0, lastError: null, nextAttemptAt: null });
  });

  it('does nothing while sync is off, and turning it off drops the queue but keeps data', async () => {
    const user = await makeUser(sql);
    const a = client(user);
    expect(await syncOnce(a.config)).toEqual({ ok: false, error: 'sync is off', retryInMs: null });
    await enableSync(a.db);
    await a.local(() => insert('accounts', { name: 'Kept', domains: [] }));
    expect(await a.db.outbox.count()).toBe(1);
    await disableSync(a.db);
    expect(await a.db.outbox.count()).toBe(0);
    expect(await a.db.accounts.count()).toBe(1);
    expect((await a.db.meta.get(SYNC_ENABLED_KEY))?.value).toBe(false);
  });

  it('keeps an entry the server rejects out of the way, recorded, and pushes the rest', async () => {
    const user = await makeUser(sql);
    const a = client(user);
    await enableSync(a.db);
    const ok = await a.local(() => insert('accounts', { name: 'Fine', domains: [] }));
    await a.db.outbox.add({ id: 'bad-entry', entity: 'contacts', recordId: ok.id, op: 'upsert', fields: { emails: ['nope'] }, hlc: ok.createdAt });
    const r = await syncOnce(a.config);
    expect(r).toMatchObject({ ok: true, pushed: 1, rejected: 1 });
    const rejected = (await a.db.meta.get(SYNC_META.rejected))?.value as { entry: { id: string }; reasons: string[] }[];
    expect(rejected[0]?.entry.id).toBe('bad-entry');
    expect(rejected[0]?.reasons[0]).toMatch(/emails/);
  });
});

describe('faults', () => {
  it('a push whose answer is lost is sent again without duplicating anything', async () => {
    const user = await makeUser(sql);
    let loseNextPushAnswer = false;
    let serverCalls = 0;
    const lossy: Fetch = async (input, init) => {
      const res = await server.fetch(input, init);
      if (input.includes('/push')) serverCalls++;
      if (loseNextPushAnswer && input.includes('/push')) {
        loseNextPushAnswer = false;
        throw new TypeError('network connection lost');
      }
      return res;
    };
    const a = client(user, lossy);
    await enableSync(a.db);
    await a.local(() => insert('contacts', { firstName: 'Ann', lastName: 'Lee', emails: [] }));
    await a.local(() => logInteraction({ channel: 'call', occurredAt: '2026-01-05T10:00:00.000Z', subject: 'Intro' }));
    loseNextPushAnswer = true;
    const first = await syncOnce(a.config);
    expect(first).toMatchObject({ ok: false, error: expect.stringMatching(/Could not reach the sync server/) });
    expect(await a.db.outbox.count()).toBe(2); // not acknowledged, so kept
    const second = await syncOnce(a.config);
    expect(second).toMatchObject({ ok: true, pushed: 2 });
    expect(serverCalls).toBe(2);
    const fresh = client(user);
    await enableSync(fresh.db);
    await syncOnce(fresh.config);
    expect(await fresh.db.contacts.count()).toBe(1);
    expect(await fresh.db.interactions.count()).toBe(1);
    const seq = await sql.query<{ seq: string }>('SELECT seq::text AS seq FROM teams WHERE id = $1', [user.teamId]);
    expect(seq[0]?.seq).toBe('2'); // the retried batch did not bump the change counter
  });

  it('a server that dies before applying loses nothing; a worker stopped mid-pull resumes from its cursor', async () => {
    const user = await makeUser(sql);
    let down = true;
    const flaky: Fetch = async (input, init) => {
      if (down) throw new TypeError('connection refused');
      return server.fetch(input, init);
    };
    const a = client(user, flaky);
    await enableSync(a.db);
    for (let i = 0; i < 12; i++) await a.local(() => insert('accounts', { name: `A${i}`, domains: [] }));
    expect((await syncOnce(a.config)).ok).toBe(false);
    expect(await a.db.outbox.count()).toBe(12);
    down = false;
    expect(await syncOnce(a.config)).toMatchObject({ ok: true, pushed: 12 });

    // Device b pulls 5 per page, one page per answer (as from a server that does not stream); its "worker" stops
    // after the second page.
    let pages = 0;
    const stopping: Fetch = async (input, init) => {
      if (input.includes('/pull') && ++pages > 2) throw new TypeError('service worker stopped');
      return server.fetch(input, init);
    };
    const b = makeClient(user, stopping, { pullPagesPerAnswer: 1 });
    await enableSync(b.db);
    expect((await syncOnce(b.config)).ok).toBe(false);
    expect(await b.db.accounts.count()).toBe(10);
    expect((await getSyncStatus(b.db)).cursor).toBe(10);
    pages = -100;
    await pull(b.config);
    expect(await b.db.accounts.count()).toBe(12);
  });

  it('a page IndexedDB refuses ends the pull there: the page opened behind it rolls back, the cursor stays at the last whole page', async () => {
    const user = await makeUser(sql);
    const a = client(user);
    await enableSync(a.db);
    for (let i = 0; i < 12; i++) await a.local(() => insert('accounts', { name: `A${i}`, domains: [] }));
    expect(await syncOnce(a.config)).toMatchObject({ ok: true, pushed: 12 });

    const b = client(user);
    await enableSync(b.db);
    const table = b.db.table('accounts');
    const realBulkAdd = table.bulkAdd.bind(table);
    let calls = 0;
    const spy = vi.spyOn(table, 'bulkAdd').mockImplementation(((...args: Parameters<typeof realBulkAdd>) => {
      if (++calls === 2) throw new DOMException('disk trouble', 'UnknownError');
      return realBulkAdd(...args);
    }) as typeof table.bulkAdd);
    await expect(pull(b.config)).rejects.toThrow('disk trouble');
    expect(calls).toBe(3); // the third page was handed to IndexedDB before the second one's failure was seen
    expect(await b.db.accounts.count()).toBe(5);
    expect((await getSyncStatus(b.db)).cursor).toBe(5);
    spy.mockRestore();
    await pull(b.config);
    expect(await b.db.accounts.count()).toBe(12);
  });
});

describe('convergence', () => {
  const FIELDS = {
    contacts: [
      ['firstName', () => ['Ann', 'Bob', 'Chloé', 'Dan'] as unknown[]],
      ['title', () => ['CEO', 'CTO', null]],
      ['tags', () => [[], ['vip'], ['vip', 'fr']]],
      ['doNotContact', () => [true, false]],
      ['notes', () => ['called', 'emailed', null]],
    ],
    accounts: [
      ['name', () => ['Acme', 'Acme SA', 'Globex']],
      ['tier', () => ['key', 'standard', 'small']],
      ['owner', () => ['alice', 'bob', null]],
    ],
    interactions: [
      ['subject', () => ['Intro', 'Follow-up', 'Renewal']],
      ['outcome', () => ['completed', 'follow_up', null]],
    ],
  } as const;

  async function randomOp(c: Client, r: () => number) {
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    const x = r();
    await c.local(async () => {
      if (x < 0.15) {
        await insert('contacts', { firstName: pick(['Eve', 'Fay']), lastName: `L${Math.floor(r() * 100)}`, emails: [] });
        return;
      }
      if (x < 0.25) {
        await logInteraction({
          channel: 'email',
          occurredAt: '2026-01-02T10:00:00.000Z',
          subject: 'Thread',
          source: { site: 'gmail', ref: `t-${Math.floor(r() * 1000)}`, url: null },
        });
        return;
      }
      const entity = pick(['contacts', 'accounts', 'interactions'] as const);
      const live = (await c.db.table(entity).toArray()).filter((row) => !row.deletedAt);
      if (live.length === 0) return;
      const target = pick(live) as { id: string };
      if (x < 0.32) {
        await remove(entity, target.id);
        return;
      }
      const [field, values] = pick(FIELDS[entity] as readonly (readonly [string, () => unknown[]])[]);
      await update(entity, target.id, { [field]: pick(values()) } as never);
    });
  }

  it('2–3 devices editing offline then syncing in random orders, with lost answers, all converge (many seeds)', async () => {
    for (let seed = 1; seed <= 25; seed++) {
      const r = rng(seed);
      const user = await makeUser(sql);
      const faulty: Fetch = async (input, init) => {
        const roll = r();
        if (roll < 0.08) throw new TypeError('offline');
        const res = await server.fetch(input, init);
        if (roll < 0.16) throw new TypeError('answer lost');
        return res;
      };
      const devices = Array.from({ length: 2 + (seed % 2) }, () => client(user, faulty));
      const [first] = devices;
      await first!.local(async () => {
        const acc = await insert('accounts', { name: 'Seed', domains: ['seed.fr'] });
        await insert('contacts', { firstName: 'Seed', lastName: 'Person', emails: ['seed@seed.fr'], accountId: acc.id });
        await insert('interactions', { channel: 'call', occurredAt: '2026-01-01T09:00:00.000Z', accountId: acc.id });
      });
      for (const d of devices) await enableSync(d.db);
      for (let round = 0; round < 4; round++) {
        for (const d of devices) {
          const n = Math.floor(r() * 6);
          for (let i = 0; i < n; i++) await randomOp(d, r);
        }
        const order = [...devices].sort(() => r() - 0.5);
        for (const d of order) if (r() < 0.7) await syncOnce(d.config);
      }
      // Back online for good: everyone pushes, then everyone pulls.
      for (const d of devices) d.config.fetch = server.fetch;
      for (let pass = 0; pass < 2; pass++) for (const d of devices) expect((await syncOnce(d.config)).ok).toBe(true);
      const newcomer = client(user);
      await enableSync(newcomer.db);
      await syncOnce(newcomer.config);

      const expected = await snapshot(newcomer.db);
      expect(expected.contacts!.length).toBeGreaterThan(0);
      for (const d of devices) {
        expect(await d.db.outbox.count()).toBe(0);
        expect(await snapshot(d.db), `seed ${seed}`).toEqual(expected);
      }
    }
  });
});
