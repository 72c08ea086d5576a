import { describe, it, expect } from 'vitest';
import { insert, getDb, getLive, findContactByEmail } from '../../../lib/db';
import { mergeContacts, mergeContactFields } from '../../../lib/db/merge';
import { Contact } from '../../../lib/schema';

const base = { id: '01890000-0000-7000-8000-000000000001', createdAt: '2026-01-01T00:00:00.000Z-0000-node1', updatedAt: '2026-01-01T00:00:00.000Z-0000-node1' };
const grant = (purpose: 'marketing' | 'support', withdrawnAt: string | null = null) => ({
  purpose,
  lawfulBasis: 'consent' as const,
  grantedAt: '2025-01-01T00:00:00Z',
  source: 'form',
  withdrawnAt,
});

describe('mergeContactFields (pure)', () => {
  it('unions emails, phones, tags and consent; fills empty fields; keeps do-not-contact; joins notes', () => {
    const a = Contact.parse({
      ...base,
      firstName: 'Ana',
      lastName: '',
      emails: ['ana@acme.fr'],
      phones: ['+33 1 23 45 67 89'],
      tags: ['VIP'],
      consent: [grant('marketing')],
      notes: 'met at fair',
    });
    const b = Contact.parse({
      ...base,
      firstName: 'Ana',
      lastName: 'Lima',
      emails: ['ana@acme.fr', 'ana.lima@acme.fr'],
      phones: ['+33123456789', '+33 6 00 00 00 00'],
      tags: ['vip', 'beta'],
      consent: [grant('marketing'), grant('support')],
      doNotContact: true,
      title: 'CFO',
      notes: 'prefers email',
    });
    const m = mergeContactFields(a, b);
    expect(m.lastName).toBe('Lima');
    expect(m.title).toBe('CFO');
    expect(m.emails).toEqual(['ana@acme.fr', 'ana.lima@acme.fr']);
    expect(m.phones).toEqual(['+33 1 23 45 67 89', '+33 6 00 00 00 00']);
    expect(m.tags).toEqual(['VIP', 'beta']);
    expect(m.consent?.map((c) => c.purpose)).toEqual(['marketing', 'support']);
    expect(m.doNotContact).toBe(true);
    expect(m.notes).toBe('met at fair\n\nprefers email');
  });
});

describe('mergeContacts', () => {
  it('moves every interaction, task, survey and feedback to the survivor and tombstones the duplicate', async () => {
    const account = await insert('accounts', { name: 'Acme', domains: ['acme.fr'] });
    const keep = await insert('contacts', { firstName: 'Ana', lastName: 'Lima', emails: ['ana@acme.fr'], accountId: account.id });
    const dup = await insert('contacts', { firstName: 'A.', lastName: 'Lima', emails: ['a.lima@acme.fr'], tags: ['beta'], accountId: account.id });
    const other = await insert('contacts', { firstName: 'Bob', lastName: 'Roy', emails: ['bob@acme.fr'] });
    const both = await insert('interactions', {
      channel: 'meeting',
      occurredAt: '2026-01-01T10:00:00Z',
      contactIds: [keep.id, dup.id, other.id],
      accountId: account.id,
    });
    const onlyDup = await insert('interactions', { channel: 'email', occurredAt: '2026-01-02T10:00:00Z', contactIds: [dup.id], accountId: account.id });
    const task = await insert('tasks', { title: 'Call', contactId: dup.id });
    const survey = await insert('surveys', { contactId: dup.id, kind: 'csat', score: 4, respondedAt: '2026-01-03T00:00:00Z' });
    const fb = await insert('feedback', { contactId: dup.id, actionType: 'call', outcome: 'accepted', at: '2026-01-03T00:00:00Z' });

    const r = await mergeContacts(keep.id, dup.id);
    expect(r.moved).toMatchObject({ interactions: 2, tasks: 1, surveys: 1, feedback: 1 });
    expect((await getLive('interactions', both.id))?.contactIds).toEqual([keep.id, other.id]);
    expect((await getLive('interactions', onlyDup.id))?.contactIds).toEqual([keep.id]);
    expect((await getLive('tasks', task.id))?.contactId).toBe(keep.id);
    expect((await getLive('surveys', survey.id))?.contactId).toBe(keep.id);
    expect((await getLive('feedback', fb.id))?.contactId).toBe(keep.id);
    expect(await getLive('contacts', dup.id)).toBeUndefined();
    expect((await getDb().contacts.get(dup.id))?.deletedAt).not.toBeNull();
    expect((await findContactByEmail('a.lima@acme.fr'))?.id).toBe(keep.id);
    expect(r.survivor.tags).toEqual(['beta']);
    expect((await getDb().interactions.toArray()).filter((i) => !i.deletedAt)).toHaveLength(2);
  });

  it('refuses merging a contact with itself or a missing one, changing nothing', async () => {
    const a = await insert('contacts', { firstName: 'A', lastName: 'B', emails: ['a@b.fr'] });
    await expect(mergeContacts(a.id, a.id)).rejects.toThrow(/itself/);
    await expect(mergeContacts(a.id, '01890000-0000-7000-8000-00000000dead')).rejects.toThrow(/not found/);
    expect(await getLive('contacts', a.id)).toBeDefined();
  });
});
