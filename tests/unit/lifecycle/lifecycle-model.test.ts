import { describe, expect, it } from 'vitest';
import { getDb, insert } from '../../../lib/db';
import { createLifecycleModel } from '../../../lib/panel/models/lifecycle';
import { createEnrolModel } from '../../../lib/panel/models/enrol';
import { enrolmentsOfContact, sequenceRows } from '../../../lib/panel/queries/sequences';
import { riskyAccount } from '../scoreui/fixture';

const NOW = new Date('2026-12-03T10:00:00Z');
const until = async (cond: () => boolean) => {
  for (let i = 0; i < 100 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(cond()).toBe(true);
};

async function template() {
  return insert('templates', { name: 'Relance', category: 'follow_up', variants: [{ id: 'a', label: 'A', fr: { subject: 'Bonjour', body: 'Bonjour' } }] });
}

describe('the Lifecycle screen model', () => {
  it('creates a sequence from the draft; a bad step is refused beside its path and nothing is saved', async () => {
    const tpl = await template();
    const m = createLifecycleModel({ lang: () => 'fr', newSequenceName: () => 'Relance', now: () => NOW });
    await until(() => (m.templates.value?.length ?? 0) === 1 && m.rows.value !== undefined);
    m.newSequence();
    expect(m.draft.value?.steps[0]?.templateId).toBe(tpl.id);
    m.addStep();
    m.changeStep(1, { delayDays: Number.NaN });
    expect(await m.save()).toBeNull();
    expect(Object.keys(m.errors.value)).toContain('steps.1.delayDays');
    expect(await getDb().sequences.count()).toBe(0);
    m.changeStep(1, { delayDays: 4, note: '  ' });
    m.moveStep(1, -1);
    const saved = await m.save();
    expect(saved?.steps.map((s) => s.delayDays)).toEqual([4, 0]);
    expect(saved?.steps[0]?.note).toBeNull();
    expect(m.draft.value).toBeNull();
    await until(() => m.rows.value?.length === 1);
    await m.setArchived(saved!.id, true);
    expect((await sequenceRows())[0]?.sequence.archived).toBe(true);
    m.dispose();
  });

  it('a contact is enrolled from their card, refused a second time with the reason, and stopped by hand', async () => {
    const tpl = await template();
    const { contact } = await riskyAccount('Acme', NOW, 'allowed');
    const lm = createLifecycleModel({ lang: () => 'en', newSequenceName: () => 'Follow-up', now: () => NOW });
    await until(() => lm.templates.value?.length === 1);
    lm.newSequence();
    await lm.save();
    const m = createEnrolModel({ contactId: contact.id, lang: () => 'en', now: () => NOW });
    await until(() => m.sequences.value?.length === 1);
    expect(await m.enrol()).toBe(true);
    expect(await m.enrol()).toBe(false);
    expect(m.refusal.value).toBe('already_enrolled');
    const [row] = await enrolmentsOfContact(contact.id);
    expect(row?.next?.index).toBe(0);
    expect(row?.sequenceName).toBe('Follow-up');
    await m.stop(row!.enrolment.id);
    const [after] = await enrolmentsOfContact(contact.id);
    expect(after?.enrolment).toMatchObject({ status: 'stopped', stopReason: 'manual' });
    expect(after?.steps.every((s) => s.status === 'removed')).toBe(true);
    expect(tpl.id).toBeTruthy();
    m.dispose();
    lm.dispose();
  });

  it('a contact without consent is refused and nothing is written', async () => {
    await template();
    const { contact } = await riskyAccount('Beta', NOW, 'no_consent');
    const lm = createLifecycleModel({ lang: () => 'en', newSequenceName: () => 'Follow-up', now: () => NOW });
    await until(() => lm.templates.value?.length === 1);
    lm.newSequence();
    await lm.save();
    const m = createEnrolModel({ contactId: contact.id, lang: () => 'en', now: () => NOW });
    await until(() => m.sequences.value?.length === 1);
    expect(await m.enrol()).toBe(false);
    expect(m.refusal.value).toBe('no_consent');
    expect(await getDb().enrolments.count()).toBe(0);
    m.dispose();
    lm.dispose();
  });
});
