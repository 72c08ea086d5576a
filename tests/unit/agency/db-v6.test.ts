import { it, expect } from 'vitest';
import Dexie from 'dexie';
import { CarnetDB, DB_NAME, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, insert } from '../../../lib/db';
import { setDb } from '../../../lib/db/db';

const ACCOUNT = '0190a0a0-0000-7000-8000-00000000000a';

it('opens version 3 data with the current version: nothing lost, the agency tables exist and are indexed', async () => {
  const v3 = new Dexie(DB_NAME);
  v3.version(1).stores(SCHEMA_V1);
  v3.version(2).stores(SCHEMA_V2);
  v3.version(3).stores(SCHEMA_V3);
  await v3.table('accounts').add({ id: ACCOUNT, name: 'Client A', domains: ['client-a.fr'], searchTokens: ['client'], sortName: 'client a', deletedAt: null });
  await v3.table('contacts').add({
    id: '0190a0a0-0000-7000-8000-000000000001',
    accountId: ACCOUNT,
    firstName: 'Zoé',
    lastName: 'Martin',
    emails: ['zoe@client-a.fr'],
    searchTokens: ['zoe'],
    deletedAt: null,
  });
  v3.close();

  const db = new CarnetDB();
  setDb(db);
  await db.open();
  expect(db.verno).toBe(8);
  expect((await db.accounts.get(ACCOUNT))?.name).toBe('Client A');
  expect(await db.contacts.where('accountId').equals(ACCOUNT).count()).toBe(1);
  expect(await db.campaignStats.count()).toBe(0);
  expect(await db.agencyPlans.count()).toBe(0);
  expect(await db.reportNotes.count()).toBe(0);

  // The new tables take records through the one write path, and their indexes answer.
  await insert('campaignStats', { accountId: ACCOUNT, date: '2026-10-01', endDate: '2026-10-01', campaign: 'Brand', spend: 12.5, clicks: 3, impressions: 100 });
  await insert('agencyPlans', { accountId: ACCOUNT, targets: [{ metric: 'roas', op: 'min', value: 4 }], monthlyBudget: 3000 });
  await insert('reportNotes', { accountId: ACCOUNT, periodStart: '2026-10-01', periodEnd: '2026-10-31', notes: 'Good month' });
  expect(await db.campaignStats.where('[accountId+date]').between([ACCOUNT, '2026-10-01'], [ACCOUNT, '2026-10-31'], true, true).count()).toBe(1);
  expect((await db.agencyPlans.where('accountId').equals(ACCOUNT).first())?.targets[0]?.value).toBe(4);
  expect(await db.reportNotes.where('[accountId+periodStart]').equals([ACCOUNT, '2026-10-01']).count()).toBe(1);
  db.close();
});

it('the campaign schema refuses rows whose dates do not fit their period', async () => {
  const base = { accountId: ACCOUNT, campaign: 'Brand' };
  await expect(insert('campaignStats', { ...base, date: '2026-10-02', endDate: '2026-10-01' })).rejects.toThrow(/endDate/);
  await expect(insert('campaignStats', { ...base, period: 'day', date: '2026-10-01', endDate: '2026-10-02' })).rejects.toThrow(/endDate/);
  await expect(insert('campaignStats', { ...base, period: 'range', date: '2026-10-20', endDate: '2026-11-05' })).rejects.toThrow(/endDate/);
  await expect(insert('campaignStats', { ...base, date: '2026-10-01', endDate: '2026-10-01', spend: -1 })).rejects.toThrow(/spend/);
  await expect(insert('campaignStats', { ...base, date: '2026-10-01', endDate: '2026-10-01', clicks: 1.5 })).rejects.toThrow(/clicks/);
  const ok = await insert('campaignStats', { ...base, period: 'month', date: '2026-10-01', endDate: '2026-10-31', conversions: 2.5 });
  expect(ok.conversions).toBe(2.5);
});
