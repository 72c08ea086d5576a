// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CarnetDB, setDb, insert, update, remove, logInteraction, sourceInteractionId } from '../../../lib/db';
import { enableSync, syncOnce, type SyncConfig } from '../../../lib/sync';
import { erasePerson } from '../../../lib/gdpr/erase';
import type { Sql } from '../../../server/db/driver';
import { useTestServer, makeUser, type testServer, type TestUser } from '../../../server/testing';

let sql: Sql;
let server: ReturnType<typeof testServer>;
useTestServer((s, srv) => {
  sql = s;
  server = srv;
});

let n = 0;
function device(user: TestUser) {
  const db = new CarnetDB(`gaps-${++n}`);
  const config: SyncConfig = { serverUrl: 'http://carnet.test', token: user.token, fetch: (i, init) => server.fetch(i, init), db };
  return {
    db,
    config,
    async local<T>(fn: () => Promise<T>): Promise<T> {
      setDb(db);
      try {
        return await fn();
      } finally {
        setDb(null);
      }
    },
    sync: () => syncOnce(config),
  };
}

describe('the same source logged on two devices', () => {
  it('derives a UUIDv7-shaped id from site and reference, the same everywhere, different per source', async () => {
    const a = await sourceInteractionId('gmail', 'thread-f:1789');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await sourceInteractionId('gmail', 'thread-f:1789')).toBe(a);
    expect(await sourceInteractionId('gmail', 'thread-f:1790')).not.toBe(a);
    expect(await sourceInteractionId('zendesk', 'thread-f:1789')).not.toBe(a);
  });

  it('converges to one interaction after sync, with both devices’ edits merged field-wise', async () => {
    const user = await makeUser(sql);
    const [d1, d2] = [device(user), device(user)];
    for (const d of [d1, d2]) await d.local(() => enableSync());
    const base = {
      channel: 'email' as const,
      occurredAt: '2025-03-04T09:00:00.000Z',
      source: { site: 'gmail' as const, ref: 'thread-f:42', url: 'https://mail.google.com/mail/u/0/#inbox/42' },
    };
    const one = await d1.local(() => logInteraction({ ...base, subject: 'Renouvellement' }));
    const two = await d2.local(async () => {
      const r = await logInteraction({ ...base, subject: 'Renouvellement' });
      return update('interactions', r.interaction.id, { sentiment: 'positive' });
    });
    expect(two.id).toBe(one.interaction.id);
    for (const d of [d1, d2, d1]) expect(await d.sync()).toMatchObject({ ok: true });
    for (const d of [d1, d2]) {
      const rows = (await d.db.interactions.toArray()).filter((i) => !i.deletedAt);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ id: one.interaction.id, subject: 'Renouvellement', sentiment: 'positive' });
    }
    const server = await sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM records WHERE team_id = $1 AND entity = 'interactions'`, [user.teamId]);
    expect(server[0]?.n).toBe('1');
  });

  it('logging a source again after its interaction was deleted makes a new one (the tombstone stays)', async () => {
    const user = await makeUser(sql);
    const d = device(user);
    const src = { site: 'zendesk' as const, ref: 'ticket-7', url: 'https://acme.zendesk.com/agent/tickets/7' };
    const first = await d.local(() => logInteraction({ channel: 'ticket', occurredAt: '2025-03-04T09:00:00.000Z', source: src }));
    await d.local(() => remove('interactions', first.interaction.id));
    const again = await d.local(() => logInteraction({ channel: 'ticket', occurredAt: '2025-03-05T09:00:00.000Z', source: src }));
    expect(again.created).toBe(true);
    expect(again.interaction.id).not.toBe(first.interaction.id);
    expect((await d.db.interactions.get(first.interaction.id))?.deletedAt).not.toBeNull();
  });
});

describe('erasure reaches the server', () => {
  it('an erased contact’s personal fields are gone from the server database after sync', async () => {
    const user = await makeUser(sql);
    const [d1, d2] = [device(user), device(user)];
    for (const d of [d1, d2]) await d.local(() => enableSync());
    const c = await d1.local(() =>
      insert('contacts', {
        firstName: 'Hélène',
        lastName: 'Lefèvre',
        emails: ['helene.lefevre@ventoux.fr'],
        phones: ['+33 6 12 34 56 78'],
        notes: 'Allergique aux arachides',
      }),
    );
    expect(await d1.sync()).toMatchObject({ ok: true });
    expect(await d2.sync()).toMatchObject({ ok: true });
    const before = await sql.query<{ fields: Record<string, unknown> }>(`SELECT fields FROM records WHERE team_id = $1 AND record_id = $2`, [
      user.teamId,
      c.id,
    ]);
    expect(JSON.stringify(before[0]?.fields)).toContain('helene.lefevre@ventoux.fr');

    // What the GDPR erasure does locally: clear the personal fields through the write path, then tombstone.
    await d1.local(async () => {
      await update('contacts', c.id, { firstName: 'Erased', lastName: '', emails: [], phones: [], notes: null });
      await remove('contacts', c.id);
    });
    expect(await d1.sync()).toMatchObject({ ok: true });
    const after = await sql.query<{ fields: Record<string, unknown>; deleted_at: string | null }>(
      `SELECT fields, deleted_at FROM records WHERE team_id = $1 AND record_id = $2`,
      [user.teamId, c.id],
    );
    expect(after[0]?.deleted_at).not.toBeNull();
    const text = JSON.stringify(after[0]?.fields);
    for (const personal of ['Hélène', 'Lefèvre', 'helene.lefevre', '+33 6 12', 'arachides']) expect(text).not.toContain(personal);
    // The other device receives the cleared tombstone too.
    expect(await d2.sync()).toMatchObject({ ok: true });
    const there = await d2.db.contacts.get(c.id);
    expect(there?.deletedAt).not.toBeNull();
    expect(JSON.stringify(there)).not.toContain('helene.lefevre');
  });

  it('erasePerson (lib/gdpr) then sync: the server keeps a tombstone without the person’s data', async () => {
    const user = await makeUser(sql);
    const d = device(user);
    await d.local(() => enableSync());
    const c = await d.local(() =>
      insert('contacts', { firstName: 'Ngozi', lastName: 'Okafor', emails: ['ngozi.okafor@lumen-optique.fr'], notes: 'Préfère le téléphone' }),
    );
    expect(await d.sync()).toMatchObject({ ok: true });
    await d.local(() => erasePerson(c.id));
    expect(await d.sync()).toMatchObject({ ok: true });
    const row = await sql.query<{ fields: Record<string, unknown>; deleted_at: string | null }>(
      `SELECT fields, deleted_at FROM records WHERE team_id = $1 AND record_id = $2`,
      [user.teamId, c.id],
    );
    expect(row[0]?.deleted_at).not.toBeNull();
    const text = JSON.stringify(row[0]?.fields);
    for (const personal of ['Ngozi', 'Okafor', 'ngozi.okafor', 'téléphone']) expect(text).not.toContain(personal);
  });

  it('a delete pushed alone (no prior upsert reached the server) carries the record, so the server row is complete', async () => {
    const user = await makeUser(sql);
    const d = device(user);
    await d.local(() => enableSync());
    const c = await d.local(() => insert('contacts', { firstName: 'Zoë', lastName: 'Nowak' }));
    // Drop the queued upsert, as if only the delete had been queued.
    await d.db.outbox.clear();
    await d.local(() => remove('contacts', c.id));
    expect(await d.sync()).toMatchObject({ ok: true });
    const row = await sql.query<{ fields: Record<string, unknown>; created_at: string | null }>(
      `SELECT fields, created_at FROM records WHERE team_id = $1 AND record_id = $2`,
      [user.teamId, c.id],
    );
    expect(row[0]?.fields).toMatchObject({ firstName: 'Zoë', lastName: 'Nowak' });
    expect(row[0]?.created_at).toBe(c.createdAt);
  });
});
