import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { openPglite, openPostgres, type Sql } from './db/driver';
import { migrate } from './db/migrations';
import { createTeam, createToken, createUser } from './auth';
import { createApp, type AppOptions } from './app';

/**
 * A migrated database for a test file: in-memory PGlite, or the PostgreSQL at DATABASE_URL when set (test files
 * share it; each test makes its own teams, and every query is per team, so they never see each other).
 */
export async function openTestDatabase(): Promise<Sql> {
  const url = process.env.DATABASE_URL;
  const sql = url ? openPostgres(url, 4) : await openPglite();
  await migrate(sql);
  return sql;
}

export interface TestUser {
  teamId: string;
  teamName: string;
  email: string;
  token: string;
  tokenId: string;
}

export async function makeUser(sql: Sql, team?: { id: string; name: string }): Promise<TestUser> {
  const suffix = randomBytes(5).toString('hex');
  const t = team ?? (await createTeam(sql, `team-${suffix}`));
  const email = `u-${suffix}@example.com`;
  await createUser(sql, t.id, email);
  const tok = await createToken(sql, email);
  return { teamId: t.id, teamName: t.name, email, token: tok.token, tokenId: tok.id };
}

/** The app as a fetch function, without a socket. */
export function testServer(sql: Sql, options: Partial<AppOptions> = {}) {
  const app = createApp({ sql, rateLimit: { burst: 100_000, perSecond: 100_000 }, ...options });
  const fetch = async (input: string, init: RequestInit = {}) => app.request(input, init);
  return { app, fetch };
}

/**
 * One migrated database and in-process server per test file: opened before its tests (PGlite takes seconds to
 * start), closed after; `ready` receives them.
 */
export function useTestServer(ready: (sql: Sql, server: ReturnType<typeof testServer>) => void, options: Partial<AppOptions> = {}): void {
  let sql: Sql | undefined;
  beforeAll(async () => {
    sql = await openTestDatabase();
    ready(sql, testServer(sql, options));
  }, 60_000);
  afterAll(async () => {
    await sql?.close();
  });
}
