import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from './db/driver';

/** Tokens are 256 random bits: a plain SHA-256 is enough to store them (no guessing to slow down). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const newId = (prefix: string) => `${prefix}_${randomBytes(8).toString('hex')}`;

export interface Caller {
  tokenId: string;
  userId: string;
  email: string;
  teamId: string;
  teamName: string;
}

export async function authenticate(sql: Sql, token: string): Promise<Caller | null> {
  return callerWhere(sql, 't.hash = $1', hashToken(token));
}

/** The caller of a token already authenticated, if it still holds (not revoked since): for long answers. */
export async function stillAuthenticated(sql: Sql, tokenId: string): Promise<Caller | null> {
  return callerWhere(sql, 't.id = $1', tokenId);
}

async function callerWhere(sql: Sql, where: 't.hash = $1' | 't.id = $1', value: string): Promise<Caller | null> {
  const rows = await sql.query<{ token_id: string; user_id: string; email: string; team_id: string; team_name: string }>(
    `SELECT t.id AS token_id, u.id AS user_id, u.email, tm.id AS team_id, tm.name AS team_name
       FROM tokens t JOIN users u ON u.id = t.user_id JOIN teams tm ON tm.id = u.team_id
      WHERE ${where} AND t.revoked_at IS NULL`,
    [value],
  );
  const r = rows[0];
  return r ? { tokenId: r.token_id, userId: r.user_id, email: r.email, teamId: r.team_id, teamName: r.team_name } : null;
}

export class AdminError extends Error {}

export async function createTeam(sql: Sql, name: string): Promise<{ id: string; name: string }> {
  if (!name.trim()) throw new AdminError('a team needs a name');
  const id = newId('team');
  const rows = await sql.query(`INSERT INTO teams (id, name) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING id`, [id, name.trim()]);
  if (!rows.length) throw new AdminError(`team "${name}" already exists`);
  return { id, name: name.trim() };
}

export async function createUser(sql: Sql, team: string, email: string): Promise<{ id: string; email: string; teamId: string }> {
  const e = email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+$/.test(e)) throw new AdminError(`"${email}" is not an email address`);
  const teams = await sql.query<{ id: string }>(`SELECT id FROM teams WHERE name = $1 OR id = $1`, [team]);
  const teamId = teams[0]?.id;
  if (!teamId) throw new AdminError(`no team "${team}"`);
  const id = newId('user');
  const rows = await sql.query(`INSERT INTO users (id, team_id, email) VALUES ($1, $2, $3) ON CONFLICT (email) DO NOTHING RETURNING id`, [id, teamId, e]);
  if (!rows.length) throw new AdminError(`user ${e} already exists`);
  return { id, email: e, teamId };
}

/** Returns the token in clear: it is shown once and only its hash is kept. */
export async function createToken(sql: Sql, email: string): Promise<{ id: string; token: string }> {
  const users = await sql.query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [email.trim().toLowerCase()]);
  const userId = users[0]?.id;
  if (!userId) throw new AdminError(`no user ${email}`);
  const id = newId('tok');
  const token = `carnet_${randomBytes(32).toString('base64url')}`;
  await sql.query(`INSERT INTO tokens (id, user_id, hash) VALUES ($1, $2, $3)`, [id, userId, hashToken(token)]);
  return { id, token };
}

export async function revokeToken(sql: Sql, tokenId: string): Promise<void> {
  const rows = await sql.query(`UPDATE tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id`, [tokenId]);
  if (!rows.length) throw new AdminError(`no active token ${tokenId}`);
}

export interface TokenRow {
  id: string;
  email: string;
  team: string;
  created_at: string;
  revoked_at: string | null;
}

export async function listTokens(sql: Sql): Promise<TokenRow[]> {
  return sql.query<TokenRow>(
    `SELECT t.id, u.email, tm.name AS team, t.created_at::text AS created_at, t.revoked_at::text AS revoked_at
       FROM tokens t JOIN users u ON u.id = t.user_id JOIN teams tm ON tm.id = u.team_id ORDER BY t.created_at, t.id`,
  );
}
