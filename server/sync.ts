import type { Sql } from './db/driver';
import { isNoop, mergeStates, emptyState, latestStamp, stateFromMutation, type RecordState } from '../lib/sync/merge';
import type { Change, Mutation, PushResponse } from '../lib/sync/protocol';

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

/**
 * Applies a batch in one transaction: all of it or none. The merge is a join (commutative, associative,
 * idempotent: see lib/sync/merge), so a mutation that was already applied changes nothing when it comes again
 * and is reported as a duplicate: a batch sent twice changes nothing the second time, however long after,
 * without a table of every mutation id ever seen. The team row lock serialises pushes of one team across
 * server instances, so change numbers are committed in order and a pull never skips one.
 */
export async function push(sql: Sql, teamId: string, mutations: Mutation[]): Promise<PushResponse> {
  return sql.transaction(async (tx) => {
    const team = await tx.query<{ seq: string }>(`SELECT seq::text AS seq FROM teams WHERE id = $1 FOR UPDATE`, [teamId]);
    let seq = Number(team[0]?.seq ?? 0);
    if (mutations.length === 0) return { cursor: seq, results: [] };

    const targets = [...new Map(mutations.map((m) => [key(m.entity, m.recordId), { e: m.entity, r: m.recordId }])).values()];
    // LATERAL keeps this a primary-key probe per target: a join the planner is free to turn into a scan of
    // every record of the team (stale statistics make it likely on PGlite) would cost in proportion to the team.
    const existing = await tx.query<RecordRow>(
      `SELECT rec.entity, rec.record_id, rec.fields, rec.clock, rec.created_at, rec.deleted_at
         FROM jsonb_to_recordset($2::text::jsonb) AS x(e text, r text)
         CROSS JOIN LATERAL (SELECT * FROM records r WHERE r.team_id = $1 AND r.entity = x.e AND r.record_id = x.r) rec`,
      [teamId, JSON.stringify(targets)],
    );
    const before = new Map<string, RecordState>();
    for (const row of existing) {
      before.set(key(row.entity, row.record_id), {
        createdAt: row.created_at,
        deletedAt: row.deleted_at,
        fields: row.fields,
        clock: row.clock,
      });
    }
    const after = new Map<string, { entity: string; recordId: string; state: RecordState }>();
    const results: PushResponse['results'] = [];
    for (const m of mutations) {
      const k = key(m.entity, m.recordId);
      const current = after.get(k)?.state ?? before.get(k) ?? emptyState();
      const merged = mergeStates(current, stateFromMutation(m));
      const known = after.has(k) || before.has(k);
      results.push({ id: m.id, status: known && isNoop(current, merged) ? 'duplicate' : 'applied' });
      after.set(k, { entity: m.entity, recordId: m.recordId, state: merged });
    }
    const inserts: object[] = [];
    const updates: object[] = [];
    for (const [k, { entity, recordId, state }] of after) {
      const base = before.get(k);
      if (base && isNoop(base, state)) continue;
      const row = {
        entity,
        record_id: recordId,
        fields: state.fields,
        clock: state.clock,
        created_at: state.createdAt,
        deleted_at: state.deletedAt,
        updated_at: latestStamp(state),
        seq: ++seq,
      };
      (base ? updates : inserts).push(row);
    }
    // The team lock is held, so no other push can create one of these records meanwhile: new records are plain
    // inserts (no speculative ON CONFLICT work) and known ones plain updates.
    if (inserts.length) {
      await tx.query(
        `INSERT INTO records (team_id, entity, record_id, fields, clock, created_at, deleted_at, updated_at, seq)
         SELECT $1, x.entity, x.record_id, x.fields, x.clock, x.created_at, x.deleted_at, x.updated_at, x.seq
           FROM jsonb_to_recordset($2::text::jsonb) AS x(entity text, record_id text, fields jsonb, clock jsonb,
                created_at text, deleted_at text, updated_at text, seq bigint)`,
        [teamId, JSON.stringify(inserts)],
      );
    }
    if (updates.length) {
      await tx.query(
        `UPDATE records r SET fields = x.fields, clock = x.clock, created_at = x.created_at, deleted_at = x.deleted_at,
                updated_at = x.updated_at, seq = x.seq
           FROM jsonb_to_recordset($2::text::jsonb) AS x(entity text, record_id text, fields jsonb, clock jsonb,
                created_at text, deleted_at text, updated_at text, seq bigint)
          WHERE r.team_id = $1 AND r.entity = x.entity AND r.record_id = x.record_id`,
        [teamId, JSON.stringify(updates)],
      );
    }
    if (inserts.length || updates.length) await tx.query(`UPDATE teams SET seq = $2 WHERE id = $1`, [teamId, seq]);
    return { cursor: seq, results };
  });
}

/** Records of the team changed after `cursor`, in change order, each as it stands now. */
export async function pull(sql: Sql, teamId: string, cursor: number, limit: number): Promise<{ changes: Change[]; cursor: number; more: boolean }> {
  // Walk the (team_id, seq) index in order and stop at the limit. Without fresh statistics (PGlite has no
  // autovacuum) the planner would rather bitmap-scan every later change and sort them: a page then costs in
  // proportion to what is left, and an initial pull of 100 000 records in proportion to its square.
  const rows = await sql.transaction(async (tx) => {
    await tx.query(`SET LOCAL enable_bitmapscan = off`);
    await tx.query(`SET LOCAL enable_sort = off`);
    return tx.query<RecordRow>(
      `SELECT entity, record_id, fields, clock, created_at, deleted_at, updated_at, seq::text AS seq
         FROM records WHERE team_id = $1 AND seq > $2 ORDER BY records.team_id, records.seq LIMIT $3`,
      [teamId, cursor, limit + 1],
    );
  });
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  const changes: Change[] = page.map((r) => ({
    seq: Number(r.seq),
    entity: r.entity as Change['entity'],
    recordId: r.record_id,
    fields: r.fields,
    fieldClock: r.clock,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  }));
  return { changes, cursor: changes.at(-1)?.seq ?? cursor, more };
}
