import type { Contact, ContactInput, ConsentEntry } from '../schema';
import { getDb } from './db';
import { fromStored, getLive, remove, update, writeTransaction, NotFoundError } from './write';

const union = <T>(a: T[], b: T[], key: (x: T) => string = String) => {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((x) => !seen.has(key(x)) && seen.add(key(x)))];
};

const consentKey = (e: ConsentEntry) => `${e.purpose}|${e.lawfulBasis}|${e.grantedAt}|${e.withdrawnAt ?? ''}`;

/**
 * The survivor's fields after absorbing a duplicate: emails, phones, tags and the consent ledger are
 * unions; empty survivor fields take the duplicate's value; do-not-contact wins if either had it; notes
 * are joined. Pure.
 */
export function mergeContactFields(survivor: Contact, duplicate: Contact): Partial<ContactInput> {
  const pick = <K extends keyof Contact>(k: K) => (survivor[k] == null || survivor[k] === '' ? duplicate[k] : survivor[k]);
  const notes = [survivor.notes, duplicate.notes].filter((n): n is string => !!n && n.trim() !== '');
  return {
    firstName: pick('firstName'),
    lastName: pick('lastName'),
    accountId: pick('accountId'),
    linkedinUrl: pick('linkedinUrl'),
    title: pick('title'),
    language: pick('language'),
    birthday: pick('birthday'),
    owner: pick('owner'),
    emails: union(survivor.emails, duplicate.emails),
    phones: union(survivor.phones, duplicate.phones, (p) => p.replace(/[^\d+]/g, '')),
    tags: union(survivor.tags, duplicate.tags, (t) => t.toLowerCase()),
    consent: union(survivor.consent, duplicate.consent, consentKey),
    doNotContact: survivor.doNotContact || duplicate.doNotContact,
    custom: { ...duplicate.custom, ...survivor.custom },
    notes: notes.length ? [...new Set(notes)].join('\n\n').slice(0, 20000) : null,
  };
}

export interface MergeResult {
  survivor: Contact;
  moved: { interactions: number; tasks: number; surveys: number; feedback: number; deals: number; orders: number; templateUses: number };
}

/**
 * Merges a duplicate contact into the survivor in one transaction: every interaction, task, survey answer,
 * action feedback, deal, order and template use that pointed at the duplicate now points at the survivor; the survivor's
 * fields absorb the duplicate's (mergeContactFields); the duplicate is tombstoned.
 */
export async function mergeContacts(survivorId: string, duplicateId: string): Promise<MergeResult> {
  if (survivorId === duplicateId) throw new Error('cannot merge a contact with itself');
  return writeTransaction(['contacts', 'interactions', 'tasks', 'surveys', 'feedback', 'deals', 'orders', 'templateUses'], async () => {
    const survivor = await getLive('contacts', survivorId);
    const duplicate = await getLive('contacts', duplicateId);
    if (!survivor) throw new NotFoundError('contacts', survivorId);
    if (!duplicate) throw new NotFoundError('contacts', duplicateId);
    const db = getDb();
    const moved = { interactions: 0, tasks: 0, surveys: 0, feedback: 0, deals: 0, orders: 0, templateUses: 0 };
    for (const i of await db.interactions.where('contactIds').equals(duplicateId).toArray()) {
      if (i.deletedAt) continue;
      const ids = [...new Set(i.contactIds.map((id) => (id === duplicateId ? survivorId : id)))];
      await update('interactions', i.id, { contactIds: ids });
      moved.interactions++;
    }
    const repoint = async (name: 'tasks' | 'surveys' | 'deals' | 'orders' | 'feedback' | 'templateUses', rows: { id: string; deletedAt: string | null }[]) => {
      for (const r of rows) {
        if (r.deletedAt) continue;
        await update(name, r.id, { contactId: survivorId });
        moved[name]++;
      }
    };
    await repoint('tasks', await db.tasks.where('contactId').equals(duplicateId).toArray());
    await repoint('surveys', await db.surveys.where('contactId').equals(duplicateId).toArray());
    await repoint('orders', await db.orders.where('contactId').equals(duplicateId).toArray());
    await repoint(
      'deals',
      await db.deals
        .toCollection()
        .filter((d) => d.contactId === duplicateId)
        .toArray(),
    );
    await repoint(
      'feedback',
      await db.feedback
        .toCollection()
        .filter((f) => f.contactId === duplicateId)
        .toArray(),
    );
    await repoint('templateUses', await db.templateUses.where('contactId').equals(duplicateId).toArray());
    const patch = mergeContactFields(fromStored(survivor), fromStored(duplicate));
    // The duplicate's emails move to the survivor: tombstone it first so no two live contacts share them.
    await remove('contacts', duplicateId);
    const merged = await update('contacts', survivorId, patch);
    return { survivor: merged, moved };
  });
}
