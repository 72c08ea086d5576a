import { timelinePage } from '../../../lib/panel/queries/timeline';
import { describe, it, expect, vi } from 'vitest';
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  insert,
  update,
  remove,
  getDb,
  setDb,
  CarnetDB,
  DB_NAME,
  SYNC_ENABLED_KEY,
  searchContacts,
  findContactByEmail,
  getLive,
  logInteraction,
} from '../../../lib/db';
import { isSealed, WrongPassphraseError, LockedError, CRYPTO_META_KEY } from '../../../lib/crypto';
import {
  enableEncryption,
  disableEncryption,
  changePassphrase,
  unlock,
  lock,
  getCryptoStatus,
  cryptoStatusNow,
  passphraseStrength,
  PBKDF2_ITERATIONS,
} from '../../../lib/db/encryption';
import { exportBackup, exportBackupJson, restoreBackup } from '../../../lib/backup';

const PASS = 'correct horse battery staple';
const SECRETS = ['Allergic to peanuts', '+33 1 02 03 04 05', 'Discussed the divorce', 'Board is unhappy', 'Moved to Lyon', 'Key account notes'];

/** Every table as stored, read by a second Dexie that has no encryption layer: what is on disk. */
async function rawDump(): Promise<Record<string, unknown[]>> {
  const raw = new Dexie(DB_NAME);
  await raw.open();
  const out: Record<string, unknown[]> = {};
  for (const t of raw.tables) out[t.name] = await t.toArray();
  raw.close();
  return out;
}

const rawText = async () => JSON.stringify(await rawDump());

async function seed() {
  await getDb().meta.put({ key: SYNC_ENABLED_KEY, value: true });
  const a = await insert('accounts', { name: 'Acme', domains: ['acme.fr'], notes: 'Key account notes' });
  const c = await insert('contacts', {
    accountId: a.id,
    firstName: 'Hélène',
    lastName: 'Dupont',
    emails: ['h.dupont@acme.fr'],
    phones: ['+33 1 02 03 04 05'],
    notes: 'Allergic to peanuts',
  });
  const i = await insert('interactions', {
    accountId: a.id,
    contactIds: [c.id],
    channel: 'call',
    occurredAt: '2026-01-01T00:00:00.000Z',
    subject: 'Renewal call',
    summary: 'Discussed the divorce',
  });
  await update('contacts', c.id, { notes: 'Moved to Lyon' }); // the audit log now quotes both notes
  await insert('tasks', { accountId: a.id, contactId: c.id, title: 'Send offer', notes: 'Board is unhappy' });
  return { a, c, i };
}

describe('at-rest encryption through the storage layer', () => {
  it('after enabling, nothing sensitive is on disk in clear (records, outbox, audit) while reads and search work', async () => {
    const { a, c, i } = await seed();
    const before = await rawText();
    for (const s of SECRETS) expect(before).toContain(s); // the test can fail: the secrets were on disk
    const progress: [number, number][] = [];
    const { rows } = await enableEncryption(PASS, { onProgress: (d, t) => progress.push([d, t]) });
    expect(rows).toBeGreaterThan(5);
    expect(progress.at(-1)).toEqual([rows, rows]);
    expect(await getCryptoStatus()).toBe('unlocked');

    // Written after enabling too: a new note, a phone, an update quoted in the audit log and the outbox.
    await update('accounts', a.id, { notes: 'Plans a merger' });
    await insert('contacts', { firstName: 'Marc', lastName: 'Lenoir', emails: ['marc@acme.fr'], phones: ['06 11 22 33 44'], notes: 'Prefers mornings' });
    const disk = await rawText();
    for (const s of [...SECRETS, 'Plans a merger', '06 11 22 33 44', 'Prefers mornings']) expect(disk).not.toContain(s);
    const raw = await rawDump();
    const rawContact = raw.contacts!.find((r) => (r as { id: string }).id === c.id) as Record<string, unknown>;
    expect(isSealed(rawContact.notes)).toBe(true);
    expect((rawContact.phones as string[]).every(isSealed)).toBe(true);
    // What search and recognition use stays clear.
    expect(rawContact.firstName).toBe('Hélène');
    expect(rawContact.emails).toEqual(['h.dupont@acme.fr']);
    expect(rawContact.searchTokens).toContain('dupont');
    expect(disk).toContain('Renewal call');
    expect((raw.outbox as { fields: Record<string, unknown> }[]).some((e) => isSealed(e.fields.summary))).toBe(true);
    expect((raw.audit as { changes: Record<string, { from: unknown }> }[]).some((e) => isSealed(e.changes.notes?.from))).toBe(true);
    expect(JSON.stringify(raw.meta)).not.toContain(PASS);

    // Reads through the repositories give clear text.
    expect((await getLive('contacts', c.id))?.notes).toBe('Moved to Lyon');
    expect((await getLive('contacts', c.id))?.phones).toEqual(['+33 1 02 03 04 05']);
    expect((await timelinePage({ accountId: a.id }, 0, Infinity))[0]?.summary).toBe('Discussed the divorce');
    expect((await searchContacts('hel dup')).map((x) => x.id)).toEqual([c.id]);
    expect((await findContactByEmail('H.Dupont@acme.fr'))?.notes).toBe('Moved to Lyon');
    const outbox = await getDb().outbox.toArray();
    expect(outbox.find((e) => e.recordId === i.id)?.fields.summary).toBe('Discussed the divorce');
    const audit = await getDb().audit.where('[entity+recordId]').equals(['contacts', c.id]).toArray();
    expect(audit[0]?.changes.notes).toEqual({ from: 'Allergic to peanuts', to: 'Moved to Lyon' });
  });

  it('a wrong passphrase is refused and changes nothing on disk (unlock, disable, change)', async () => {
    await seed();
    await enableEncryption(PASS);
    await lock();
    const before = await rawText();
    await expect(unlock('wrong horse battery staple')).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(disableEncryption('wrong horse battery staple')).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(changePassphrase('wrong horse battery staple', 'another long passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(cryptoStatusNow()).toBe('locked');
    expect(await rawText()).toBe(before);
    await unlock(PASS);
    expect(cryptoStatusNow()).toBe('unlocked');
    await expect(enableEncryption('another long passphrase')).rejects.toThrow(/already enabled/);
    await expect(enableEncryption('short')).rejects.toThrow();
  });

  it('while locked: sealed fields read as sealed, sensitive writes are refused, other writes go through', async () => {
    const { c, i } = await seed();
    await enableEncryption(PASS);
    await lock();
    expect(await getCryptoStatus()).toBe('locked');
    const locked = (await getLive('contacts', c.id))!;
    expect(isSealed(locked.notes)).toBe(true);
    expect(locked.phones.every(isSealed)).toBe(true);
    expect(locked.firstName).toBe('Hélène');
    expect((await searchContacts('dupont')).length).toBe(1);

    const before = await rawText();
    await expect(insert('contacts', { firstName: 'New', lastName: 'Person', notes: 'a secret' })).rejects.toBeInstanceOf(LockedError);
    await expect(update('contacts', c.id, { notes: 'overwritten' })).rejects.toBeInstanceOf(LockedError);
    await expect(update('contacts', c.id, { phones: ['01 02 03 04 05'] })).rejects.toBeInstanceOf(LockedError);
    await expect(
      logInteraction({ channel: 'email', occurredAt: '2026-02-01T00:00:00.000Z', summary: 'from a page', source: { site: 'gmail', ref: 't1' } }),
    ).rejects.toBeInstanceOf(LockedError);
    expect(await rawText()).toBe(before);

    // A change that does not touch sealed fields works and keeps them sealed as they were.
    await update('contacts', c.id, { title: 'CFO' });
    await update('interactions', i.id, { outcome: 'won' });
    await insert('contacts', { firstName: 'No', lastName: 'Notes', emails: ['no@notes.fr'] });
    await remove('interactions', i.id);
    const raw = await rawDump();
    const rc = raw.contacts!.find((r) => (r as { id: string }).id === c.id) as Record<string, unknown>;
    expect(rc.title).toBe('CFO');
    expect(rc.notes).toBe(locked.notes);

    await unlock(PASS);
    const open = (await getLive('contacts', c.id))!;
    expect(open.notes).toBe('Moved to Lyon');
    expect(open.title).toBe('CFO');
    const deleteEntry = (await getDb().outbox.toArray()).find((e) => e.recordId === i.id && e.op === 'delete');
    expect(deleteEntry?.fields.summary).toBe('Discussed the divorce');
  });

  it('disabling with the passphrase writes everything back in clear; changing it re-seals under the new one', async () => {
    const { c } = await seed();
    await enableEncryption(PASS);
    const sealedOnce = await rawText();
    await changePassphrase(PASS, 'a brand new passphrase');
    const sealedTwice = await rawText();
    expect(sealedTwice).not.toBe(sealedOnce);
    for (const s of SECRETS) expect(sealedTwice).not.toContain(s);
    await lock();
    await expect(unlock(PASS)).rejects.toBeInstanceOf(WrongPassphraseError);
    await unlock('a brand new passphrase');
    await disableEncryption('a brand new passphrase');
    expect(await getCryptoStatus()).toBe('off');
    const disk = await rawText();
    for (const s of SECRETS) expect(disk).toContain(s);
    expect(disk).not.toContain('enc:v1:');
    expect(await getDb().meta.get(CRYPTO_META_KEY)).toBeUndefined();
    expect((await getLive('contacts', c.id))?.phones).toEqual(['+33 1 02 03 04 05']);
  });

  it('enabling is all or nothing: a failure leaves the data in clear and encryption off', async () => {
    await seed();
    const before = await rawText();
    const db = getDb();
    const spy = vi.spyOn(db.meta, 'put').mockRejectedValueOnce(new Error('disk full'));
    await expect(enableEncryption(PASS)).rejects.toThrow('disk full');
    spy.mockRestore();
    expect(await rawText()).toBe(before);
    expect(await getCryptoStatus()).toBe('off');
  });

  it('backups are clear text when unlocked, refused when locked, and a restore is sealed again', async () => {
    const { c } = await seed();
    await enableEncryption(PASS);
    const json = await exportBackupJson();
    for (const s of SECRETS) expect(json).toContain(s);
    expect(json).not.toContain('enc:v1:');
    expect(json).not.toContain(CRYPTO_META_KEY);
    await lock();
    await expect(exportBackup()).rejects.toBeInstanceOf(LockedError);
    await expect(restoreBackup(json)).rejects.toBeInstanceOf(LockedError);
    await unlock(PASS);
    await restoreBackup(json);
    const disk = await rawText();
    for (const s of SECRETS) expect(disk).not.toContain(s);
    expect(await getCryptoStatus()).toBe('unlocked');
    expect((await getLive('contacts', c.id))?.notes).toBe('Moved to Lyon');
    await lock();
    await unlock(PASS); // the device's own passphrase still opens the restored data
    expect((await getLive('contacts', c.id))?.notes).toBe('Moved to Lyon');
  });

  it('another context (the service worker) gets the key through storage.session, and loses it on lock', async () => {
    const { c } = await seed();
    await enableEncryption(PASS);
    const session = JSON.stringify(await fakeBrowser.storage.session.get());
    expect(session).not.toContain(PASS);
    // A context that opens the database later (a restarted worker) starts unlocked from the session.
    getDb().close();
    setDb(new CarnetDB());
    expect((await getLive('contacts', c.id))?.notes).toBe('Moved to Lyon');
    await lock();
    getDb().close();
    setDb(new CarnetDB());
    expect(isSealed((await getLive('contacts', c.id))?.notes)).toBe(true);
    expect(cryptoStatusNow()).toBe('locked');
    // A browser restart empties storage.session: locked.
    await unlock(PASS);
    await fakeBrowser.storage.session.clear();
    getDb().close();
    setDb(new CarnetDB());
    expect(await getCryptoStatus()).toBe('locked');
  });

  it('KDF and strength hint', () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(passphraseStrength('short')).toBe(0);
    expect(passphraseStrength('abcdefghij')).toBe(1);
    expect(passphraseStrength('correct horse battery staple')).toBeGreaterThanOrEqual(3);
  });
});

describe('what must not run while locked', () => {
  it('sync waits (no request at all), access export and erasure refuse; after unlock the outbox goes out in clear', async () => {
    const { syncOnce } = await import('../../../lib/sync/client/engine');
    const { exportPerson, erasePerson } = await import('../../../lib/gdpr');
    const { c } = await seed();
    await enableEncryption(PASS);
    await lock();
    const sent: string[] = [];
    const fetch = async (_url: string | URL | Request, init?: RequestInit) => {
      sent.push(String(init?.body ?? ''));
      return new Response(JSON.stringify({ cursor: 0, changes: [], more: false, accepted: 0 }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    };
    const config = { serverUrl: 'http://carnet.test/', token: 't', fetch: fetch as typeof globalThis.fetch };
    expect(await syncOnce(config)).toEqual({ ok: false, error: 'locked', retryInMs: null });
    expect(sent).toEqual([]);
    await expect(exportPerson(c.id)).rejects.toBeInstanceOf(LockedError);
    await expect(erasePerson(c.id)).rejects.toBeInstanceOf(LockedError);
    expect(await getLive('contacts', c.id)).toBeDefined();

    await unlock(PASS);
    expect((await exportPerson(c.id)).json).toContain('Moved to Lyon');
    await syncOnce(config);
    const pushed = sent.find((b) => b.includes('mutations')) ?? '';
    expect(pushed).toContain('Discussed the divorce');
    expect(pushed).toContain('+33 1 02 03 04 05');
    expect(pushed).not.toContain('enc:v1:');
  });
});
