import type { Sql } from './db/driver';
import { AdminError, createTeam, createToken, createUser, listTokens, revokeToken } from './auth';

export const ADMIN_USAGE = `usage: npm run server -- admin <command>
  create-team <name>
  create-user <team> <email>
  create-token <email>        prints the token once; only its hash is stored
  revoke-token <token-id>
  list-tokens`;

/** Runs one admin command; returns the lines to print. Throws AdminError for a mistake of the operator. */
export async function runAdmin(sql: Sql, args: string[]): Promise<string[]> {
  const [cmd, a, b] = args;
  const need = (n: number) => {
    if (args.length - 1 !== n) throw new AdminError(`${cmd} takes ${n} argument(s)\n${ADMIN_USAGE}`);
  };
  switch (cmd) {
    case 'create-team': {
      need(1);
      const t = await createTeam(sql, a!);
      return [`team ${t.name} created (${t.id})`];
    }
    case 'create-user': {
      need(2);
      const u = await createUser(sql, a!, b!);
      return [`user ${u.email} created (${u.id}) in team ${a}`];
    }
    case 'create-token': {
      need(1);
      const t = await createToken(sql, a!);
      return [`token ${t.id} for ${a} (shown once, keep it secret):`, t.token];
    }
    case 'revoke-token': {
      need(1);
      await revokeToken(sql, a!);
      return [`token ${a} revoked`];
    }
    case 'list-tokens': {
      need(0);
      const rows = await listTokens(sql);
      if (!rows.length) return ['no tokens'];
      return rows.map((r) => `${r.id}\t${r.email}\t${r.team}\tcreated ${r.created_at}\t${r.revoked_at ? `revoked ${r.revoked_at}` : 'active'}`);
    }
    default:
      throw new AdminError(cmd ? `unknown command ${cmd}\n${ADMIN_USAGE}` : ADMIN_USAGE);
  }
}
