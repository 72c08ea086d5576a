// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { getDb, insert, setDb } from '../../../lib/db';
import { mergeContacts } from '../../../lib/db/merge';
import { enableSync, syncOnce } from '../../../lib/sync';
import { erasePerson, exportPerson, dataInventory } from '../../../lib/gdpr';
import { ensureStarters, stopTest, saveTemplate } from '../../../lib/panel/commands/templates';
import { starterId } from '../../../lib/engage/starters';
import type { Sql } from '../../../server/db/driver';
import { useTestServer, makeUser, type testServer } from '../../../server/testing';
import { client, snapshot } from '../sync/harness';

let sql: Sql;
let server: ReturnType<typeof testServer>;
useTestServer((s, srv) => {
  sql = s;
  server = srv;
});

const NOW = new Date('2026-12-03T10:00:00Z');
const RENEWAL = starterId('renewal');

describe('templates sync through the team server like any record', () => {
  it('seeded on two devices, edited on one, deleted on the other: both converge, nothing seeded comes back', async () => {
    const user = await makeUser(sql);
    const a = client(user, server.fetch);
    const b = client(user, server.fetch);
    await a.local(() => ensureStarters('en', NOW));
    await b.local(() => ensureStarters('fr', NOW)); // offline, the second device seeds its own copy: same ids
    await enableSync(a.db);
    await enableSync(b.db);
    expect(await syncOnce(a.config)).toMatchObject({ ok: true });
    const welcome = starterId('welcome');
    await a.local(() => saveTemplate(RENEWAL, { name: 'Renewal — our way' }));
    await a.local(() => stopTest(RENEWAL, 'b', NOW));
    await b.local(async () => {
      const { remove } = await import('../../../lib/db');
      await remove('templates', welcome);
    });
    const use = await b.local(() =>
      insert('templateUses', { templateId: RENEWAL, variantId: 'a', testId: 'starter', lang: 'fr', usedAt: NOW.toISOString(), how: 'copied' }),
    );
    for (let i = 0; i < 2; i++) {
      expect(await syncOnce(a.config)).toMatchObject({ ok: true });
      expect(await syncOnce(b.config)).toMatchObject({ ok: true });
    }
    expect(await snapshot(b.db)).toEqual(await snapshot(a.db));
    const renewal = (await a.db.templates.get(RENEWAL))!;
    expect(renewal.name).toBe('Renewal — our way');
    expect(renewal.abTest).toMatchObject({ status: 'stopped', winnerVariantId: 'b' });
    expect((await a.db.templates.get(welcome))!.deletedAt).toBeTruthy();
    expect((await a.db.templateUses.get(use.id))!.templateId).toBe(RENEWAL);
    // a third device that seeds before its first pull does not bring the deleted one back, nor the old name
    const c = client(user, server.fetch);
    await c.local(() => ensureStarters('en', NOW));
    await enableSync(c.db);
    expect(await syncOnce(c.config)).toMatchObject({ ok: true });
    expect((await c.db.templates.get(welcome))!.deletedAt).toBeTruthy();
    expect((await c.db.templates.get(RENEWAL))!.name).toBe('Renewal — our way');
    setDb(null);
  });
});

describe('template uses are personal data', () => {
  async function world() {
    await ensureStarters('en', NOW);
    const acme = await insert('accounts', { name: 'Acme', domains: ['acme.fr'] });
    const h = await insert('contacts', { firstName: 'Hélène', lastName: 'Dupont', emails: ['h@acme.fr'], accountId: acme.id });
    const dup = await insert('contacts', { firstName: 'Hélène', lastName: 'Dupont', emails: ['hd@acme.fr'], accountId: acme.id });
    const u1 = await insert('templateUses', {
      templateId: RENEWAL,
      variantId: 'a',
      testId: 'starter',
      contactId: h.id,
      accountId: acme.id,
      lang: 'en',
      usedAt: NOW.toISOString(),
      how: 'inserted',
      site: 'gmail',
      threadRef: 'thread-f:1',
      repliedAt: '2026-12-04T10:00:00.000Z',
    });
    const u2 = await insert('templateUses', {
      templateId: RENEWAL,
      variantId: 'b',
      testId: 'starter',
      contactId: dup.id,
      accountId: acme.id,
      lang: 'en',
      usedAt: NOW.toISOString(),
      how: 'copied',
    });
    return { acme, h, dup, u1, u2 };
  }

  it('a merge moves the duplicate’s uses to the survivor', async () => {
    const w = await world();
    const r = await mergeContacts(w.h.id, w.dup.id);
    expect(r.moved.templateUses).toBe(1);
    expect((await getDb().templateUses.get(w.u2.id))!.contactId).toBe(w.h.id);
  });

  it('the person’s export lists them; erasure unlinks them (the reply rate keeps its count, not the person)', async () => {
    const w = await world();
    const exported = await exportPerson(w.h.id, NOW);
    expect(exported.csvFiles.map((f) => f.name)).toContain('template-uses.csv');
    expect(JSON.parse(exported.json).templateUses).toHaveLength(1);
    const report = await erasePerson(w.h.id, NOW);
    expect(report.scrubbed.templateUses).toBe(1);
    const u = (await getDb().templateUses.get(w.u1.id))!;
    expect(u).toMatchObject({ contactId: null, threadRef: null, replyInteractionId: null, repliedAt: '2026-12-04T10:00:00.000Z', deletedAt: null });
  });

  it('the inventory lists templates and their uses', async () => {
    await world();
    const inv = await dataInventory();
    expect(inv.rows.find((r) => r.table === 'templates')).toMatchObject({ personalData: false, live: 10 });
    expect(inv.rows.find((r) => r.table === 'templateUses')).toMatchObject({ personalData: true, live: 2 });
  });
});
