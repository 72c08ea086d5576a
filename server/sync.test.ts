// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from './db/driver';
import { useTestServer, makeUser, testServer, type TestUser } from './testing';
import { revokeToken, listTokens, hashToken } from './auth';
import { runAdmin } from './admin';
import { MIGRATIONS, migrate } from './db/migrations';

let sql: Sql;
let server: ReturnType<typeof testServer>;
const URL_BASE = 'http://carnet.test';

useTestServer((s, srv) => {
  sql = s;
  server = srv;
});

const stamp = (ms: number, node = 'node1') => `${new Date(Date.UTC(2026, 0, 1) + ms).toISOString()}-0000-${node}`;
let idCounter = 0;
const recordId = () => `0190a0a0-0000-7000-8000-${(++idCounter).toString(16).padStart(12, '0')}`;

function req(token: string | null, method: string, path: string, body?: unknown, s = server) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return s.fetch(URL_BASE + path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
}

const contact = (id: string, fields: Record<string, unknown>, hlc: string, mid = `m-${Math.random()}`) => ({
  id: mid,
  entity: 'contacts',
  recordId: id,
  op: 'upsert' as const,
  fields,
  hlc,
});

async function pullAll(token: string, limit = 1000) {
  const out: { recordId: string; fields: Record<string, unknown>; seq: number; deletedAt: string | null }[] = [];
  let cursor = 0;
  for (;;) {
    const r = await (await req(token, 'GET', `/v1/sync/pull?cursor=${cursor}&limit=${limit}`)).json();
    out.push(...r.changes);
    cursor = r.cursor;
    if (!r.more) return { changes: out, cursor };
  }
}

describe('migrations', () => {
  it('are recorded and run once', async () => {
    expect(await migrate(sql)).toEqual([]);
    const rows = await sql.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });
});

describe('public endpoints', () => {
  it('answers /health and describes itself in /openapi.json', async () => {
    expect(await (await req(null, 'GET', '/health')).json()).toEqual({ ok: true });
    const doc = await (await req(null, 'GET', '/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/me', '/v1/sync/push', '/v1/sync/pull']));
    expect(doc.components.schemas.record_contacts.properties.firstName).toBeDefined();
  });
});

describe('authorization matrix', () => {
  let own: TestUser;
  let revoked: TestUser;
  let other: TestUser;
  const id = recordId();

  beforeAll(async () => {
    own = await makeUser(sql);
    revoked = await makeUser(sql, { id: own.teamId, name: own.teamName });
    await revokeToken(sql, revoked.tokenId);
    other = await makeUser(sql);
    const r = await req(own.token, 'POST', '/v1/sync/push', { clientId: 'a', mutations: [contact(id, { firstName: 'Secret', lastName: 'Person' }, stamp(1))] });
    expect(r.status).toBe(200);
  });

  const endpoints: [string, string, () => unknown][] = [
    ['GET', '/v1/me', () => undefined],
    ['GET', '/v1/sync/pull?cursor=0', () => undefined],
    ['POST', '/v1/sync/push', () => ({ clientId: 'x', mutations: [contact(id, { firstName: 'Overwritten' }, stamp(99_999_999, 'evil'))] })],
  ];

  for (const [method, path, body] of endpoints) {
    it(`${method} ${path}: no token and a revoked token get 401`, async () => {
      for (const token of [null, revoked.token, 'carnet_made-up']) {
        const r = await req(token, method, path, body());
        expect(r.status).toBe(401);
        expect((await r.json()).error.code).toBe('unauthorized');
      }
    });
  }

  it("another team's token reads nothing of this team and cannot overwrite its record", async () => {
    const me = await (await req(other.token, 'GET', '/v1/me')).json();
    expect(me.team.id).toBe(other.teamId);
    expect((await pullAll(other.token)).changes).toEqual([]);
    // Same record id pushed by the other team: it lands in the other team's own space only.
    expect((await req(other.token, 'POST', '/v1/sync/push', endpoints[2]![2]())).status).toBe(200);
    const theirs = await pullAll(other.token);
    expect(theirs.changes.map((c) => c.fields.firstName)).toEqual(['Overwritten']);
    const mine = await pullAll(own.token);
    expect(mine.changes.map((c) => c.fields.firstName)).toEqual(['Secret']);
  });

  it('own token reads its team', async () => {
    const me = await (await req(own.token, 'GET', '/v1/me')).json();
    expect(me).toEqual({ user: { id: expect.any(String), email: own.email }, team: { id: own.teamId, name: own.teamName }, tokenId: own.tokenId });
    expect((await pullAll(own.token)).changes).toHaveLength(1);
  });

  it('stores only a hash of each token', async () => {
    const rows = await sql.query<{ hash: string }>('SELECT hash FROM tokens WHERE id = $1', [own.tokenId]);
    expect(rows[0]?.hash).toBe(hashToken(own.token));
    expect(JSON.stringify(await sql.query('SELECT * FROM tokens'))).not.toContain(own.token);
  });
});

describe('push', () => {
  it('is idempotent by mutation id: the same batch twice changes nothing the second time', async () => {
    const u = await makeUser(sql);
    const a = recordId();
    const batch = {
      clientId: 'c',
      mutations: [contact(a, { firstName: 'Ann', lastName: 'Lee' }, stamp(10), 'm1'), contact(a, { title: 'CEO' }, stamp(20), 'm2')],
    };
    const first = await (await req(u.token, 'POST', '/v1/sync/push', batch)).json();
    expect(first.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
    expect(first.cursor).toBe(1);
    const second = await (await req(u.token, 'POST', '/v1/sync/push', batch)).json();
    expect(second).toEqual({
      cursor: 1,
      results: [
        { id: 'm1', status: 'duplicate' },
        { id: 'm2', status: 'duplicate' },
      ],
    });
    const all = await pullAll(u.token);
    expect(all.changes).toHaveLength(1);
    expect(all.changes[0]!.fields).toEqual({ firstName: 'Ann', lastName: 'Lee', title: 'CEO' });
  });

  it('treats a late replay, after newer edits of the same record, as a duplicate that changes nothing', async () => {
    const u = await makeUser(sql);
    const a = recordId();
    const old = { clientId: 'c', mutations: [contact(a, { firstName: 'Ann', lastName: 'Lee' }, stamp(10), 'old')] };
    await req(u.token, 'POST', '/v1/sync/push', old);
    const newer = await (
      await req(u.token, 'POST', '/v1/sync/push', { clientId: 'd', mutations: [contact(a, { firstName: 'Bea' }, stamp(30), 'new')] })
    ).json();
    expect(newer).toEqual({ cursor: 2, results: [{ id: 'new', status: 'applied' }] });
    const replay = await (await req(u.token, 'POST', '/v1/sync/push', old)).json();
    expect(replay).toEqual({ cursor: 2, results: [{ id: 'old', status: 'duplicate' }] });
    const all = await pullAll(u.token);
    expect(all.changes).toHaveLength(1);
    expect(all.changes[0]!.fields).toEqual({ firstName: 'Bea', lastName: 'Lee' });
  });

  it('merges field-wise by HLC: an older edit loses, a newer one wins, a tombstone always wins', async () => {
    const u = await makeUser(sql);
    const a = recordId();
    const push = (m: unknown[]) => req(u.token, 'POST', '/v1/sync/push', { clientId: 'c', mutations: m });
    await push([contact(a, { firstName: 'Ann', lastName: 'Lee', title: 'A' }, stamp(10))]);
    await push([contact(a, { title: 'old' }, stamp(5)), contact(a, { lastName: 'Lee-Smith' }, stamp(30))]);
    let c = (await pullAll(u.token)).changes[0]!;
    expect(c.fields).toEqual({ firstName: 'Ann', lastName: 'Lee-Smith', title: 'A' });
    await push([{ id: 'del', entity: 'contacts', recordId: a, op: 'delete', fields: {}, hlc: stamp(40) }]);
    await push([contact(a, { title: 'after delete' }, stamp(50))]);
    c = (await pullAll(u.token)).changes[0]!;
    expect(c.deletedAt).toBe(stamp(40));
    expect(c.fields.title).toBe('after delete');
  });

  it('does not bump the cursor for a change that changes nothing', async () => {
    const u = await makeUser(sql);
    const a = recordId();
    const push = (m: unknown[]) => req(u.token, 'POST', '/v1/sync/push', { clientId: 'c', mutations: m }).then((r) => r.json());
    expect((await push([contact(a, { firstName: 'X', lastName: 'Y' }, stamp(10))])).cursor).toBe(1);
    expect((await push([contact(a, { firstName: 'old' }, stamp(1))])).cursor).toBe(1);
  });

  it('rejects garbage with a clear JSON error naming the field, applying nothing of the batch', async () => {
    const u = await makeUser(sql);
    const a = recordId();
    const bad = await req(u.token, 'POST', '/v1/sync/push', {
      clientId: 'c',
      mutations: [contact(a, { firstName: 'Ok', lastName: 'Ok' }, stamp(1)), contact(a, { emails: ['not-an-email'], hacked: true }, stamp(2))],
    });
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.error.code).toBe('invalid_request');
    // An unknown field is left out (a newer client's field is no error); the invalid value is named.
    expect(body.error.details.map((d: { path: string }) => d.path)).toEqual(['mutations.1.fields.emails.0']);
    expect(body.error.invalidMutations).toEqual([1]);
    expect((await pullAll(u.token)).changes).toEqual([]);

    for (const body of [
      '{not json',
      { clientId: 'c', mutations: [{ ...contact(a, {}, stamp(1)), entity: 'users' }] },
      { clientId: 'c', mutations: [{ ...contact(a, {}, 'yesterday') }] },
      { clientId: 'c', mutations: [contact('not-a-uuid', {}, stamp(1))] },
      { mutations: [] },
    ]) {
      const r = await req(u.token, 'POST', '/v1/sync/push', body);
      expect(r.status).toBe(400);
      expect((await r.json()).error).toMatchObject({ code: 'invalid_request', message: expect.any(String) });
    }
    const tooMany = { clientId: 'c', mutations: Array.from({ length: 1001 }, (_, i) => contact(recordId(), { firstName: 'A' }, stamp(1), `many-${i}`)) };
    expect((await req(u.token, 'POST', '/v1/sync/push', tooMany)).status).toBe(400);
    expect((await req(u.token, 'GET', '/v1/sync/pull?cursor=-1')).status).toBe(400);
    expect((await req(u.token, 'GET', '/v1/sync/pull?limit=5000')).status).toBe(400);
  });

  it('serves the compact form only to a client that asks for it (compact=1), every stamp otherwise', async () => {
    const u = await makeUser(sql);
    const id = recordId();
    const created = stamp(1);
    const first = { ...contact(id, { firstName: 'Ada', lastName: 'Lovelace', emails: ['ada@example.com'] }, created), createdAt: created };
    expect((await req(u.token, 'POST', '/v1/sync/push', { clientId: 'c', mutations: [first] })).status).toBe(200);
    expect((await req(u.token, 'POST', '/v1/sync/push', { clientId: 'c', mutations: [contact(id, { firstName: 'Ada B.' }, stamp(5))] })).status).toBe(200);
    const full = await (await req(u.token, 'GET', '/v1/sync/pull?cursor=0')).json();
    const compact = await (await req(u.token, 'GET', '/v1/sync/pull?cursor=0&compact=1')).json();
    expect(full.compact).toBeUndefined();
    expect(compact.compact).toBe(true);
    const [f] = full.changes;
    const [c] = compact.changes;
    expect(f.createdAt).toBe(created);
    expect(f.fieldClock).toMatchObject({ firstName: stamp(5), lastName: created, emails: created });
    expect(c.fieldClock).toEqual({
      firstName: stamp(5),
      ...Object.fromEntries(Object.entries(f.fieldClock).filter(([k, v]) => k !== 'firstName' && v !== created)),
    });
    expect(Object.values(c.fieldClock)).not.toContain(created);
    expect(c.fields).toEqual(f.fields);
    expect({ ...c, fieldClock: undefined }).toEqual({ ...f, fieldClock: undefined });
    expect((await req(u.token, 'GET', '/v1/sync/pull?compact=2')).status).toBe(400);
  });

  it('refuses a body over the size limit with 413', async () => {
    const u = await makeUser(sql);
    const small = testServer(sql, { maxBodyBytes: 10_000 });
    const r = await req(u.token, 'POST', '/v1/sync/push', { clientId: 'c', mutations: [contact(recordId(), { notes: 'x'.repeat(20_000) }, stamp(1))] }, small);
    expect(r.status).toBe(413);
    expect((await r.json()).error.code).toBe('payload_too_large');
  });

  it('rate-limits per token with 429 and Retry-After', async () => {
    const u = await makeUser(sql);
    const v = await makeUser(sql);
    const limited = testServer(sql, { rateLimit: { burst: 3, perSecond: 0.5 } });
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await req(u.token, 'GET', '/v1/me', undefined, limited)).status);
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    const r = await req(u.token, 'GET', '/v1/me', undefined, limited);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await r.json()).error.code).toBe('rate_limited');
    expect((await req(v.token, 'GET', '/v1/me', undefined, limited)).status).toBe(200);
  });

  it('is atomic: a batch that fails half-way leaves nothing behind', async () => {
    const u = await makeUser(sql);
    let fail = true;
    const flaky: Sql = {
      ...sql,
      kind: sql.kind,
      query: (t, p) => sql.query(t, p),
      exec: (t) => sql.exec(t),
      close: () => sql.close(),
      transaction: (fn) =>
        sql.transaction((tx) =>
          fn({
            ...tx,
            kind: tx.kind,
            exec: (t) => tx.exec(t),
            close: () => tx.close(),
            transaction: (f) => f(tx),
            query: async (t, p) => {
              if (fail && t.includes('UPDATE teams SET seq')) throw new Error('connection lost');
              return tx.query(t, p);
            },
          }),
        ),
    };
    const s = testServer(flaky);
    const batch = { clientId: 'c', mutations: [contact(recordId(), { firstName: 'A', lastName: 'B' }, stamp(1), 'atomic-1')] };
    const r = await req(u.token, 'POST', '/v1/sync/push', batch, s);
    expect(r.status).toBe(500);
    expect((await r.json()).error.code).toBe('internal');
    expect((await pullAll(u.token)).changes).toEqual([]);
    fail = false;
    expect((await (await req(u.token, 'POST', '/v1/sync/push', batch, s)).json()).results[0].status).toBe('applied');
    expect((await pullAll(u.token)).changes).toHaveLength(1);
  });
});

describe('pull', () => {
  it('pages through every change in server order, each record once at its latest state', async () => {
    const u = await makeUser(sql);
    const ids = Array.from({ length: 25 }, recordId);
    const mutations = ids.map((id, i) => contact(id, { firstName: `N${i}`, lastName: 'L' }, stamp(i)));
    await req(u.token, 'POST', '/v1/sync/push', { clientId: 'c', mutations });
    await req(u.token, 'POST', '/v1/sync/push', { clientId: 'c', mutations: [contact(ids[3]!, { firstName: 'changed' }, stamp(100))] });
    const seen: number[] = [];
    let cursor = 0;
    let pages = 0;
    for (;;) {
      const r = await (await req(u.token, 'GET', `/v1/sync/pull?cursor=${cursor}&limit=10`)).json();
      pages++;
      seen.push(...r.changes.map((c: { seq: number }) => c.seq));
      cursor = r.cursor;
      if (!r.more) break;
    }
    expect(seen.length).toBe(25);
    expect(pages).toBe(3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen).toHaveLength(25);
    const all = await pullAll(u.token, 7);
    expect(all.changes.at(-1)).toMatchObject({ recordId: ids[3], fields: { firstName: 'changed', lastName: 'L' } });
    const after = await (await req(u.token, 'GET', `/v1/sync/pull?cursor=${cursor}`)).json();
    expect(after).toEqual({ changes: [], cursor, more: false });
  });
});

describe('admin CLI', () => {
  it('creates a team, a user and a token that works, lists and revokes it', async () => {
    const name = `cli-${Math.random().toString(36).slice(2)}`;
    expect((await runAdmin(sql, ['create-team', name]))[0]).toMatch(/created/);
    await runAdmin(sql, ['create-user', name, `${name}@example.com`]);
    const out = await runAdmin(sql, ['create-token', `${name}@example.com`]);
    const token = out[1]!;
    const tokenId = /token (tok_\w+)/.exec(out[0]!)![1]!;
    expect((await req(token, 'GET', '/v1/me')).status).toBe(200);
    expect((await listTokens(sql)).find((t) => t.id === tokenId)?.revoked_at).toBeNull();
    expect((await runAdmin(sql, ['list-tokens'])).join('\n')).not.toContain(token);
    await runAdmin(sql, ['revoke-token', tokenId]);
    expect((await req(token, 'GET', '/v1/me')).status).toBe(401);
    await expect(runAdmin(sql, ['create-team', name])).rejects.toThrow(/already exists/);
    await expect(runAdmin(sql, ['create-user', 'no-such-team', 'x@example.com'])).rejects.toThrow(/no team/);
    await expect(runAdmin(sql, ['frobnicate'])).rejects.toThrow(/unknown command/);
  });
});

describe('several instances on one database', () => {
  it('concurrent pushes to one team get distinct, gap-free change numbers and lose nothing', async () => {
    const u = await makeUser(sql);
    const instances = [testServer(sql), testServer(sql)];
    const ids = Array.from({ length: 40 }, recordId);
    await Promise.all(
      ids.map((id, i) =>
        req(
          u.token,
          'POST',
          '/v1/sync/push',
          { clientId: `c${i % 4}`, mutations: [contact(id, { firstName: `P${i}`, lastName: 'Q' }, stamp(i))] },
          instances[i % 2],
        ),
      ),
    );
    const all = await pullAll(u.token, 9);
    expect(all.changes.map((c) => c.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(new Set(all.changes.map((c) => c.recordId))).toEqual(new Set(ids));
  });
});

describe('streamed pull (pages=N)', () => {
  async function seedContacts(user: TestUser, n: number) {
    const mutations = Array.from({ length: n }, (_, i) => contact(recordId(), { firstName: `P${i}`, lastName: 'S', emails: [] }, stamp(i)));
    const r = await req(user.token, 'POST', '/v1/sync/push', { clientId: 'c1', mutations });
    expect(r.status).toBe(200);
  }
  const lines = async (r: Response) =>
    (await r.text())
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));

  it('sends the same pages as one-page answers, one per line, and stops at the last page', async () => {
    const user = await makeUser(sql);
    await seedContacts(user, 23);
    const r = await req(user.token, 'GET', '/v1/sync/pull?cursor=0&limit=5&compact=1&pages=50');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const streamed = await lines(r);
    expect(streamed.map((p) => p.changes.length)).toEqual([5, 5, 5, 5, 3]);
    let cursor = 0;
    for (const page of streamed) {
      const one = await (await req(user.token, 'GET', `/v1/sync/pull?cursor=${cursor}&limit=5&compact=1`)).json();
      expect(page).toEqual(one);
      cursor = one.cursor;
    }
    expect(streamed.at(-1).more).toBe(false);
  });

  it('ends after `pages` pages with more to come, and a new answer goes on from its cursor', async () => {
    const user = await makeUser(sql);
    await seedContacts(user, 12);
    const first = await lines(await req(user.token, 'GET', '/v1/sync/pull?cursor=0&limit=5&pages=2'));
    expect(first.map((p) => [p.changes.length, p.more])).toEqual([
      [5, true],
      [5, true],
    ]);
    const rest = await lines(await req(user.token, 'GET', `/v1/sync/pull?cursor=${first[1].cursor}&limit=5&pages=2`));
    expect(rest.map((p) => [p.changes.length, p.more])).toEqual([[2, false]]);
  });

  it('a token revoked while the answer is sent ends it with an error line after the last whole page', async () => {
    const user = await makeUser(sql);
    await seedContacts(user, 60);
    const r = await req(user.token, 'GET', '/v1/sync/pull?cursor=0&limit=5&pages=50');
    await revokeToken(sql, user.tokenId);
    const got = await lines(r);
    // The first page is read before the answer starts; the token is checked again before each later one.
    expect(got[0].changes).toHaveLength(5);
    expect(got.at(-1)).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    expect(got.length).toBeLessThan(12);
    expect(got.slice(0, -1).every((p) => p.changes.length === 5)).toBe(true);
  });

  it('refuses pages outside 1–50 with a 400 that names the parameter', async () => {
    const user = await makeUser(sql);
    for (const bad of ['0', '51', 'x', '-1', '1.5']) {
      const r = await req(user.token, 'GET', `/v1/sync/pull?pages=${bad}`);
      expect(r.status).toBe(400);
      expect((await r.json()).error.message).toMatch(/pages must be between 1 and 50/);
    }
  });
});
