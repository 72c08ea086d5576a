// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { insert, update, getLive, SYNC_ENABLED_KEY } from '../../../lib/db';
import { Account, Contact } from '../../../lib/schema';
import { enableSync, syncOnce, getSyncStatus, pull, retryRejected, retrySetAside, listSetAside, SYNC_META, type RejectedEntry } from '../../../lib/sync';
import { HybridClock, MAX_CLOCK_SKEW_MS, formatHlc, isHlc, parseHlc } from '../../../lib/clock/hlc';
import { erasePerson } from '../../../lib/gdpr';
import type { Sql } from '../../../server/db/driver';
import { useTestServer, makeUser, testServer } from '../../../server/testing';
import { client, snapshot, type Fetch } from './harness';

let sql: Sql;
let server: ReturnType<typeof testServer>;
useTestServer((s, srv) => {
  sql = s;
  server = srv;
});

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('a partial record never stops a pull', () => {
  it('renaming an account the server never saw whole: every device keeps pulling, and the owner sends it whole', async () => {
    const user = await makeUser(sql);
    const a = client(user, server.fetch);
    // The account exists before sync knows it (as demo data once did): only the rename reaches the server at first.
    const acc = await a.local(() => insert('accounts', { name: 'Acme', domains: ['acme.fr'], tier: 'key' }));
    await a.db.meta.put({ key: SYNC_ENABLED_KEY, value: true });
    await a.local(() => update('accounts', acc.id, { name: 'Acme Industries' }));
    expect((await a.db.outbox.toArray()).map((e) => Object.keys(e.fields))).toEqual([['name']]);

    const b = client(user, server.fetch);
    await enableSync(b.db);
    expect(await syncOnce(a.config)).toMatchObject({ ok: true });
    const first = await syncOnce(b.config);
    expect(first).toMatchObject({ ok: true });
    // B shows what the server has (the name, defaults for the rest), parsed: no crash, cursor moved.
    const onB = await b.local(() => getLive('accounts', acc.id));
    expect(Account.safeParse(onB).success).toBe(true);
    expect(onB?.name).toBe('Acme Industries');
    expect((await getSyncStatus(b.db)).cursor).toBeGreaterThan(0);

    // A saw that the server holds only part of its account: it queued it whole; once sent, B gets all of it.
    expect(await a.db.outbox.count()).toBe(1);
    expect(await syncOnce(a.config)).toMatchObject({ ok: true, pushed: 1 });
    await syncOnce(b.config);
    expect(await b.local(() => getLive('accounts', acc.id))).toMatchObject({ name: 'Acme Industries', domains: ['acme.fr'], tier: 'key' });
    // Once the server holds every field, nothing is sent again.
    await syncOnce(a.config);
    expect(await a.db.outbox.count()).toBe(0);
    expect(await snapshot(b.db)).toEqual(await snapshot(a.db));
  });

  it('a contact without emails, `fields: {}` and unknown keys pushed by another client: stored parsed, pulled without error', async () => {
    const user = await makeUser(sql);
    const id = '0190a0a0-0000-7000-8000-0000000000c1';
    const hlc = '2026-01-01T00:00:00.000Z-0000-other1';
    const res = await server.fetch('http://carnet.test/v1/sync/push', {
      method: 'POST',
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        clientId: 'raw',
        mutations: [
          {
            id: 'm1',
            entity: 'contacts',
            recordId: id,
            op: 'upsert',
            fields: { firstName: ' Zoé ', lastName: 'Martin', emails: ['ZOE@Example.FR'], tags: [' vip '], bogus: 1, constructor: 'x' },
            hlc,
            createdAt: hlc,
          },
          { id: 'm2', entity: 'contacts', recordId: id, op: 'upsert', fields: {}, hlc: '2026-01-01T00:00:01.000Z-0000-other1' },
          { id: 'm3', entity: 'accounts', recordId: '0190a0a0-0000-7000-8000-0000000000c2', op: 'upsert', fields: { domains: ['x.fr'] }, hlc },
        ],
      }),
    });
    expect(res.status).toBe(200);
    const stored = await sql.query<{ fields: Record<string, unknown> }>(`SELECT fields FROM records WHERE team_id = $1 AND record_id = $2`, [user.teamId, id]);
    expect(stored[0]?.fields).toEqual({ firstName: ' Zoé ', lastName: 'Martin', emails: ['zoe@example.fr'], tags: ['vip'] });

    const b = client(user, server.fetch);
    await enableSync(b.db);
    expect(await syncOnce(b.config)).toMatchObject({ ok: true });
    const contact = await b.local(() => getLive('contacts', id));
    expect(Contact.safeParse(contact).success).toBe(true);
    expect(contact).toMatchObject({ emails: ['zoe@example.fr'], phones: [], tags: ['vip'] });
    // The account without a name cannot be shown yet: not an error, not applied, the cursor moved past it.
    expect(await b.db.accounts.count()).toBe(0);
    expect(await getSyncStatus(b.db)).toMatchObject({ lastError: null, setAside: 0 });
  });

  it('a page with unreadable changes applies the rest, moves the cursor and says what was set aside', async () => {
    const user = await makeUser(sql);
    const good = (n: number) => ({
      seq: n,
      entity: 'accounts',
      recordId: `0190a0a0-0000-7000-8000-00000000a${n.toString().padStart(3, '0')}`,
      fields: { name: `Good ${n}` },
      fieldClock: { name: '2026-01-01T00:00:00.000Z-0000-srv1' },
      createdAt: '2026-01-01T00:00:00.000Z-0000-srv1',
      updatedAt: '2026-01-01T00:00:00.000Z-0000-srv1',
      deletedAt: null,
    });
    const page = [
      good(1),
      { ...good(2), fields: { name: 'Bad domains', domains: 'not-a-list' }, fieldClock: { name: good(2).fieldClock.name, domains: good(2).fieldClock.name } },
      { ...good(3), entity: 'spaceships' },
      { ...good(4), updatedAt: '9999-99-99T99:99:99.999Z-ffff-zzzz' },
      null,
      { ...good(6), fieldClock: { name: '9000-01-01T00:00:00.000Z-0000-srv1' }, updatedAt: '9000-01-01T00:00:00.000Z-0000-srv1' },
      good(7),
    ];
    const fake: Fetch = async (url) => (String(url).includes('/pull') ? json({ changes: page, cursor: 7, more: false }) : json({ cursor: 0, results: [] }));
    const b = client(user, fake);
    await enableSync(b.db);
    expect(await syncOnce(b.config)).toMatchObject({ ok: true, pulled: 2, setAside: 5 });
    expect((await b.db.accounts.toArray()).map((a) => a.name).sort()).toEqual(['Good 1', 'Good 7']);
    const status = await getSyncStatus(b.db);
    expect(status).toMatchObject({ cursor: 7, setAside: 5, lastError: null });
    const reasons = (await listSetAside(b.db)).map((e) => e.reason).join('\n');
    expect(reasons).toMatch(/domains/);
    expect(reasons).toMatch(/spaceships/);
    expect(reasons).toMatch(/24 h ahead/);
    // "Try again" pulls again from before the earliest one set aside.
    await retrySetAside(b.db);
    expect(await getSyncStatus(b.db)).toMatchObject({ cursor: 1, setAside: 0 });
  });
});

describe('one bad value never blocks an outbox', () => {
  it('NUL characters and lone surrogates are cleaned at the write path and in an old outbox entry, and the push goes through', async () => {
    const user = await makeUser(sql);
    const a = client(user, server.fetch);
    await enableSync(a.db);
    const c = await a.local(() => insert('contacts', { firstName: 'An\u0000n', lastName: 'Lee\ud800', emails: [], custom: { 'k\u0000': 'v\udc00' } }));
    expect(c).toMatchObject({ firstName: 'Ann', lastName: 'Lee\ufffd', custom: { k: 'v\ufffd' } });
    // An entry queued by an older version, with the raw characters in it.
    const later = formatHlc({ ...parseHlc(c.createdAt), ms: parseHlc(c.createdAt).ms + 1 });
    await a.db.outbox.add({ id: 'old', entity: 'contacts', recordId: c.id, op: 'upsert', fields: { title: 'C\u0000EO\ud83d' }, hlc: later });
    expect(await syncOnce(a.config)).toMatchObject({ ok: true, pushed: 2, rejected: 0 });
    const b = client(user, server.fetch);
    await enableSync(b.db);
    await syncOnce(b.config);
    expect(await b.local(() => getLive('contacts', c.id))).toMatchObject({ firstName: 'Ann', title: 'CEO\ufffd' });
  });

  it('a refusal that names no entry is narrowed down by halving: the one bad entry is set aside, every other goes out', async () => {
    const user = await makeUser(sql);
    let calls = 0;
    // A server (or proxy) that answers 400 without saying which entry, whenever the batch holds the poisoned one.
    const picky: Fetch = async (url, init) => {
      calls++;
      if (String(url).includes('/push') && String(init.body).includes('POISON')) return json({ error: { code: 'invalid_request', message: 'no' } }, 400);
      return server.fetch(url, init);
    };
    const a = client(user, picky, { pushBatchSize: 8 });
    await enableSync(a.db);
    for (let i = 0; i < 12; i++) await a.local(() => insert('accounts', { name: i === 5 ? 'POISON' : `Fine ${i}` }));
    const r = await syncOnce(a.config);
    expect(r).toMatchObject({ ok: true, pushed: 11, rejected: 1 });
    expect(calls).toBeLessThan(20);
    const rejected = (await a.db.meta.get(SYNC_META.rejected))?.value as RejectedEntry[];
    expect(rejected.map((x) => x.entry.fields.name)).toEqual(['POISON']);
    // After an edit, "Send again" sends the record as it is now.
    const poisoned = (await a.db.accounts.toArray()).find((x) => x.name === 'POISON')!;
    await a.local(() => update('accounts', poisoned.id, { name: 'Cured' }));
    await a.db.outbox.clear();
    expect(await retryRejected(a.db)).toBe(1);
    expect(await syncOnce(a.config)).toMatchObject({ ok: true, pushed: 1, rejected: 0 });
    const rows = await sql.query<{ fields: { name: string } }>(`SELECT fields FROM records WHERE team_id = $1 AND record_id = $2`, [user.teamId, poisoned.id]);
    expect(rows[0]?.fields.name).toBe('Cured');
  });

  it('one entry larger than the server takes (413) is set aside, the rest go out', async () => {
    const user = await makeUser(sql);
    const small = testServer(sql, { maxBodyBytes: 30_000 });
    const a = client(user, small.fetch);
    await enableSync(a.db);
    await a.local(() => insert('accounts', { name: 'Small' }));
    await a.local(() => insert('accounts', { name: 'Huge', notes: 'x'.repeat(20_000), custom: { more: 'y'.repeat(15_000) } }));
    await a.local(() => insert('accounts', { name: 'Fits', notes: 'z'.repeat(19_000) }));
    await a.local(() => insert('accounts', { name: 'After' }));
    const r = await syncOnce(a.config);
    expect(r).toMatchObject({ ok: true, pushed: 3, rejected: 1 });
    const rejected = (await a.db.meta.get(SYNC_META.rejected))?.value as RejectedEntry[];
    expect(rejected.map((x) => x.entry.fields.name)).toEqual(['Huge']);
  });

  it('an entry with an invalid value is refused before it is sent, and the next ones go out', async () => {
    const user = await makeUser(sql);
    const a = client(user, server.fetch);
    await enableSync(a.db);
    await a.db.outbox.add({
      id: 'bad',
      entity: 'contacts',
      recordId: '0190a0a0-0000-7000-8000-0000000000d1',
      op: 'upsert',
      fields: { emails: ['nope'] },
      hlc: '2026-01-01T00:00:00.000Z-0000-abcd',
    });
    await a.local(() => insert('accounts', { name: 'Next' }));
    expect(await syncOnce(a.config)).toMatchObject({ ok: true, pushed: 1, rejected: 1 });
  });
});

describe('clocks have bounds', () => {
  it('accepts only stamps of real instants', () => {
    expect(isHlc('2026-02-28T23:59:59.999Z-0000-abcd')).toBe(true);
    for (const bad of [
      '9999-99-99T99:99:99.999Z-ffff-zzzz',
      '2026-02-29T00:00:00.000Z-0000-abcd',
      '2026-13-01T00:00:00.000Z-0000-abcd',
      '1969-12-31T23:59:59.999Z-0000-abcd',
      '2026-01-01T24:00:00.000Z-0000-abcd',
      '2026-01-01T00:00:00.000Z-00000-abcd',
      '2026-01-01T00:00:00.000Z-0000-ABC',
      '2026-01-01T00:00:00.000Z-0000-ab',
    ]) {
      expect(isHlc(bad), bad).toBe(false);
    }
  });

  it('a far-future remote stamp is not adopted, and the clock never writes past year 9999', () => {
    let wall = Date.UTC(2026, 0, 1);
    const c = new HybridClock('node1', () => wall);
    expect(c.receive('2027-01-01T00:00:00.000Z-0000-evil')).toBe(false);
    expect(parseHlc(c.tick()).ms).toBe(wall);
    expect(c.receive(new Date(wall + MAX_CLOCK_SKEW_MS - 1000).toISOString() + '-0000-near')).toBe(true);
    wall = Date.UTC(9999, 11, 31, 23, 59, 59, 998);
    const late = new HybridClock('node2', () => wall);
    const stamps = Array.from({ length: 70_000 }, () => late.tick());
    expect(stamps.every(isHlc)).toBe(true);
    expect(stamps.at(-1)! >= stamps[0]!).toBe(true);
  });

  it('the server refuses a stamp more than 24 h ahead of its clock, naming it; the device keeps it aside with the reason', async () => {
    const user = await makeUser(sql);
    const now = Date.UTC(2026, 5, 1);
    const strict = testServer(sql, { now: () => now });
    const ahead = new Date(now + 366 * 86_400_000).toISOString() + '-0000-fast1';
    const res = await strict.fetch('http://carnet.test/v1/sync/push', {
      method: 'POST',
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        clientId: 'c',
        mutations: [{ id: 'm', entity: 'accounts', recordId: '0190a0a0-0000-7000-8000-0000000000e1', op: 'upsert', fields: { name: 'Future' }, hlc: ahead }],
      }),
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.details[0]).toMatchObject({ index: 0, path: 'mutations.0.hlc', code: 'clock_ahead' });

    // A device whose clock runs a year ahead: its changes are refused with a reason that says so; other devices
    // never see the stamp.
    const fastClock = new HybridClock('fast1', () => now + 366 * 86_400_000);
    const a = client(user, strict.fetch, { now: () => now + 366 * 86_400_000, clock: fastClock });
    await enableSync(a.db);
    await a.db.outbox.add({
      id: 'f',
      entity: 'accounts',
      recordId: '0190a0a0-0000-7000-8000-0000000000e2',
      op: 'upsert',
      fields: { name: 'Fast' },
      hlc: fastClock.tick(),
    });
    expect(await syncOnce(a.config)).toMatchObject({ ok: true, rejected: 1 });
    const rejected = (await a.db.meta.get(SYNC_META.rejected))?.value as RejectedEntry[];
    expect(rejected[0]!.reasons.join(' ')).toMatch(/ahead of the server's clock/);
  });
});

describe('a hostile or broken server never stalls the client', () => {
  const pullOnly =
    (answer: (cursor: number) => unknown): Fetch =>
    async (url) => {
      const cursor = Number(new URL(String(url)).searchParams.get('cursor'));
      return json(answer(cursor));
    };
  const change = (seq: number) => ({
    seq,
    entity: 'accounts',
    recordId: '0190a0a0-0000-7000-8000-0000000000f1',
    fields: { name: 'Loop' },
    fieldClock: { name: '2026-01-01T00:00:00.000Z-0000-srv1' },
    createdAt: '2026-01-01T00:00:00.000Z-0000-srv1',
    updatedAt: '2026-01-01T00:00:00.000Z-0000-srv1',
    deletedAt: null,
  });

  it('`more: true` with a cursor that does not move ends the run with a clear status', async () => {
    const user = await makeUser(sql);
    let calls = 0;
    const stuck = pullOnly(() => {
      calls++;
      return { changes: [change(3)], cursor: 3, more: true };
    });
    const b = client(user, stuck);
    await b.db.meta.put({ key: SYNC_META.enabled, value: true });
    await expect(pull(b.config)).rejects.toThrow(/did not move forward/);
    expect(calls).toBeLessThan(5);
    const r = await syncOnce(b.config);
    expect(r).toMatchObject({ ok: false });
    expect((await getSyncStatus(b.db)).lastErrorKind).toBe('bad_response');
  });

  it('a cursor the client cannot store (huge, negative, fractional) ends the run instead of looping', async () => {
    const user = await makeUser(sql);
    for (const cursor of [1e300, -1, 2.5, '7']) {
      const b = client(
        user,
        pullOnly(() => ({ changes: [change(1)], cursor, more: true })),
      );
      await b.db.meta.put({ key: SYNC_META.enabled, value: true });
      expect(await syncOnce(b.config)).toMatchObject({ ok: false });
      expect(await getSyncStatus(b.db)).toMatchObject({ cursor: 0, lastErrorKind: 'bad_response' });
    }
  });
});

describe('erasure works on any stored shape', () => {
  it('erases a contact stored without phones, tags or consent (as an older version synced it)', async () => {
    const user = await makeUser(sql);
    const a = client(user, server.fetch);
    const c = await a.local(() => insert('contacts', { firstName: 'Old', lastName: 'Shape', emails: ['old@shape.fr'] }));
    const raw = (await a.db.contacts.get(c.id)) as unknown as Record<string, unknown>;
    delete raw.phones;
    delete raw.tags;
    delete raw.consent;
    await a.db.contacts.put(raw as never);
    const report = await a.local(() => erasePerson(c.id));
    expect(report.deleted.contacts).toBe(1);
    expect(await a.db.contacts.get(c.id)).toMatchObject({ firstName: '', emails: [], phones: [], deletedAt: expect.any(String) });
  });
});
