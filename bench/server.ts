/**
 * Sync server benchmark (run: npx tsx bench/server.ts, or npm run bench:server). Embedded PGlite by default,
 * PostgreSQL when DATABASE_URL is set. Talks to the server over HTTP on 127.0.0.1 only, in bounded loops.
 *  1. raw insert rate: the same rows bulk-inserted straight into the records table (under a scratch team);
 *  2. push throughput: the same mutations through POST /v1/sync/push, batch for batch alternating with 1;
 *  3. latency under 50 concurrent clients, each pushing small batches and pulling, p50/p95/p99.
 * Prints a table, then the numbers as one JSON line.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { openPglite, openPostgres } from '../server/db/driver';
import { migrate } from '../server/db/migrations';
import { createApp } from '../server/app';
import { makeUser } from '../server/testing';

const ROWS = Number(process.env.BENCH_ROWS ?? 20_000);
/** Batches pushed and inserted first, not timed: the server's code paths compiled by the JIT, as in a running server. */
const WARMUP_BATCHES = 4;
const BATCH = 500;
const CLIENTS = 50;
const REQUESTS_PER_CLIENT = Number(process.env.BENCH_REQUESTS ?? 20);

const stamp = (i: number) => `${new Date(Date.UTC(2026, 0, 1) + i).toISOString()}-0000-bench`;
const uuid = (n: number, salt: number) => `0190a0a0-${salt.toString(16).padStart(4, '0')}-7000-8000-${n.toString(16).padStart(12, '0')}`;

function mutation(n: number, salt: number) {
  return {
    id: `m-${salt}-${n}`,
    entity: 'contacts',
    recordId: uuid(n, salt),
    op: 'upsert' as const,
    fields: { firstName: `First${n}`, lastName: `Last${n}`, emails: [`p${n}@bench${salt}.example`], tags: ['bench'], title: 'Buyer' },
    hlc: stamp(n),
  };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};

export async function runServerBench() {
  const backend = process.env.DATABASE_URL ? 'postgresql' : 'pglite';
  const sql = process.env.DATABASE_URL ? openPostgres(process.env.DATABASE_URL, 10) : await openPglite();
  await migrate(sql);
  const app = createApp({ sql, rateLimit: { burst: 1e9, perSecond: 1e9 } });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = (token: string, body: unknown) =>
    fetch(`${base}/v1/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  try {
    // 1 and 2, interleaved batch by batch so both see the same machine load: the raw insert of the rows the
    // server would write, straight into the records table itself (same indexes, same constraints, same growth;
    // under a scratch team, removed afterwards), then the same batch of mutations through the API.
    const owner = await makeUser(sql);
    const scratch = await makeUser(sql);
    let rawMs = 0;
    let pushMs = 0;
    for (let start = -WARMUP_BATCHES * BATCH; start < ROWS; start += BATCH) {
      const timed = start >= 0;
      const mutations = [];
      for (let n = start; n < Math.min(ROWS, start + BATCH); n++) mutations.push(mutation(n < 0 ? ROWS - n : n, 1));
      let t = performance.now();
      const rows = mutations.map((m, i) => ({
        entity: m.entity,
        record_id: m.recordId,
        fields: m.fields,
        clock: Object.fromEntries(Object.keys(m.fields).map((k) => [k, m.hlc])),
        created_at: m.hlc,
        deleted_at: null,
        updated_at: m.hlc,
        seq: start + WARMUP_BATCHES * BATCH + i + 1,
      }));
      await sql.query(
        `INSERT INTO records (team_id, entity, record_id, fields, clock, created_at, deleted_at, updated_at, seq)
         SELECT $1, x.entity, x.record_id, x.fields, x.clock, x.created_at, x.deleted_at, x.updated_at, x.seq
           FROM jsonb_to_recordset($2::text::jsonb) AS x(entity text, record_id text, fields jsonb, clock jsonb,
                created_at text, deleted_at text, updated_at text, seq bigint)`,
        [scratch.teamId, JSON.stringify(rows)],
      );
      if (timed) rawMs += performance.now() - t;
      t = performance.now();
      const r = await post(owner.token, { clientId: 'bench', mutations });
      if (!r.ok) throw new Error(`push failed: HTTP ${r.status} ${await r.text()}`);
      await r.arrayBuffer();
      if (timed) pushMs += performance.now() - t;
    }
    await sql.query(`DELETE FROM records WHERE team_id = $1`, [scratch.teamId]);
    const rawSeconds = rawMs / 1000;
    const pushSeconds = pushMs / 1000;

    // 3. 50 concurrent clients in 5 teams: each request pushes 10 mutations or pulls a page.
    const teams = await Promise.all(Array.from({ length: 5 }, () => makeUser(sql)));
    const users = [];
    for (let i = 0; i < CLIENTS; i++) users.push(i < 5 ? teams[i]! : await makeUser(sql, { id: teams[i % 5]!.teamId, name: teams[i % 5]!.teamName }));
    const latencies: number[] = [];
    let failures = 0;
    const t = performance.now();
    await Promise.all(
      users.map(async (u, c) => {
        for (let k = 0; k < REQUESTS_PER_CLIENT; k++) {
          const t0 = performance.now();
          const r =
            k % 2 === 0
              ? await post(u.token, { clientId: `c${c}`, mutations: Array.from({ length: 10 }, (_, j) => mutation(k * 10 + j, 100 + c)) })
              : await fetch(`${base}/v1/sync/pull?cursor=0&limit=100`, { headers: { authorization: `Bearer ${u.token}` } });
          await r.arrayBuffer();
          if (!r.ok) failures++;
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const concurrentSeconds = (performance.now() - t) / 1000;

    const result = {
      backend,
      rows: ROWS,
      rawInsertRowsPerSec: Math.round(ROWS / rawSeconds),
      pushMutationsPerSec: Math.round(ROWS / pushSeconds),
      pushVsRaw: +(rawSeconds / pushSeconds).toFixed(3),
      concurrentClients: CLIENTS,
      concurrentRequests: latencies.length,
      concurrentFailures: failures,
      requestsPerSec: Math.round(latencies.length / concurrentSeconds),
      latencyMs: {
        p50: +pct(latencies, 50).toFixed(1),
        p95: +pct(latencies, 95).toFixed(1),
        p99: +pct(latencies, 99).toFixed(1),
        max: +Math.max(...latencies).toFixed(1),
      },
    };
    return result;
  } finally {
    server.close();
    await sql.close();
  }
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*[\\/]/, ''));
if (isMain) {
  runServerBench().then((r) => {
    console.table({
      [`raw insert (${r.backend})`]: { value: r.rawInsertRowsPerSec, unit: 'rows/s' },
      'push through API': { value: r.pushMutationsPerSec, unit: 'mutations/s' },
      'push / raw': { value: r.pushVsRaw, unit: 'ratio' },
      [`${r.concurrentClients} clients`]: { value: r.requestsPerSec, unit: 'requests/s' },
      'latency p50': { value: r.latencyMs.p50, unit: 'ms' },
      'latency p95': { value: r.latencyMs.p95, unit: 'ms' },
      'latency p99': { value: r.latencyMs.p99, unit: 'ms' },
      failures: { value: r.concurrentFailures, unit: 'requests' },
    });
    console.log(JSON.stringify(r));
  });
}
