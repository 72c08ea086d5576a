import type { Sql } from './db/driver';
import { isNoop, mergeStates, emptyState, latestStamp, stateFromMutation, type RecordState } from '../lib/sync/shared/merge';
import type { Mutation, PushResponse } from '../lib/sync/shared/protocol';

interface RecordRow {
  entity: string;
  record_id: string;
  fields: Record<string, unknown>;
  clock: Record<string, string>;
  created_at: string | null;
  deleted_at: string | null;
  updated_at: string;
  seq: string;
}

const key = (entity: string, recordId: string) => `${entity}\u0000${recordId}`;

type Target = { entity: string; recordId: string; state: RecordState };

/** Merges mutations in order onto `before` (a record absent from it starts empty); statuses by mutation index. */
function mergeBatch(mutations: readonly Mutation[], indexes: readonly number[], before: Map<string, RecordState>) {
  const after = new Map<string, Target>();
  const statuses = new Map<number, 'applied' | 'duplicate'>();
  for (const i of indexes) {
    const m = mutations[i]!;
    const k = key(m.entity, m.recordId);
    const current = after.get(k)?.state ?? before.get(k) ?? emptyState();
    const merged = mergeStates(current, stateFromMutation(m));
    const known = after.has(k) || before.has(k);
    statuses.set(i, known && isNoop(current, merged) ? 'duplicate' : 'applied');
    after.set(k, { entity: m.entity, recordId: m.recordId, state: merged });
  }
  return { after, statuses };
}

const rowOf = ({ entity, recordId, state }: Target, seq: number) => ({
  entity,
  record_id: recordId,
  fields: state.fields,
  clock: state.clock,
  created_at: state.createdAt,
  deleted_at: state.deletedAt,
  updated_at: latestStamp(state),
  seq,
});

const RECORDSET = `jsonb_to_recordset($2::text::jsonb) AS x(entity text, record_id text, fields jsonb, clock jsonb,
                created_at text, deleted_at text, updated_at text, seq bigint)`;

/**
 * Applies a batch in one transaction: all of it or none. The merge is a join (commutative, associative,
 * idempotent: see lib/sync/merge), so a mutation that was already applied changes nothing when it comes again
 * and is reported as a duplicate: a batch sent twice changes nothing the second time, however long after,
 * without a table of every mutation id ever seen. The team row lock serialises pushes of one team across
 * server instances, so change numbers are committed in order and a pull never skips one.
 *
 * Most records a push carries are new to the server (a device's first sync, new interactions): every record is
 * first inserted as the batch alone makes it, and only those already stored (the insert skips them) are read,
 * merged with what the batch says and updated. A batch of new records costs one statement, like a bare insert.
 */
export async function push(sql: Sql, teamId: string, mutations: Mutation[]): Promise<PushResponse> {
  return sql.transaction(async (tx) => {
    const team = await tx.query<{ seq: string }>(`SELECT seq::text AS seq FROM teams WHERE id = $1 FOR UPDATE`, [teamId]);
    const start = Number(team[0]?.seq ?? 0);
    if (mutations.length === 0) return { cursor: start, results: [] };

    const all = mutations.map((_, i) => i);
    const asNew = mergeBatch(mutations, all, new Map());
    // Each record gets its change number now; a stored record that turns out unchanged leaves a gap (harmless).
    const seqOf = new Map<string, number>();
    const rows = [];
    for (const [k, target] of asNew.after) {
      seqOf.set(k, start + seqOf.size + 1);
      rows.push(rowOf(target, seqOf.get(k)!));
    }
    const inserted = await tx.query<{ seq: string }>(
      `INSERT INTO records (team_id, entity, record_id, fields, clock, created_at, deleted_at, updated_at, seq)
       SELECT $1, x.entity, x.record_id, x.fields, x.clock, x.created_at, x.deleted_at, x.updated_at, x.seq FROM ${RECORDSET}
       ON CONFLICT (team_id, entity, record_id) DO NOTHING RETURNING seq::text AS seq`,
      [teamId, JSON.stringify(rows)],
    );
    let last = Math.max(start, ...inserted.map((r) => Number(r.seq)));
    const statuses = asNew.statuses;

    if (inserted.length < rows.length) {
      const fresh = new Set(inserted.map((r) => Number(r.seq)));
      const stored = rows.filter((r) => !fresh.has(r.seq)).map((r) => ({ e: r.entity, r: r.record_id }));
      // LATERAL keeps this a primary-key probe per record: a join the planner may turn into a scan of every
      // record of the team (stale statistics make it likely on PGlite) would cost in proportion to the team.
      const existing = await tx.query<RecordRow>(
        `SELECT rec.entity, rec.record_id, rec.fields, rec.clock, rec.created_at, rec.deleted_at
           FROM jsonb_to_recordset($2::text::jsonb) AS x(e text, r text)
           CROSS JOIN LATERAL (SELECT * FROM records r WHERE r.team_id = $1 AND r.entity = x.e AND r.record_id = x.r) rec`,
        [teamId, JSON.stringify(stored)],
      );
      const before = new Map<string, RecordState>();
      for (const row of existing) {
        before.set(key(row.entity, row.record_id), { createdAt: row.created_at, deletedAt: row.deleted_at, fields: row.fields, clock: row.clock });
      }
      if (before.size !== stored.length) throw new Error('a record the insert skipped could not be read back');
      const onStored = all.filter((i) => before.has(key(mutations[i]!.entity, mutations[i]!.recordId)));
      const merged = mergeBatch(mutations, onStored, before);
      for (const [i, status] of merged.statuses) statuses.set(i, status);
      const updates = [];
      for (const [k, target] of merged.after) {
        if (isNoop(before.get(k)!, target.state)) continue;
        updates.push(rowOf(target, seqOf.get(k)!));
        last = Math.max(last, seqOf.get(k)!);
      }
      if (updates.length) {
        await tx.query(
          `UPDATE records r SET fields = x.fields, clock = x.clock, created_at = x.created_at, deleted_at = x.deleted_at,
                  updated_at = x.updated_at, seq = x.seq
             FROM ${RECORDSET}
            WHERE r.team_id = $1 AND r.entity = x.entity AND r.record_id = x.record_id`,
          [teamId, JSON.stringify(updates)],
        );
      }
    }
    if (last > start) await tx.query(`UPDATE teams SET seq = $2 WHERE id = $1`, [teamId, last]);
    return { cursor: last, results: mutations.map((m, i) => ({ id: m.id, status: statuses.get(i)! })) };
  });
}

interface PullRow {
  entity: string;
  record_id: string;
  /** jsonb as text: spliced into the answer as it is, never parsed and serialised again. */
  fields: string;
  clock: Record<string, string>;
  created_at: string | null;
  deleted_at: string | null;
  updated_at: string;
  seq: string;
}

/** The stamps that differ from createdAt (the compact form), in a null-prototype object so no key is special. */
function compactClock(clock: Record<string, string>, createdAt: string | null): Record<string, string> {
  if (createdAt === null) return clock;
  const out = Object.create(null) as Record<string, string>;
  for (const key of Object.keys(clock)) if (clock[key] !== createdAt) out[key] = clock[key]!;
  return out;
}

/**
 * Records of the team changed after `cursor`, in change order, each as it stands now: the JSON body of a pull page
 * (PullResponse; each change a Change). Written as text around each record's stored `fields` (valid JSON as
 * PostgreSQL prints jsonb), which a first pull of 100 000 records would otherwise parse and serialise again.
 */
export async function pull(sql: Sql, teamId: string, cursor: number, limit: number, opts: { compact?: boolean } = {}): Promise<string> {
  return (await pullPage(sql, teamId, cursor, limit, opts)).body;
}

/** A pull page: its JSON body, and where the next page starts. */
export async function pullPage(
  sql: Sql,
  teamId: string,
  cursor: number,
  limit: number,
  opts: { compact?: boolean } = {},
): Promise<{ body: string; cursor: number; more: boolean }> {
  // Walk the (team_id, seq) index in order and stop at the limit. Without fresh statistics (PGlite has no
  // autovacuum) the planner would rather bitmap-scan every later change and sort them: a page then costs in
  // proportion to what is left, and an initial pull of 100 000 records in proportion to its square.
  const rows = await sql.transaction(async (tx) => {
    await tx.query(`SET LOCAL enable_bitmapscan = off`);
    await tx.query(`SET LOCAL enable_sort = off`);
    return tx.query<PullRow>(
      `SELECT entity, record_id, fields::text AS fields, clock, created_at, deleted_at, updated_at, seq::text AS seq
         FROM records WHERE team_id = $1 AND seq > $2 ORDER BY records.team_id, records.seq LIMIT $3`,
      [teamId, cursor, limit + 1],
    );
  });
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  const s = JSON.stringify;
  const changes = page.map((r) => {
    const clock = opts.compact ? compactClock(r.clock, r.created_at) : r.clock;
    return `{"seq":${Number(r.seq)},"entity":${s(r.entity)},"recordId":${s(r.record_id)},"fields":${r.fields},"fieldClock":${s(clock)},"createdAt":${s(r.created_at)},"updatedAt":${s(r.updated_at)},"deletedAt":${s(r.deleted_at)}}`;
  });
  const last = page.length ? Number(page[page.length - 1]!.seq) : cursor;
  return { body: `{"changes":[${changes.join(',')}],"cursor":${last},"more":${more}${opts.compact ? ',"compact":true' : ''}}`, cursor: last, more };
}
