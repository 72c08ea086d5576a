import { timelinePage } from '../../lib/panel/queries/timeline';
import { describe, it, expect } from 'vitest';
import Dexie from 'dexie';
import {
  insert,
  insertMany,
  update,
  remove,
  getLive,
  findContactByEmail,
  findAccountByDomain,
  searchContacts,
  searchAccounts,
  logInteraction,
  getDb,
  CarnetDB,
  DB_NAME,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V6,
  SCHEMA_V7,
  nameSortKey,
  SYNC_ENABLED_KEY,
} from '../../lib/db';
import { ValidationError } from '../../lib/schema';

describe('write path', () => {
  it('stamps, validates and reads back a contact by any email, case-insensitively', async () => {
    const c = await insert('contacts', { firstName: 'Hélène', lastName: 'Dupont', emails: ['Helene.Dupont@Acme.FR', 'hd@acme.io'] });
    expect(c.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(c.createdAt).toBe(c.updatedAt);
    expect((await findContactByEmail('HD@acme.io'))?.id).toBe(c.id);
    expect((await findContactByEmail('helene.dupont@acme.fr'))?.firstName).toBe('Hélène');
    expect(await findContactByEmail('nobody@acme.fr')).toBeUndefined();
  });

  it('rejects a bad record with the failing field named, writing nothing', async () => {
    await expect(insert('contacts', { firstName: 'A', lastName: 'B', emails: ['not-an-email'] })).rejects.toThrow(/emails\.0/);
    await expect(
      insertMany('accounts', [
        { name: 'Ok', domains: ['ok.fr'] },
        { name: '', domains: [] },
      ]),
    ).rejects.toThrow(ValidationError);
    expect(await getDb().accounts.count()).toBe(0);
  });

  it('rejects a survey score out of its range', async () => {
    await expect(insert('surveys', { kind: 'csat', score: 9, respondedAt: '2026-01-01T00:00:00.000Z' })).rejects.toThrow(/score/);
    await insert('surveys', { kind: 'nps', score: 9, respondedAt: '2026-01-01T00:00:00.000Z' });
  });

  it('updates with a later stamp, logs the change, and tombstones deletes', async () => {
    const a = await insert('accounts', { name: 'Acme', domains: ['acme.fr'] });
    const b = await update('accounts', a.id, { name: 'Acme SA' });
    expect(b.updatedAt > a.updatedAt).toBe(true);
    expect(b.fieldClock?.name).toBe(b.updatedAt);
    const audit = await getDb().audit.where('[entity+recordId]').equals(['accounts', a.id]).toArray();
    expect(audit[0]?.changes.name).toEqual({ from: 'Acme', to: 'Acme SA' });
    await remove('accounts', a.id);
    expect(await getLive('accounts', a.id)).toBeUndefined();
    expect(await findAccountByDomain('acme.fr')).toBeUndefined();
    expect((await getDb().accounts.get(a.id))?.deletedAt).toBeTruthy();
  });

  it('writes the outbox only once sync is enabled, in the same transaction', async () => {
    await insert('accounts', { name: 'Before', domains: [] });
    expect(await getDb().outbox.count()).toBe(0);
    await getDb().meta.put({ key: SYNC_ENABLED_KEY, value: true });
    const a = await insert('accounts', { name: 'After', domains: [] });
    await update('accounts', a.id, { tier: 'key' });
    const entries = await getDb().outbox.toArray();
    expect(entries.map((e) => e.op)).toEqual(['upsert', 'upsert']);
    expect(entries[1]?.fields).toEqual({ tier: 'key' });
  });
});

describe('search', () => {
  it('finds contacts by accent-free prefixes of name words and emails', async () => {
    await insert('contacts', { firstName: 'Hélène', lastName: 'Dupont', emails: ['h.dupont@acme.fr'] });
    await insert('contacts', { firstName: 'Helmut', lastName: 'Krause', emails: ['hk@krause.de'] });
    expect((await searchContacts('hel')).map((c) => c.lastName).sort()).toEqual(['Dupont', 'Krause']);
    expect((await searchContacts('hél dup')).map((c) => c.lastName)).toEqual(['Dupont']);
    expect((await searchContacts('acme.fr')).map((c) => c.lastName)).toEqual(['Dupont']);
    expect(await searchContacts('zzz')).toEqual([]);
    expect((await searchContacts('Dupont, Hélène')).map((c) => c.lastName)).toEqual(['Dupont']);
  });

  it('finds an account by its full name, punctuation and all', async () => {
    await insert('accounts', { name: 'Marchal & Fils (Boulangeries)', domains: ['marchal.fr'] });
    expect((await searchAccounts('Marchal & Fils (Boulangeries)')).map((a) => a.name)).toEqual(['Marchal & Fils (Boulangeries)']);
    expect((await searchAccounts('marchal.fr')).map((a) => a.name)).toHaveLength(1);
  });
});

describe('interactions', () => {
  it('logs the same source once and lists the timeline newest first', async () => {
    const a = await insert('accounts', { name: 'Acme', domains: ['acme.fr'] });
    const source = { site: 'gmail' as const, ref: 'thread-f:1', url: null };
    const first = await logInteraction({ accountId: a.id, channel: 'email', occurredAt: '2026-01-02T10:00:00.000Z', subject: 'Hi', source });
    const again = await logInteraction({ accountId: a.id, channel: 'email', occurredAt: '2026-01-02T10:00:00.000Z', subject: 'Hi (2)', source });
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.interaction.id).toBe(first.interaction.id);
    await logInteraction({ accountId: a.id, channel: 'call', occurredAt: '2026-03-01T10:00:00.000Z' });
    const t = await timelinePage({ accountId: a.id }, 0, Infinity);
    expect(t.map((i) => i.channel)).toEqual(['call', 'email']);
    expect(t[1]?.subject).toBe('Hi (2)');
  });
});

describe('schema upgrade', () => {
  it('opens version 1 data with the latest version and builds the search tokens', async () => {
    const v1 = new Dexie(DB_NAME);
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('contacts').add({
      id: '0190a0a0-0000-7000-8000-000000000001',
      firstName: 'Zoé',
      lastName: 'Martin',
      emails: ['zoe@exemple.fr'],
      deletedAt: null,
    });
    v1.close();
    const db = new CarnetDB();
    await db.open();
    expect(db.verno).toBe(8);
    const row = await db.contacts.get('0190a0a0-0000-7000-8000-000000000001');
    expect(row?.searchTokens).toEqual(expect.arrayContaining(['zoe', 'martin', 'zoe@exemple.fr', 'exemple.fr']));
    db.close();
  });

  it('opens version 2 data with version 3: live accounts get their sortName, tombstones none', async () => {
    const v2 = new Dexie(DB_NAME);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    await v2.table('accounts').bulkAdd([
      { id: '0190a0a0-0000-7000-8000-00000000000a', name: 'Société 10', domains: [], searchTokens: [], deletedAt: null },
      { id: '0190a0a0-0000-7000-8000-00000000000b', name: 'Gone', domains: [], searchTokens: [], deletedAt: '2026-01-01T00:00:00.000Z-0000-x' },
    ]);
    v2.close();
    const db = new CarnetDB();
    await db.open();
    expect((await db.accounts.get('0190a0a0-0000-7000-8000-00000000000a'))?.sortName).toBe(nameSortKey('Société 10'));
    expect((await db.accounts.get('0190a0a0-0000-7000-8000-00000000000b'))?.sortName).toBeUndefined();
    expect(await db.accounts.orderBy('sortName').count()).toBe(1);
    db.close();
  });

  it('opens version 3 data with version 4 and later: every record kept, the template tables there and indexed', async () => {
    const v3 = new Dexie(DB_NAME);
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores(SCHEMA_V2);
    v3.version(3).stores(SCHEMA_V3);
    await v3
      .table('accounts')
      .add({ id: '0190a0a0-0000-7000-8000-00000000000c', name: 'Acme', domains: ['acme.fr'], searchTokens: ['acme'], sortName: 'acme', deletedAt: null });
    await v3.table('contacts').add({
      id: '0190a0a0-0000-7000-8000-00000000000d',
      firstName: 'Zoé',
      lastName: 'Martin',
      emails: ['zoe@acme.fr'],
      searchTokens: ['zoe'],
      deletedAt: null,
    });
    v3.close();
    const db = new CarnetDB();
    await db.open();
    expect(db.verno).toBe(8);
    expect((await db.accounts.get('0190a0a0-0000-7000-8000-00000000000c'))?.sortName).toBe('acme');
    expect((await db.contacts.where('emails').equals('zoe@acme.fr').first())?.firstName).toBe('Zoé');
    expect(await db.templates.count()).toBe(0);
    await db.templateUses.add({
      id: '0190a0a0-0000-7000-8000-00000000000e',
      templateId: 't',
      contactId: '0190a0a0-0000-7000-8000-00000000000d',
      usedAt: '2026-12-01T00:00:00.000Z',
    } as never);
    expect(await db.templateUses.where('contactId').equals('0190a0a0-0000-7000-8000-00000000000d').count()).toBe(1);
    expect(await db.templateUses.where('[templateId+usedAt]').between(['t', ''], ['t', '\uffff']).count()).toBe(1);
    db.close();
  });

  it('opens version 6 data with the current version: every record stays, the loyalty, workflow and sequence tables are there and empty, the v8 indexes answer', async () => {
    const v4 = new Dexie(DB_NAME);
    v4.version(1).stores(SCHEMA_V1);
    v4.version(2).stores(SCHEMA_V2);
    v4.version(3).stores(SCHEMA_V3);
    v4.version(4).stores(SCHEMA_V4);
    v4.version(6).stores(SCHEMA_V6);
    await v4
      .table('campaignStats')
      .add({ id: '0190a0a0-0000-7000-8000-000000000010', accountId: '0190a0a0-0000-7000-8000-00000000000c', date: '2026-10-01', deletedAt: null });
    await v4.table('templates').add({ id: '0190a0a0-0000-7000-8000-00000000000f', category: 'welcome', deletedAt: null });
    await v4
      .table('accounts')
      .add({ id: '0190a0a0-0000-7000-8000-00000000000c', name: 'Kept', domains: [], searchTokens: ['kept'], sortName: 'kept', deletedAt: null });
    await v4
      .table('tasks')
      .add({ id: '0190a0a0-0000-7000-8000-00000000000d', title: 'Call', status: 'open', dueAt: '2026-01-01T09:00:00.000Z', deletedAt: null });
    await v4.table('accounts').add({
      id: '0190a0a0-0000-7000-8000-000000000011',
      name: 'Valued',
      domains: [],
      currency: 'GBP',
      annualValue: 900,
      searchTokens: ['valued'],
      sortName: 'valued',
      deletedAt: null,
    });
    await v4.table('scores').add({ accountId: '0190a0a0-0000-7000-8000-000000000011', churnProbability: 0.2, segments: ['tag:vip', 'tier:key'] });
    v4.close();
    const db = new CarnetDB();
    await db.open();
    expect(db.verno).toBe(8);
    expect((await db.accounts.get('0190a0a0-0000-7000-8000-00000000000c'))?.name).toBe('Kept');
    expect(await db.campaignStats.where('[accountId+date]').equals(['0190a0a0-0000-7000-8000-00000000000c', '2026-10-01']).count()).toBe(1);
    expect(await db.tasks.where('dueAt').belowOrEqual('2026-02-01').count()).toBe(1);
    for (const t of Object.keys(SCHEMA_V7)) expect(await db.table(t).count(), t).toBe(0);
    // v8's indexes are built from the rows already stored
    expect(await db.accounts.where('[currency+annualValue]').between(['GBP', 0], ['GBP', 1000]).primaryKeys()).toEqual([
      '0190a0a0-0000-7000-8000-000000000011',
    ]);
    expect(await db.scores.where('segments').equals('tier:key').primaryKeys()).toEqual(['0190a0a0-0000-7000-8000-000000000011']);
    await db.enrolments.add({ id: '0190a0a0-0000-7000-8000-00000000000e', status: 'active', contactId: 'c', sequenceId: 's' } as never);
    expect(await db.enrolments.where('status').equals('active').count()).toBe(1);
    expect(await db.enrolments.where('contactId').equals('c').count()).toBe(1);
    expect(await db.templates.count()).toBe(1);
    db.close();
  });
});
