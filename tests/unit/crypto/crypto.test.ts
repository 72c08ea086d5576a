import { describe, it, expect, beforeEach } from 'vitest';
import { insert, getDb } from '../../../lib/db';
import {
  enableEncryption, unlock, lock, isUnlocked, encryptField, decryptField, encryptionEnabled, WrongPassphraseError,
  LockedError, decryptRecordFields, encryptRecordFields, CRYPTO_META_KEY, PBKDF2_ITERATIONS,
} from '../../../lib/crypto';

describe('at-rest field encryption', () => {
  beforeEach(() => lock());

  it('enables, encrypts sensitive fields only, detects a wrong passphrase and unlocks with the right one', async () => {
    const c = await insert('contacts', { firstName: 'Hélène', lastName: 'Dupont', emails: ['h@acme.fr'], phones: ['+33 1 02 03 04 05'], notes: 'Allergic to peanuts' });
    const i = await insert('interactions', { channel: 'call', occurredAt: '2026-01-01T00:00:00.000Z', subject: 'Call', summary: 'Discussed the divorce' });
    const before = await getDb().contacts.get(c.id);
    expect(await encryptionEnabled()).toBe(false);
    await expect(enableEncryption('short')).rejects.toThrow(/at least 8/);
    const { encrypted } = await enableEncryption('correct horse battery staple');
    expect(encrypted).toMatchObject({ contacts: 1, interactions: 1, accounts: 0 });
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(310_000);
    const stored = (await getDb().contacts.get(c.id))!;
    expect(stored.notes).toMatch(/^enc:v1:/);
    expect(stored.notes).not.toContain('peanuts');
    // Names, e-mails, search tokens and stamps are untouched.
    expect({ ...stored, notes: null }).toEqual({ ...before, notes: null });
    expect((await getDb().interactions.get(i.id))?.summary).toMatch(/^enc:v1:/);
    expect(await getDb().outbox.count()).toBe(0);

    lock();
    expect(isUnlocked()).toBe(false);
    await expect(decryptField(stored.notes)).rejects.toBeInstanceOf(LockedError);
    const metaBefore = await getDb().meta.get(CRYPTO_META_KEY);
    await expect(unlock('wrong horse')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(isUnlocked()).toBe(false);
    expect(await getDb().meta.get(CRYPTO_META_KEY)).toEqual(metaBefore);
    expect((await getDb().contacts.get(c.id))?.notes).toBe(stored.notes);
    await unlock('correct horse battery staple');
    expect(await decryptField(stored.notes)).toBe('Allergic to peanuts');
    expect((await decryptRecordFields('interactions', (await getDb().interactions.get(i.id))!)).summary).toBe('Discussed the divorce');
    await expect(enableEncryption('another passphrase')).rejects.toThrow(/already enabled/);
  });

  it('fresh IV per encryption, round trip, tamper detection, clear text passes through', async () => {
    await enableEncryption('passphrase-123');
    const a = await encryptField('same text');
    const b = await encryptField('same text');
    expect(a).not.toBe(b);
    expect(await decryptField(a)).toBe('same text');
    expect(await encryptField(a)).toBe(a);
    expect(await encryptField(null)).toBeNull();
    expect(await decryptField('plain old note')).toBe('plain old note');
    const tampered = a!.slice(0, -4) + (a!.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await expect(decryptField(tampered)).rejects.toThrow();
    const rec = await encryptRecordFields('tasks', { title: 'T', notes: 'secret' });
    expect(rec.title).toBe('T');
    expect(await decryptField(rec.notes)).toBe('secret');
  });
});
