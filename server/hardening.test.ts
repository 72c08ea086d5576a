// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Sql } from './db/driver';
import { useTestServer, makeUser, testServer, type TestUser } from './testing';

let sql: Sql;
let server: ReturnType<typeof testServer>;
let user: TestUser;
useTestServer((s, srv) => {
  sql = s;
  server = srv;
});

const BASE = 'http://carnet.test';
const hlc = '2026-01-01T00:00:00.000Z-0000-abcd';
let n = 0;
const rid = () => `0190a0a0-0000-7000-8000-${(++n).toString(16).padStart(12, '0')}`;

function post(body: string | unknown, token = user.token, s = server) {
  return s.fetch(`${BASE}/v1/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function ready() {
  user ??= await makeUser(sql);
}

describe('server hardening', () => {
  it('field names inherited from Object.prototype are dropped, never a 500', async () => {
    await ready();
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      const fields = JSON.parse(`{"firstName":"A","lastName":"B",${JSON.stringify(key)}:{"x":1}}`);
      const r = await post({
        clientId: 'c',
        mutations: [
          { id: `m-${key}`, entity: 'contacts', recordId: rid(), op: 'upsert', fields, hlc, fieldClock: JSON.parse(`{${JSON.stringify(key)}:"${hlc}"}`) },
        ],
      });
      expect(r.status, key).toBe(200);
    }
    // The same names as entity or as a custom-field key.
    expect((await post({ clientId: 'c', mutations: [{ id: 'x', entity: 'constructor', recordId: rid(), op: 'upsert', fields: {}, hlc }] })).status).toBe(400);
    const custom = JSON.parse('{"name":"Acme","custom":{"__proto__":"x","constructor":"y"}}');
    expect((await post({ clientId: 'c', mutations: [{ id: 'y', entity: 'accounts', recordId: rid(), op: 'upsert', fields: custom, hlc }] })).status).toBe(200);
  });

  it('refuses 5 000 levels of nesting with a 400 and keeps answering', async () => {
    await ready();
    const deep = `{"clientId":"c","mutations":[{"id":"d","entity":"segments","recordId":"${rid()}","op":"upsert","hlc":"${hlc}","fields":{"rule":${'{"op":"and","rules":['.repeat(5000)}${']}'.repeat(5000)}}}]}`;
    const r = await post(deep);
    expect(r.status).toBe(400);
    expect((await server.fetch(`${BASE}/health`)).status).toBe(200);
  });

  it('a 1.7 MB push of invalid values gets a small error body with a count', async () => {
    await ready();
    const mutations = Array.from({ length: 1000 }, (_, i) => ({
      id: `bad-${i}`,
      entity: 'contacts',
      recordId: rid(),
      op: 'upsert',
      hlc,
      fields: { emails: Array.from({ length: 100 }, () => 'not-an-email'), phones: ['x'], language: 'klingon' },
    }));
    const body = JSON.stringify({ clientId: 'c', mutations });
    expect(body.length).toBeGreaterThan(1_500_000);
    const r = await post(body);
    const text = await r.text();
    expect(r.status).toBe(400);
    expect(text.length).toBeLessThan(100_000);
    const err = JSON.parse(text).error;
    expect(err.details).toHaveLength(100);
    expect(err.issueCount).toBe(1000 * 102);
    expect(err.invalidMutations).toHaveLength(1000);
  });

  it('limits by network address before looking at the token: wrong tokens are limited too', async () => {
    const limited = testServer(sql, { rateLimit: { burst: 2, perSecond: 0.1 }, addressOf: () => '203.0.113.7' });
    const codes: number[] = [];
    for (let i = 0; i < 14; i++) {
      const r = await limited.fetch(`${BASE}/v1/me`, { headers: { authorization: `Bearer carnet_guess-${i}` } });
      codes.push(r.status);
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429, 429, 429]);
    // Another address is not affected.
    const other = testServer(sql, { rateLimit: { burst: 2, perSecond: 0.1 }, addressOf: () => '198.51.100.1' });
    expect((await other.fetch(`${BASE}/v1/me`, { headers: { authorization: 'Bearer carnet_x' } })).status).toBe(401);
  });

  it('never writes a request path into a log line unescaped', async () => {
    const lines: string[] = [];
    const logged = testServer(sql, { log: (l) => lines.push(l) });
    await logged.fetch(`${BASE}/v1/%0Afake%20200%20line%1B[31m`);
    await logged.fetch(`${BASE}/nope\u2028x`);
    expect(lines).toHaveLength(2);
    for (const l of lines) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for raw control characters in the log
      expect(l).not.toMatch(/[\n\r\u001b\u2028]/);
      expect(l.length).toBeLessThan(400);
    }
  });
});

describe('server fuzz', () => {
  const routes = ['/health', '/openapi.json', '/v1/me', '/v1/sync/push', '/v1/sync/pull', '/v1/nope', '/'];
  const texty = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.constantFrom('\u0000', '\ud800', '\udfff', '__proto__', 'constructor', '9999-99-99T99:99:99.999Z-ffff-zzzz', 'x'.repeat(5000)),
  );
  const anyJson = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.constant(null),
      fc.boolean(),
      fc.double(),
      fc.integer(),
      texty,
      fc.array(tie('value'), { maxLength: 5 }),
      fc.dictionary(texty, tie('value'), { maxKeys: 5 }),
    ),
  })).value;
  const mutationish = fc.record(
    {
      id: fc.oneof(texty, fc.uuid()),
      entity: fc.constantFrom('accounts', 'contacts', 'interactions', 'orders', 'deals', 'tasks', 'surveys', 'segments', 'feedback', 'users', '__proto__'),
      recordId: fc.oneof(fc.constant(rid()), texty),
      op: fc.constantFrom('upsert', 'delete', 'drop'),
      fields: fc.dictionary(fc.oneof(texty, fc.constantFrom('name', 'firstName', 'emails', 'tags', 'custom', 'notes', 'rule', 'amount', 'score')), anyJson, {
        maxKeys: 6,
      }),
      hlc: fc.oneof(fc.constant(hlc), texty),
      createdAt: fc.oneof(fc.constant(hlc), texty),
      fieldClock: fc.dictionary(texty, fc.oneof(fc.constant(hlc), texty), { maxKeys: 3 }),
    },
    { requiredKeys: [] },
  );
  // Well-formed mutations with hostile text: these reach the database (NUL and lone surrogates once gave 500s there).
  const v7 = fc.bigInt({ min: 0n, max: (1n << 48n) - 1n }).map((x) => `0190a0a0-0000-7000-8000-${x.toString(16).padStart(12, '0')}`);
  const wellFormed = fc.record({
    id: fc.uuid(),
    entity: fc.constant('accounts'),
    recordId: v7,
    op: fc.constantFrom('upsert', 'delete'),
    fields: fc.record(
      {
        name: texty,
        notes: texty,
        tags: fc.array(texty, { maxLength: 3 }),
        custom: fc.dictionary(texty, fc.oneof(texty, fc.double(), fc.boolean())),
        domains: fc.array(fc.domain(), { maxLength: 2 }),
      },
      { requiredKeys: [] },
    ),
    hlc: fc.constant(hlc),
  });
  const body = fc.oneof(
    fc.record({ clientId: fc.constant('c'), mutations: fc.array(wellFormed, { minLength: 1, maxLength: 5 }) }).map((v) => JSON.stringify(v)),
    anyJson.map((v) => JSON.stringify(v)),
    fc
      .record({ clientId: fc.oneof(texty, fc.constant('c')), mutations: fc.array(fc.oneof(mutationish, anyJson), { maxLength: 8 }) })
      .map((v) => JSON.stringify(v)),
    fc.string(),
    fc.nat(3000).map((d) => '['.repeat(d) + ']'.repeat(d)),
  );

  it('random bodies, queries and tokens to every route: only 2xx or 4xx, and /health keeps answering', async () => {
    await ready();
    const fuzzServer = testServer(sql, { rateLimit: { burst: 100_000, perSecond: 100_000 } });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
        fc.oneof(
          fc.constant(user.token),
          fc.constant(''),
          texty.map((t) => t.replace(/[^\x21-\x7e]/g, '')),
        ),
        fc.oneof(
          fc.constant(''),
          fc
            .record({ cursor: fc.oneof(texty, fc.nat().map(String), fc.constant('1e308')), limit: fc.oneof(texty, fc.nat(5000).map(String)) })
            .map((q) => `?${new URLSearchParams(q)}`),
        ),
        body,
        async (route0, method, token, query, text) => {
          // Half the well-formed pushes go where they can be stored.
          const route = text.includes('"entity":"accounts"') && token === user.token ? '/v1/sync/push' : route0;
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (token) headers.authorization = `Bearer ${token}`;
          const init: RequestInit = { method, headers };
          if (method !== 'GET') init.body = text;
          const r = await fuzzServer.fetch(`${BASE}${route}${query}`, init);
          expect(r.status, `${method} ${route}${query} ${text.slice(0, 200)}`).toBeLessThan(500);
          await r.arrayBuffer();
        },
      ),
      { numRuns: 300 },
    );
    expect((await fuzzServer.fetch(`${BASE}/health`)).status).toBe(200);
  }, 120_000);
});
