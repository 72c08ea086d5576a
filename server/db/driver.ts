import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';

/** The little the server needs from a database, over PGlite (embedded) or PostgreSQL (postgres.js). */
export interface Sql {
  readonly kind: 'pglite' | 'postgres';
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Several statements, no parameters (migrations). */
  exec(text: string): Promise<void>;
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

type PgliteTx = Pick<PGlite, 'query' | 'exec'>;

function pgliteSql(db: PGlite, tx?: PgliteTx): Sql {
  const q = tx ?? db;
  return {
    kind: 'pglite',
    async query<T>(text: string, params: unknown[] = []) {
      return (await q.query<T>(text, params)).rows;
    },
    async exec(text) {
      await q.exec(text);
    },
    transaction(fn) {
      if (tx) return fn(this);
      return db.transaction((t) => fn(pgliteSql(db, t)));
    },
    close: () => db.close(),
  };
}

function postgresSql(sql: postgres.Sql | postgres.TransactionSql, root: postgres.Sql): Sql {
  return {
    kind: 'postgres',
    async query<T>(text: string, params: unknown[] = []) {
      return (await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as T[];
    },
    async exec(text) {
      await sql.unsafe(text);
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      if (sql !== root) return fn(this);
      return (await root.begin((t) => fn(postgresSql(t, root)))) as T;
    },
    close: () => root.end({ timeout: 5 }),
  };
}

/** PGlite in a data folder (or in memory when dataDir is undefined). */
export async function openPglite(dataDir?: string): Promise<Sql> {
  const db = dataDir ? new PGlite(dataDir) : new PGlite();
  await db.waitReady;
  return pgliteSql(db);
}

export function openPostgres(url: string, max = 10): Sql {
  const root = postgres(url, { max, onnotice: () => {} });
  return postgresSql(root, root);
}
