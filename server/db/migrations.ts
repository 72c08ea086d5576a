import type { Sql } from './driver';

/** Applied in order, each once, in its own transaction. A shipped migration is never edited: add the next one. */
export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'teams, users, tokens, records, applied mutations',
    sql: `
      CREATE TABLE teams (
        id text PRIMARY KEY,
        name text NOT NULL UNIQUE,
        -- last change sequence number handed out in this team; the row lock serialises pushes per team
        seq bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE users (
        id text PRIMARY KEY,
        team_id text NOT NULL REFERENCES teams(id),
        email text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE tokens (
        id text PRIMARY KEY,
        user_id text NOT NULL REFERENCES users(id),
        hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );
      CREATE TABLE records (
        team_id text NOT NULL REFERENCES teams(id),
        entity text NOT NULL,
        record_id text NOT NULL,
        fields jsonb NOT NULL,
        clock jsonb NOT NULL,
        created_at text,
        deleted_at text,
        updated_at text NOT NULL,
        seq bigint NOT NULL,
        PRIMARY KEY (team_id, entity, record_id)
      );
      CREATE INDEX records_team_seq ON records (team_id, seq);
      CREATE TABLE applied_mutations (
        team_id text NOT NULL REFERENCES teams(id),
        mutation_id text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (team_id, mutation_id)
      );
    `,
  },
  {
    version: 2,
    name: 'drop applied mutations: the merge is idempotent, so replays need no id table',
    sql: `DROP TABLE IF EXISTS applied_mutations;`,
  },
];

export async function migrate(sql: Sql): Promise<number[]> {
  await sql.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    await sql.transaction(async (tx) => {
      // Several server instances may start together on one PostgreSQL: one migrates, the others wait and skip.
      await tx.query(`SELECT pg_advisory_xact_lock(7220551)`);
      const done = await tx.query(`SELECT 1 FROM schema_migrations WHERE version = $1`, [m.version]);
      if (done.length) return;
      await tx.exec(m.sql);
      await tx.query(`INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, [m.version, m.name]);
      applied.push(m.version);
    });
  }
  return applied;
}
