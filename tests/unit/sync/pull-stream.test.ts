// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { insert } from '../../../lib/db';
import { enableSync, getSyncStatus, pull, syncOnce, SyncError } from '../../../lib/sync';
import type { Sql } from '../../../server/db/driver';
import { makeUser, useTestServer, type testServer, type TestUser } from '../../../server/testing';
import { client, type Fetch } from './harness';
import fc from 'fast-check';
import { lines } from '../../../lib/sync/client/pull-pages';

let sql: Sql;
let server: ReturnType<typeof testServer>;
useTestServer((s, srv) => {
  sql = s;
  server = srv;
});

async function teamWith(accounts: number): Promise<TestUser> {
  const user = await makeUser(sql);
  const a = client(user, server.fetch);
  await enableSync(a.db);
  for (let i = 0; i < accounts; i++) await a.local(() => insert('accounts', { name: `A${i}`, domains: [] }));
  expect(await syncOnce(a.config)).toMatchObject({ ok: true, pushed: accounts });
  return user;
}

/** The server's answer with its body replaced (same status and headers). */
const withBody = (res: Response, body: BodyInit) => new Response(body, { status: res.status, headers: res.headers });

describe('streamed pull, client side', () => {
  it('pulls every page of a streamed answer, and asks again when an answer ends with more to come', async () => {
    const user = await teamWith(23);
    const asked: string[] = [];
    const b = client(
      user,
      async (input, init) => {
        asked.push(input);
        return server.fetch(input, init);
      },
      { pullPagesPerAnswer: 2 },
    );
    await enableSync(b.db);
    const r = await pull(b.config);
    expect(r.pages).toBe(5);
    expect(await b.db.accounts.count()).toBe(23);
    expect(asked.filter((u) => u.includes('/pull'))).toHaveLength(3); // 2 + 2 + 1 pages
  });

  it('a connection cut in the middle of a page keeps the whole pages before it; the next pull goes on from there', async () => {
    const user = await teamWith(12);
    let cut = true;
    let sentOnce = false;
    const b = client(user, async (input, init) => {
      const res = await server.fetch(input, init);
      if (!cut || !input.includes('/pull')) return res;
      cut = false;
      const text = await res.text();
      const lines = text.split('\n');
      // The first page whole, then half of the second, then the connection fails.
      const sent = `${lines[0]}\n${lines[1]!.slice(0, 40)}`;
      return withBody(
        res,
        new ReadableStream({
          pull(c) {
            // Bytes already received are read first; the failure comes on the next read.
            if (!sentOnce) {
              sentOnce = true;
              c.enqueue(new TextEncoder().encode(sent));
            } else c.error(new TypeError('network connection lost'));
          },
        }),
      );
    });
    await enableSync(b.db);
    const e = await pull(b.config).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SyncError);
    expect((e as SyncError).code).toBe('network');
    expect(await b.db.accounts.count()).toBe(5);
    expect((await getSyncStatus(b.db)).cursor).toBe(5);
    await pull(b.config);
    expect(await b.db.accounts.count()).toBe(12);
  });

  it("an error line from the server ends the pull with the server's error after the pages before it", async () => {
    const user = await teamWith(12);
    const b = client(user, async (input, init) => {
      const res = await server.fetch(input, init);
      if (!input.includes('/pull')) return res;
      const first = (await res.text()).split('\n')[0];
      return withBody(res, `${first}\n{"error":{"code":"unauthorized","message":"this API token is unknown or was revoked"}}\n`);
    });
    await enableSync(b.db);
    const e = (await pull(b.config).catch((x: unknown) => x)) as SyncError;
    expect(e).toBeInstanceOf(SyncError);
    expect(e.status).toBe(401);
    expect(await b.db.accounts.count()).toBe(5);
  });

  it('a server from before streaming (pages ignored, one JSON page per answer) is pulled page by page', async () => {
    const user = await teamWith(12);
    const old: Fetch = async (input, init) => server.fetch(input.replace(/&pages=\d+/, ''), init);
    const b = client(user, old);
    await enableSync(b.db);
    expect((await pull(b.config)).pages).toBe(3);
    expect(await b.db.accounts.count()).toBe(12);
  });

  it('a line that is not a page is a bad answer, never a crash', async () => {
    const user = await teamWith(3);
    for (const junk of ['not json', '{"changes":"nope","cursor":1,"more":false}', '[]', '{"cursor":-1}']) {
      const b = client(user, async (input, init) => {
        const res = await server.fetch(input, init);
        return input.includes('/pull') ? withBody(res, `${junk}\n`) : res;
      });
      await enableSync(b.db);
      const e = (await pull(b.config).catch((x: unknown) => x)) as SyncError;
      expect(e).toBeInstanceOf(SyncError);
      expect(e.code).toBe('bad_response');
      expect(await b.db.accounts.count()).toBe(0);
    }
  });
});

describe('streamed lines', () => {
  it('any split of the bytes into chunks (inside a line, inside a UTF-8 character) gives the same lines', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => s.replace(/\n/g, ' ')),
          { maxLength: 8 },
        ),
        fc.array(fc.nat(), { maxLength: 10 }),
        async (rows, cuts) => {
          const bytes = new TextEncoder().encode(rows.map((r) => `${r}\n`).join(''));
          const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...at, bytes.length].slice(1).map((end, i, ends) => bytes.slice(i === 0 ? 0 : ends[i - 1], end));
          const body = new ReadableStream<Uint8Array>({
            start(c) {
              for (const ch of chunks) c.enqueue(ch);
              c.close();
            },
          });
          const got: string[] = [];
          for await (const l of lines(body)) got.push(l);
          expect(got).toEqual(rows.filter((r) => r.trim()));
        },
      ),
    );
  });
});
