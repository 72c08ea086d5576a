import { describe, it, expect } from 'vitest';
import Papa from 'papaparse';
import { insert, getDb, SYNC_ENABLED_KEY, update } from '../../../lib/db';
import {
  grantConsent,
  withdrawConsent,
  hasValidBasis,
  setDoNotContact,
  exportPerson,
  erasePerson,
  isSuppressed,
  previewRetention,
  applyRetention,
  saveRetentionPolicy,
  getRetentionPolicy,
  dataInventory,
} from '../../../lib/gdpr';
import { exportBackup, restoreBackup, wipeDatabase } from '../../../lib/backup/backup';

async function world() {
  await getDb().meta.put({ key: SYNC_ENABLED_KEY, value: true });
  const acme = await insert('accounts', { name: 'Acme', domains: ['acme.fr'] });
  const helene = await insert('contacts', {
    firstName: 'Hélène',
    lastName: 'Dupont',
    emails: ['helene.dupont@acme.fr', 'hd@perso.fr'],
    phones: ['+33 6 11 22 33 44'],
    linkedinUrl: 'https://www.linkedin.com/in/helene-dupont',
    accountId: acme.id,
    notes: '=cmd|calc',
    title: 'CFO',
  });
  const paul = await insert('contacts', { firstName: 'Paul', lastName: 'Martin', emails: ['paul@acme.fr'], accountId: acme.id });
  await update('contacts', helene.id, { title: 'CEO' });
  const solo = await insert('interactions', {
    accountId: acme.id,
    contactIds: [helene.id],
    channel: 'call',
    occurredAt: '2026-01-02T10:00:00.000Z',
    subject: 'Call with Hélène',
    summary: 'Budget talk',
  });
  const shared = await insert('interactions', {
    accountId: acme.id,
    contactIds: [helene.id, paul.id],
    channel: 'meeting',
    occurredAt: '2026-01-03T10:00:00.000Z',
    subject: 'Kick-off with Hélène Dupont and Paul',
    summary: 'Hélène (helene.dupont@acme.fr, +33 6 11 22 33 44) agreed; DUPONT to send the deck',
  });
  const paulOnly = await insert('interactions', {
    accountId: acme.id,
    contactIds: [paul.id],
    channel: 'email',
    occurredAt: '2026-01-04T10:00:00.000Z',
    subject: 'Paul only',
  });
  await insert('surveys', {
    accountId: acme.id,
    contactId: helene.id,
    kind: 'nps',
    score: 9,
    comment: 'Great, says Hélène',
    respondedAt: '2026-01-05T00:00:00.000Z',
  });
  await insert('tasks', { accountId: acme.id, contactId: helene.id, title: 'Call Hélène back' });
  await insert('feedback', { accountId: acme.id, contactId: helene.id, actionType: 'call', outcome: 'accepted', at: '2026-01-06T00:00:00.000Z' });
  const order = await insert('orders', { accountId: acme.id, contactId: helene.id, occurredAt: '2026-01-07T00:00:00.000Z', amount: 120, ref: 'F-1' });
  await getDb().scores.put({
    accountId: acme.id,
    churnProbability: 0.3,
    churnModel: 'health',
    reasons: [],
    clv: 1000,
    clvMethod: 'annual_value',
    segments: [],
    computedAt: '2026-01-08T00:00:00.000Z',
    actions: [
      { type: 'call', contactId: helene.id, expectedValue: 10, probability: 0.5, reason: { key: 'k', weight: 1 } },
      { type: 'email', contactId: paul.id, expectedValue: 5, probability: 0.5, reason: { key: 'k', weight: 1 } },
    ],
  });
  return { acme, helene, paul, solo, shared, paulOnly, order };
}

describe('consent ledger and objection', () => {
  it('grants, withdraws (keeping the entry) and answers hasValidBasis at a given time', async () => {
    const c = await insert('contacts', { firstName: 'A', lastName: 'B' });
    await grantConsent(c.id, { purpose: 'marketing', lawfulBasis: 'consent', source: 'web form' }, new Date('2026-01-01T00:00:00Z'));
    let cur = await grantConsent(c.id, { purpose: 'support', lawfulBasis: 'contract', source: 'contract #12' }, new Date('2026-01-02T00:00:00Z'));
    expect(hasValidBasis(cur, 'marketing', new Date('2026-02-01T00:00:00Z'))).toBe(true);
    expect(hasValidBasis(cur, 'marketing', new Date('2025-12-01T00:00:00Z'))).toBe(false);
    expect(hasValidBasis(cur, 'sales', new Date('2026-02-01T00:00:00Z'))).toBe(false);
    cur = await withdrawConsent(c.id, 'marketing', new Date('2026-03-01T00:00:00Z'));
    expect(cur.consent).toHaveLength(2);
    expect(cur.consent[0]).toMatchObject({ purpose: 'marketing', withdrawnAt: '2026-03-01T00:00:00.000Z' });
    expect(hasValidBasis(cur, 'marketing', new Date('2026-02-15T00:00:00Z'))).toBe(true);
    expect(hasValidBasis(cur, 'marketing', new Date('2026-03-02T00:00:00Z'))).toBe(false);
    cur = await setDoNotContact(c.id, true);
    expect(cur.doNotContact).toBe(true);
    expect(hasValidBasis(cur, 'support', new Date('2026-03-02T00:00:00Z'))).toBe(true);
    await grantConsent(c.id, { purpose: 'marketing', lawfulBasis: 'consent', source: 'again' }, new Date('2026-04-01T00:00:00Z'));
    expect(hasValidBasis((await getDb().contacts.get(c.id))!, 'marketing', new Date('2026-05-01T00:00:00Z'))).toBe(false);
    await expect(grantConsent(c.id, { purpose: 'spam' as never, lawfulBasis: 'consent', source: 'x' })).rejects.toThrow(/purpose/);
    const audit = await getDb().audit.where('[entity+recordId]').equals(['contacts', c.id]).toArray();
    expect(audit.length).toBe(5);
  });
});

describe('right of access', () => {
  it('exports everything about the person, CSV cells neutralised', async () => {
    const w = await world();
    const out = await exportPerson(w.helene.id, new Date('2026-02-01T00:00:00Z'));
    const json = JSON.parse(out.json);
    expect(json.contact.emails).toEqual(['helene.dupont@acme.fr', 'hd@perso.fr']);
    expect(json.interactions.map((i: { id: string }) => i.id).sort()).toEqual([w.solo.id, w.shared.id].sort());
    expect(json.surveys).toHaveLength(1);
    expect(json.tasks).toHaveLength(1);
    expect(json.feedback).toHaveLength(1);
    expect(json.orders).toHaveLength(1);
    expect(json.accountScore.clv).toBe(1000);
    expect(json.audit).toHaveLength(1);
    expect(out.csvFiles.map((f) => f.name)).toEqual([
      'contact.csv',
      'interactions.csv',
      'surveys.csv',
      'tasks.csv',
      'feedback.csv',
      'orders.csv',
      'audit.csv',
      'account-score.csv',
    ]);
    const contactCsv = Papa.parse<Record<string, string>>(out.csvFiles[0]!.text, { header: true }).data[0]!;
    expect(contactCsv.notes).toBe("'=cmd|calc");
    expect(contactCsv.phones).toBe('["+33 6 11 22 33 44"]');
    expect(contactCsv.firstName).toBe('Hélène');
  });
});

describe('right to erasure', () => {
  it('leaves nothing identifying in any table, keeps others intact, and suppresses re-creation', async () => {
    const w = await world();
    // A pending change quoting her, as the outbox would hold before a push.
    const report = await erasePerson(w.helene.id, new Date('2026-02-01T00:00:00Z'));
    expect(report.deleted).toEqual({ contacts: 1, interactions: 1, surveys: 1, tasks: 1, feedback: 1 });
    expect(report.scrubbed).toEqual({ interactions: 1, orders: 1, scores: 1 });
    expect(report.suppressions).toBe(3);
    expect(report.auditEntriesCleared).toBe(1);

    const needles = ['hélène', 'helene', 'dupont', 'hd@perso.fr', '+33 6 11 22 33 44', 'cfo', 'ceo', 'budget talk', 'great, says'];
    const db = getDb();
    for (const t of db.tables) {
      for (const row of await t.toArray()) {
        const text = JSON.stringify(row).toLowerCase();
        for (const n of needles) expect(text, `${t.name} holds "${n}"`).not.toContain(n);
        if (text.includes(w.helene.id)) {
          // Her id may only remain as the tombstone's own id and as the record id of erase/delete bookkeeping.
          const r = row as Record<string, unknown>;
          const allowed = (t.name === 'contacts' && r.id === w.helene.id) || ((t.name === 'audit' || t.name === 'outbox') && r.recordId === w.helene.id);
          expect(allowed, `${t.name} still references her: ${text.slice(0, 200)}`).toBe(true);
        }
      }
    }
    const tomb = (await db.contacts.get(w.helene.id))!;
    expect(tomb).toMatchObject({ firstName: '', lastName: '', emails: [], phones: [], linkedinUrl: null, searchTokens: [] });
    expect(tomb.deletedAt).toBeTruthy();
    const shared = (await db.interactions.get(w.shared.id))!;
    expect(shared.contactIds).toEqual([w.paul.id]);
    expect(shared.subject).toBe('Kick-off with [erased] and Paul');
    expect(shared.summary).toBe('[erased] ([erased], [erased]) agreed; [erased] to send the deck');
    expect((await db.interactions.get(w.paulOnly.id))?.subject).toBe('Paul only');
    expect(await db.orders.get(w.order.id)).toMatchObject({ contactId: null, amount: 120, deletedAt: null });
    expect((await db.scores.toArray())[0]?.actions.map((a) => a.contactId)).toEqual([w.paul.id]);
    expect((await db.contacts.get(w.paul.id))?.firstName).toBe('Paul');
    // Sync propagates the delete and the scrub; no pending upsert carries her data.
    const outbox = await db.outbox.toArray();
    expect(outbox.filter((e) => e.recordId === w.helene.id).map((e) => e.op)).toEqual(['delete']);
    expect(outbox.find((e) => e.recordId === w.shared.id)?.fields).toMatchObject({ contactIds: [w.paul.id] });
    expect(await isSuppressed('HD@perso.fr ')).toBe(true);
    expect(await isSuppressed('https://linkedin.com/in/Helene-Dupont/')).toBe(true);
    expect(await isSuppressed('paul@acme.fr')).toBe(false);
    // The tombstones are valid records: a backup of the erased database restores.
    const backup = await exportBackup();
    await wipeDatabase();
    await restoreBackup(backup);
    expect(await db.contacts.count()).toBe(2);
  });
});

describe('retention', () => {
  it('previews and applies a policy by tombstoning what is past its period', async () => {
    const now = new Date('2026-06-15T00:00:00Z');
    const old = await insert('interactions', { channel: 'call', occurredAt: '2024-01-01T00:00:00.000Z', subject: 'Old call' });
    await insert('interactions', { channel: 'call', occurredAt: '2026-05-01T00:00:00.000Z', subject: 'Recent call' });
    await insert('tasks', { title: 'Done long ago', status: 'done', doneAt: '2025-01-01T00:00:00.000Z' });
    await insert('tasks', { title: 'Open old', status: 'open', dueAt: '2024-01-01T00:00:00.000Z' });
    await insert('surveys', { kind: 'csat', score: 4, respondedAt: '2020-01-01T00:00:00.000Z' });
    const policy = await saveRetentionPolicy({ interactionsMonths: 24, closedTasksMonths: 12 });
    expect(await getRetentionPolicy()).toEqual({
      interactionsMonths: 24,
      closedTasksMonths: 12,
      surveysMonths: null,
      feedbackMonths: null,
      ordersMonths: null,
    });
    const preview = await previewRetention(policy, now);
    expect(preview.counts).toEqual({ interactions: 1, tasks: 1 });
    expect(preview.sample.interactions).toEqual([{ id: old.id, date: '2024-01-01T00:00:00.000Z', label: 'call: Old call' }]);
    expect(
      await getDb()
        .interactions.filter((i) => !!i.deletedAt)
        .count(),
    ).toBe(0);
    expect(await applyRetention(policy, now)).toEqual({ interactions: 1, tasks: 1 });
    expect((await getDb().interactions.get(old.id))?.deletedAt).toBeTruthy();
    expect((await previewRetention(policy, now)).total).toBe(0);
    await expect(saveRetentionPolicy({ interactionsMonths: -3 })).rejects.toThrow(/interactionsMonths/);
  });
});

describe('inventory', () => {
  it('lists what is stored, where, and for how long', async () => {
    await world();
    let inv = await dataInventory();
    expect(inv.storage).toBe('this_browser_and_team_server');
    const contacts = inv.rows.find((r) => r.table === 'contacts')!;
    expect(contacts).toMatchObject({ personalData: true, live: 2, tombstones: 0, storage: 'this_browser_and_team_server', retention: 'until_deleted' });
    expect(inv.rows.find((r) => r.table === 'audit')?.storage).toBe('this_browser');
    await getDb().meta.put({ key: SYNC_ENABLED_KEY, value: false });
    await saveRetentionPolicy({ interactionsMonths: 36 });
    inv = await dataInventory();
    expect(inv.storage).toBe('this_browser');
    expect(inv.rows.find((r) => r.table === 'interactions')).toMatchObject({ live: 3, retention: 36, storage: 'this_browser' });
  });
});
