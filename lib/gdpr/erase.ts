import { uuidv7 } from 'uuidv7';
import { clock } from '../clock/hlc';
import { getDb, type OutboxEntry } from '../db/db';
import { enqueue, fromStored, toStored, NotFoundError, deleteEntry } from '../db/write';
import { ENTITY_NAMES, type Contact, type EntityName } from '../schema';
import { suppressionHash } from './suppression';
import { requireUnlocked } from '../crypto/state';
import { lenientRecord } from '../sync/shared/validate';

export interface ErasureReport {
  /** Records deleted (tombstoned with their personal fields cleared), per table. */
  deleted: Partial<Record<EntityName, number>>;
  /** Records kept but unlinked or scrubbed (shared interactions, orders, deals, scores), per table. */
  scrubbed: Partial<Record<string, number>>;
  auditEntriesCleared: number;
  outboxEntriesRemoved: number;
  suppressions: number;
}

const ERASED = '[erased]';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The person's identifying strings, longest first so "Hélène Dupont" is replaced before "Dupont". */
function personalStrings(c: Contact): string[] {
  const full = `${c.firstName} ${c.lastName}`.trim();
  const out = [full, ...c.emails, ...c.phones, c.linkedinUrl ?? '', c.lastName, c.firstName].map((s) => s.trim()).filter((s) => s.length >= 2);
  return [...new Set(out)].sort((a, b) => b.length - a.length);
}

function scrubText(text: string, needles: string[]): string {
  let out = text;
  for (const n of needles) out = out.replace(new RegExp(escapeRe(n), 'giu'), ERASED);
  return out;
}

function mentions(value: unknown, needles: string[], ids: Set<string>): boolean {
  const s = JSON.stringify(value).toLowerCase();
  return needles.some((n) => s.includes(n.toLowerCase())) || [...ids].some((id) => s.includes(id));
}

/** Tombstone fields per table: what stays of a deleted record is its id, stamps and required placeholders. */
function tombstone(name: EntityName, row: Record<string, unknown>, stamp: string): Record<string, unknown> {
  const base = { id: row.id, createdAt: row.createdAt, updatedAt: stamp, deletedAt: stamp };
  switch (name) {
    case 'contacts':
      return {
        ...base,
        accountId: null,
        firstName: '',
        lastName: '',
        emails: [],
        phones: [],
        linkedinUrl: null,
        title: null,
        language: null,
        birthday: null,
        tags: [],
        consent: [],
        doNotContact: true,
        owner: null,
        custom: {},
        notes: null,
      };
    case 'interactions':
      return {
        ...base,
        accountId: row.accountId,
        contactIds: [],
        channel: row.channel,
        direction: row.direction,
        occurredAt: row.occurredAt,
        subject: '',
        summary: null,
        source: null,
        outcome: null,
        sentiment: null,
        ticketStatus: null,
        durationMinutes: null,
      };
    case 'surveys':
      return { ...base, accountId: row.accountId, contactId: null, kind: row.kind, score: row.score, comment: null, respondedAt: row.respondedAt };
    case 'tasks':
      return {
        ...base,
        accountId: row.accountId,
        contactId: null,
        title: ERASED,
        notes: null,
        dueAt: null,
        status: row.status,
        doneAt: null,
        remindedAt: null,
        actionType: row.actionType ?? null,
        owner: null,
      };
    case 'feedback':
      return { ...base, accountId: row.accountId, contactId: null, actionType: row.actionType, outcome: row.outcome, at: row.at, snoozeUntil: null };
    case 'workflowRuns':
      return {
        ...base,
        rule: row.rule,
        key: `${row.rule}|erased|${row.id}`,
        accountId: row.accountId,
        contactId: null,
        period: 'erased',
        outcome: row.outcome,
        at: row.at,
        taskId: null,
      };
    case 'enrolments':
      // contactId is the erased contact's own tombstone id; the rest of the enrolment goes
      return {
        ...base,
        sequenceId: row.sequenceId,
        contactId: row.contactId,
        accountId: row.accountId,
        enrolledAt: row.enrolledAt,
        status: 'stopped',
        stopReason: 'objected',
        stoppedAt: row.stoppedAt ?? row.enrolledAt,
        stopDetail: null,
        taskIds: [],
      };
    default:
      return { ...row, ...base };
  }
}

function allFieldsClock(rec: Record<string, unknown>, stamp: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(rec)) if (!['id', 'createdAt', 'updatedAt', 'deletedAt', 'fieldClock'].includes(k)) out[k] = stamp;
  return out;
}

/**
 * Right to erasure (art. 17). In one transaction:
 * - the contact becomes a tombstone with every personal field cleared (so sync propagates the delete);
 * - interactions only about them, their survey answers, tasks and action feedback are tombstoned and cleared;
 * - interactions shared with other people lose them from contactIds, and their name, e-mails and phones are
 *   replaced by "[erased]" in subject and summary;
 * - orders and deals (the account's business records) are kept, unlinked from them (contactId null);
 * - template uses are kept for the reply rates, unlinked from them (no contact, no thread, no reply record id);
 * - next-best-actions naming them are dropped from the account's score;
 * - audit entries about erased records, or quoting their data, lose their values; pending outbox entries about
 *   them are removed (then the deletes and scrubs are queued when sync is on);
 * - a suppression (SHA-256 of each e-mail and of the LinkedIn URL) lets recognition refuse to recreate them.
 */
export async function erasePerson(contactId: string, now = new Date()): Promise<ErasureReport> {
  const db = getDb();
  const stored = fromStored(await db.contacts.get(contactId)) as Record<string, unknown> | undefined;
  if (!stored) throw new NotFoundError('contacts', contactId);
  // Any stored shape can be erased (a record synced from an older version may lack a field): read it with defaults.
  const contact = lenientRecord('contacts', stored) as unknown as Contact;
  // Scrubbing their phones and name out of shared notes, the audit log and the outbox needs those in clear.
  requireUnlocked();
  const needles = personalStrings(contact);
  const hashes = (await Promise.all([...contact.emails, contact.linkedinUrl ?? ''].map(suppressionHash))).filter((h): h is string => !!h);
  const report: ErasureReport = { deleted: {}, scrubbed: {}, auditEntriesCleared: 0, outboxEntriesRemoved: 0, suppressions: 0 };
  const tables = [...ENTITY_NAMES.map((n) => db.table(n)), db.outbox, db.meta, db.audit, db.suppressions, db.scores];

  await db.transaction('rw', tables, async () => {
    const erasedIds = new Set<string>([contactId]);
    const changed: { name: EntityName; rec: Record<string, unknown>; deleted: boolean; fields: string[] }[] = [];
    const del = (name: EntityName) => (report.deleted[name] = (report.deleted[name] ?? 0) + 1);
    const scrub = (name: string) => (report.scrubbed[name] = (report.scrubbed[name] ?? 0) + 1);

    const c = lenientRecord('contacts', fromStored(await db.contacts.get(contactId))! as unknown as Record<string, unknown>);
    clock.receive(c.updatedAt as string);
    const put = async (name: EntityName, rec: Record<string, unknown>, deleted: boolean, fields: string[]) => {
      await db.table(name).put(toStored(name, rec));
      changed.push({ name, rec, deleted, fields });
    };

    let stamp = clock.tick();
    const contactTomb = tombstone('contacts', c, stamp);
    contactTomb.fieldClock = allFieldsClock(contactTomb, stamp);
    await put('contacts', contactTomb, true, []);
    del('contacts');

    for (const storedRow of await db.interactions.where('contactIds').equals(contactId).toArray()) {
      const r = lenientRecord('interactions', storedRow as unknown as Record<string, unknown>);
      const row = r as unknown as typeof storedRow;
      stamp = clock.tick();
      const others = (row.contactIds ?? []).filter((id) => id !== contactId);
      if (others.length === 0) {
        const t = tombstone('interactions', r, stamp);
        t.fieldClock = allFieldsClock(t, stamp);
        await put('interactions', t, true, []);
        erasedIds.add(row.id);
        del('interactions');
      } else {
        const next: Record<string, unknown> = {
          ...r,
          contactIds: others,
          subject: scrubText(row.subject, needles),
          summary: row.summary ? scrubText(row.summary, needles) : null,
          updatedAt: stamp,
        };
        const fields = ['contactIds', 'subject', 'summary'].filter((k) => JSON.stringify(next[k]) !== JSON.stringify(r[k]));
        next.fieldClock = { ...(row.fieldClock ?? {}), ...Object.fromEntries(fields.map((f) => [f, stamp])) };
        await put('interactions', next, false, fields);
        scrub('interactions');
      }
    }
    const owned: [EntityName, Record<string, unknown>[]][] = [
      ['surveys', await db.surveys.where('contactId').equals(contactId).toArray()],
      ['tasks', await db.tasks.where('contactId').equals(contactId).toArray()],
      ['feedback', await db.feedback.filter((f) => f.contactId === contactId).toArray()],
      ['workflowRuns', await db.workflowRuns.where('contactId').equals(contactId).toArray()],
      ['enrolments', await db.enrolments.where('contactId').equals(contactId).toArray()],
    ];
    for (const [name, rows] of owned) {
      for (const storedRow of rows) {
        const r = lenientRecord(name, storedRow);
        stamp = clock.tick();
        const t = tombstone(name, r, stamp);
        t.fieldClock = allFieldsClock(t, stamp);
        await put(name, t, true, []);
        erasedIds.add(r.id as string);
        del(name);
      }
    }
    const linked: [EntityName, Record<string, unknown>[], string][] = [
      ['orders', await db.orders.where('contactId').equals(contactId).toArray(), 'contactId'],
      ['deals', await db.deals.filter((d) => d.contactId === contactId).toArray(), 'contactId'],
      // Which account brought which stays (the accounts' business); who brought it goes.
      ['referrals', await db.referrals.where('referrerContactId').equals(contactId).toArray(), 'referrerContactId'],
    ];
    for (const [name, rows, field] of linked) {
      for (const storedRow of rows) {
        const r = lenientRecord(name, storedRow);
        stamp = clock.tick();
        const next: Record<string, unknown> = { ...r, [field]: null, updatedAt: stamp, fieldClock: { ...((r.fieldClock as object) ?? {}), [field]: stamp } };
        for (const k of ['notes', 'description', 'note'] as const) if (typeof next[k] === 'string') next[k] = scrubText(next[k], needles);
        await put(
          name,
          next,
          false,
          Object.keys(next).filter((k) => [field, 'notes', 'description', 'note'].includes(k)),
        );
        scrub(name);
      }
    }
    for (const storedRow of await db.templateUses.where('contactId').equals(contactId).toArray()) {
      const r = lenientRecord('templateUses', storedRow as unknown as Record<string, unknown>);
      stamp = clock.tick();
      const fields = ['contactId', 'threadRef', 'replyInteractionId'];
      const next: Record<string, unknown> = {
        ...r,
        contactId: null,
        threadRef: null,
        replyInteractionId: null,
        updatedAt: stamp,
        fieldClock: { ...((r.fieldClock as object) ?? {}), ...Object.fromEntries(fields.map((f) => [f, stamp])) },
      };
      await put('templateUses', next, false, fields);
      scrub('templateUses');
    }
    for (const s of await db.scores.toArray()) {
      const actions = s.actions.filter((a) => a.contactId !== contactId);
      if (actions.length !== s.actions.length) {
        await db.scores.put({ ...s, actions });
        scrub('scores');
      }
    }

    // Audit: keep who-did-what-when, drop the values.
    const audits = await db.audit.toArray();
    for (const a of audits) {
      if ((erasedIds.has(a.recordId) || mentions(a.changes, needles, new Set([contactId]))) && Object.keys(a.changes).length) {
        await db.audit.put({ ...a, changes: {} });
        report.auditEntriesCleared++;
      }
    }
    await db.audit.add({ id: uuidv7(), entity: 'contacts', recordId: contactId, at: clock.tick(), action: 'erase', changes: {} });

    // Outbox: nothing about them may still leave the device.
    const pending: OutboxEntry[] = await db.outbox.toArray();
    const drop = pending.filter(
      (e) => erasedIds.has(e.recordId) || changed.some((c2) => c2.rec.id === e.recordId) || mentions(e.fields, needles, new Set([contactId])),
    );
    await db.outbox.bulkDelete(drop.map((e) => e.seq!));
    report.outboxEntriesRemoved = drop.length;
    await enqueue(
      changed.map(({ name, rec, deleted, fields }) =>
        deleted
          ? // The delete carries the cleared fields, so the server drops the personal values too.
            deleteEntry(name, rec as Record<string, unknown> & { id: string; createdAt: string }, rec.updatedAt as string)
          : {
              entity: name,
              recordId: rec.id as string,
              op: 'upsert' as const,
              fields: Object.fromEntries(fields.map((f) => [f, rec[f]])),
              hlc: rec.updatedAt as string,
            },
      ),
    );

    const erasedAt = now.toISOString();
    await db.suppressions.bulkPut([...new Set(hashes)].map((hash) => ({ hash, erasedAt })));
    report.suppressions = new Set(hashes).size;
  });
  return report;
}
