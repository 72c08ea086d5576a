import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { openPglite, type Sql } from '../../server/db/driver';
import { migrate } from '../../server/db/migrations';
import { createApp } from '../../server/app';

/**
 * The team sync server for the end-to-end sync tests, in Chromium (tests/e2e/sync.spec.ts) and Firefox
 * (tests/e2e-firefox/sync.spec.ts): Hono on @hono/node-server over an in-memory PGlite, on a free loopback port.
 */
export interface SyncServer {
  sql: Sql;
  /** http://127.0.0.1:<port> */
  url: string;
  /** The team's contacts as the server stores them, by first e-mail. */
  contacts(teamId: string): Promise<{ record_id: string; email: string | null }[]>;
  close(): Promise<void>;
}

export async function startSyncServer(): Promise<SyncServer> {
  const sql = await openPglite();
  await migrate(sql);
  const app = createApp({ sql, rateLimit: { burst: 10_000, perSecond: 10_000 } });
  const http = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return {
    sql,
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    contacts: (teamId) =>
      sql.query<{ record_id: string; email: string | null }>(
        `SELECT record_id, fields->'emails'->>0 AS email FROM records WHERE team_id = $1 AND entity = 'contacts' ORDER BY email`,
        [teamId],
      ),
    close: async () => {
      await new Promise((r) => http.close(r));
      await sql.close();
    },
  };
}

const GMAIL_THREAD = fs.readFileSync(path.join(import.meta.dirname, 'pages/gmail-thread.html'), 'utf8');

/** A Gmail thread page from one sender (the fields filled in, HTML-escaped), to create a contact from. */
export const gmailPage = (fields: Record<string, string>) =>
  GMAIL_THREAD.replace(/\{\{(\w+)\}\}/g, (_, k: string) => (fields[k] ?? '').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`));
