import { describe, it, expect } from 'vitest';
import { exportBackup, exportBackupJson, restoreBackup, wipeDatabase, RestoreError } from '../../../lib/backup/backup';
import { insert, update, remove, getDb, searchContacts, SYNC_ENABLED_KEY } from '../../../lib/db';
import { saveImportPreset } from '../../../lib/db/import-presets';
import { tableCounts } from './helpers';

async function seed() {
  await getDb().meta.put({ key: SYNC_ENABLED_KEY, value: true });
  const a = await insert('accounts', { name: 'Acme', domains: ['acme.fr'], annualValue: 1200 });
  const c = await insert('contacts', { firstName: 'Hélène', lastName: 'Dupont', emails: ['h@acme.fr'], accountId: a.id });
  await update('contacts', c.id, { title: 'CEO' });
  await insert('interactions', { accountId: a.id, contactIds: [c.id], channel: 'email', occurredAt: '2026-01-02T10:00:00.000Z', subject: 'Hi' });
  await insert('orders', { accountId: a.id, occurredAt: '2026-01-03T00:00:00.000Z', amount: 99.5 });
  const t = await insert('tasks', { title: 'Call back', contactId: c.id });
  await remove('tasks', t.id);
  await insert('segments', { name: 'Big', rule: { op: 'and', rules: [{ field: 'annualValue', operator: 'gt', value: 1000 }] } });
  await getDb().scores.put({
    accountId: a.id,
    churnProbability: 0.2,
    churnModel: 'health',
    reasons: [],
    clv: 10,
    clvMethod: 'annual_value',
    segments: [],
    actions: [],
    computedAt: '2026-01-04T00:00:00.000Z',
  });
  await getDb().suppressions.put({ hash: 'a'.repeat(64), erasedAt: '2026-01-01T00:00:00.000Z' });
  await saveImportPreset({ name: 'Mine', target: 'contacts', mapping: { Mail: 'email' } });
}

describe('backup and restore', () => {
  it('backup → wipe → restore gives identical records, with searchTokens', async () => {
    await seed();
    const before = await exportBackup(new Date(0));
    const rawBefore = await getDb().contacts.toArray();
    const json = await exportBackupJson(new Date(0));
    expect(JSON.parse(json).schemaVersion).toBe(2);
    await wipeDatabase();
    expect(Object.values(await tableCounts()).every((n) => n === 0)).toBe(true);
    const report = await restoreBackup(json);
    expect(report.counts).toMatchObject({
      accounts: 1,
      contacts: 1,
      interactions: 1,
      orders: 1,
      tasks: 1,
      segments: 1,
      scores: 1,
      audit: 2,
      suppressions: 1,
      importPresets: 1,
    });
    expect(await exportBackup(new Date(0))).toEqual(before);
    expect(await getDb().contacts.toArray()).toEqual(rawBefore);
    expect((await searchContacts('hel dup')).map((c) => c.lastName)).toEqual(['Dupont']);
  });

  it('restores a v1 backup into the v2 database, rebuilding search tokens', async () => {
    const v1 = {
      format: 'carnet-backup',
      schemaVersion: 1,
      exportedAt: '2025-06-01T00:00:00.000Z',
      tables: {
        contacts: [
          {
            id: '0190a0a0-0000-7000-8000-000000000001',
            createdAt: '2025-06-01T00:00:00.000Z-0000-abcd',
            updatedAt: '2025-06-01T00:00:00.000Z-0000-abcd',
            firstName: 'Zoé',
            lastName: 'Martin',
            emails: ['zoe@exemple.fr'],
          },
        ],
        accounts: [
          {
            id: '0190a0a0-0000-7000-8000-000000000002',
            createdAt: '2025-06-01T00:00:00.000Z-0000-abcd',
            updatedAt: '2025-06-01T00:00:00.000Z-0000-abcd',
            name: 'Exemple SARL',
            domains: ['exemple.fr'],
          },
        ],
        meta: [{ key: 'x', value: 1 }],
      },
    };
    const report = await restoreBackup(JSON.stringify(v1));
    expect(report.fromVersion).toBe(1);
    const row = await getDb().contacts.get('0190a0a0-0000-7000-8000-000000000001');
    expect(row?.searchTokens).toEqual(expect.arrayContaining(['zoe', 'martin', 'zoe@exemple.fr', 'exemple.fr']));
    expect(row).toMatchObject({ deletedAt: null, phones: [], consent: [], doNotContact: false });
    expect((await getDb().accounts.toArray())[0]?.searchTokens).toEqual(['exemple', 'sarl', 'exemple.fr']);
  });

  it('an invalid record anywhere: nothing restored, the record and field named', async () => {
    await seed();
    const before = await tableCounts();
    const backup = await exportBackup();
    (backup.tables.contacts![0] as Record<string, unknown>).emails = ['nope'];
    await expect(restoreBackup(JSON.stringify(backup))).rejects.toThrow(/contacts\[0\]\.emails\.0/);
    await expect(restoreBackup('{not json')).rejects.toThrow(RestoreError);
    await expect(restoreBackup({ ...backup, schemaVersion: 99 })).rejects.toThrow(/newer Carnet/);
    await expect(restoreBackup({ ...backup, tables: { ...backup.tables, bogus: [] } })).rejects.toThrow(/bogus: unknown table/);
    expect(await tableCounts()).toEqual(before);
  });
});

describe('CSV export of a table', () => {
  it('exports live contacts, neutralised, and the file imports back', async () => {
    const { exportEntityCsv } = await import('../../../lib/backup/entity-csv');
    const { analyzeFile, planFile } = await import('../../../lib/import');
    const { remove } = await import('../../../lib/db');
    await insert('contacts', { firstName: 'Ann', lastName: 'Lee', emails: ['ann@lee.io', 'a@lee.io'], notes: '=2+2' });
    const gone = await insert('contacts', { firstName: 'Gone', lastName: 'X' });
    await remove('contacts', gone.id);
    const out = await exportEntityCsv('contacts');
    expect(out.rows).toBe(1);
    expect(out.text).toContain("'=2+2");
    expect(out.text).toContain('ann@lee.io; a@lee.io');
    expect(out.text).not.toContain('Gone');
    await wipeDatabase();
    const plan = await planFile(await analyzeFile(new TextEncoder().encode(out.text)), {
      presetId: 'generic-contacts',
      mapping: { firstName: 'firstName', lastName: 'lastName', emails: 'email', notes: 'notes' },
    });
    expect(plan.inserts.contacts[0]).toMatchObject({ firstName: 'Ann', emails: ['ann@lee.io', 'a@lee.io'], notes: "'=2+2" });
  });
});
