import { describe, expect, it } from 'vitest';
import { getDb, insert, update } from '../../../lib/db';
import { createSequence, enrolContact, evaluateEnrolments, stopEnrolment, EnrolRefusedError } from '../../../lib/panel/commands/sequences';
import { riskyAccount } from '../scoreui/fixture';

const NOW = new Date('2026-12-03T10:00:00Z');
const later = (days: number) => new Date(NOW.getTime() + days * 86_400_000);

async function setup() {
  const { account, contact } = await riskyAccount('Acme', NOW, 'allowed');
  const tpl = await insert('templates', {
    name: 'Relance',
    category: 'follow_up',
    variants: [{ id: 'a', label: 'A', fr: { subject: 'Bonjour', body: 'Bonjour {{firstName}}' } }],
  });
  const seq = await createSequence({
    name: 'Relance devis',
    steps: [
      { templateId: tpl.id, delayDays: 0 },
      { templateId: tpl.id, delayDays: 3, note: 'Appeler' },
    ],
  });
  return { account, contact, seq, tpl };
}

describe('sequence commands', () => {
  it('enrolling creates one dated task per step and the enrolment, and refuses a second active one', async () => {
    const { contact, seq } = await setup();
    const e = await enrolContact(seq.id, contact.id, NOW, 'fr');
    expect(e.status).toBe('active');
    const tasks = await getDb().tasks.bulkGet(e.taskIds);
    expect(tasks.map((t) => t?.dueAt)).toEqual([NOW.toISOString(), later(3).toISOString()]);
    expect(tasks[1]?.title).toContain('Relance devis');
    expect(tasks[1]?.title).toContain('2/2');
    expect(tasks[1]?.notes).toBe('Appeler');
    await expect(enrolContact(seq.id, contact.id, NOW, 'fr')).rejects.toBeInstanceOf(EnrolRefusedError);
  });

  it('refuses a do-not-contact contact and writes nothing', async () => {
    const { seq } = await setup();
    const { contact } = await riskyAccount('Beta', NOW, 'do_not_contact');
    const before = await getDb().tasks.count();
    await expect(enrolContact(seq.id, contact.id, NOW, 'en')).rejects.toMatchObject({ reason: 'no_consent' });
    expect(await getDb().tasks.count()).toBe(before);
    expect(await getDb().enrolments.count()).toBe(0);
  });

  it('a reply logged after enrolling stops it on the next evaluation; its open tasks go, done ones stay', async () => {
    const { account, contact, seq } = await setup();
    const e = await enrolContact(seq.id, contact.id, NOW, 'en');
    await update('tasks', e.taskIds[0]!, { status: 'done', doneAt: later(0.1).toISOString() });
    expect(await evaluateEnrolments(later(1))).toEqual({ stopped: 0, finished: 0, active: 1 });
    const reply = await insert('interactions', {
      accountId: account.id,
      contactIds: [contact.id],
      channel: 'email',
      direction: 'inbound',
      occurredAt: later(1.5).toISOString(),
    });
    expect((await evaluateEnrolments(later(2))).stopped).toBe(1);
    const after = await getDb().enrolments.get(e.id);
    expect(after).toMatchObject({ status: 'stopped', stopReason: 'replied', stopDetail: reply.id });
    expect((await getDb().tasks.get(e.taskIds[0]!))?.deletedAt).toBeNull();
    expect((await getDb().tasks.get(e.taskIds[1]!))?.deletedAt).not.toBeNull();
  });

  it('stops on churn and on do-not-contact; finishes when all steps are done; a manual stop is kept', async () => {
    const { account, contact, seq } = await setup();
    const e = await enrolContact(seq.id, contact.id, NOW, 'en');
    await update('accounts', account.id, { lifecycleStage: 'churned', churnedAt: '2026-12-04' });
    await evaluateEnrolments(later(2));
    expect((await getDb().enrolments.get(e.id))?.stopReason).toBe('churned');

    const other = await riskyAccount('Gamma', NOW, 'allowed');
    const e2 = await enrolContact(seq.id, other.contact.id, NOW, 'en');
    await update('contacts', other.contact.id, { doNotContact: true });
    await evaluateEnrolments(later(1));
    expect((await getDb().enrolments.get(e2.id))?.stopReason).toBe('objected');

    const third = await riskyAccount('Delta', NOW, 'allowed');
    const e3 = await enrolContact(seq.id, third.contact.id, NOW, 'en');
    for (const id of e3.taskIds) await update('tasks', id, { status: 'done', doneAt: later(1).toISOString() });
    await evaluateEnrolments(later(4));
    expect((await getDb().enrolments.get(e3.id))?.status).toBe('finished');

    const fourth = await riskyAccount('Epsilon', NOW, 'allowed');
    const e4 = await enrolContact(seq.id, fourth.contact.id, NOW, 'en');
    expect((await stopEnrolment(e4.id, 'manual', null, later(1)))?.status).toBe('stopped');
    expect(await stopEnrolment(e4.id, 'replied', null, later(2))).toBeNull();
  });

  it('refuses an invalid sequence with a validation error', async () => {
    await expect(createSequence({ name: ' ', steps: [] })).rejects.toThrow();
  });
});
