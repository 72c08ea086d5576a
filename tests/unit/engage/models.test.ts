import { describe, it, expect, vi } from 'vitest';
import { getDb, insert } from '../../../lib/db';
import { createTemplatePickerModel } from '../../../lib/panel/models/template-picker';
import { createTemplatesModel } from '../../../lib/panel/models/templates';
import { saveEngageSettings } from '../../../lib/storage/engage';
import { starterId } from '../../../lib/engage/starters';
import type { DeliverDeps } from '../../../lib/panel/commands/insert-template';
import { riskyAccount } from '../scoreui/fixture';

const NOW = new Date('2026-12-03T10:00:00Z');

async function until<T>(read: () => T | null | undefined | false, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = read();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const deps = (): DeliverDeps & { sendToTab: ReturnType<typeof vi.fn> } => ({
  sendToTab: vi.fn(async () => ({ ok: true, site: 'outlook', kind: 'compose', atCursor: false, subjectSet: true })),
  openTab: vi.fn(async () => undefined),
  copy: vi.fn(async () => undefined),
});
const tab = { id: 4, url: 'https://outlook.office.com/mail/deeplink/compose', context: null };

describe('template picker model', () => {
  it('seeds the starters, prepares the first template for the contact, inserts it and records the use', async () => {
    await saveEngageSettings({ myName: 'Camille Martin' });
    const { contact } = await riskyAccount('Acme', NOW, 'allowed', 'en');
    const d = deps();
    const m = createTemplatePickerModel({ contactId: contact.id, uiLang: () => 'en', tab: () => tab, deliverDeps: d, now: () => NOW, category: 'welcome' });
    await m.ready;
    const p = await until(() => m.prepared.value);
    expect(p.template.id).toBe(starterId('welcome'));
    expect(p.body.endsWith('Camille Martin')).toBe(true);
    expect(m.visible.value.every((r) => r.template.category === 'welcome')).toBe(true);
    const delivery = await m.insert();
    expect(delivery).toEqual({ how: 'inserted', site: 'outlook', kind: 'compose', atCursor: false, subjectSet: true });
    expect(m.delivery.value).toEqual(delivery);
    expect(await getDb().templateUses.count()).toBe(1);
    m.dispose();
  });

  it('switching the language or the template prepares it again; an error is shown, not thrown', async () => {
    const { contact } = await riskyAccount('Acme', NOW, 'do_not_contact', 'en');
    const m = createTemplatePickerModel({ contactId: contact.id, uiLang: () => 'en', tab: () => tab, deliverDeps: deps(), now: () => NOW });
    await m.ready;
    await until(() => m.prepared.value);
    m.select(starterId('welcome'));
    await until(() => m.prepared.value?.template.id === starterId('welcome'));
    m.select(starterId('birthday'));
    // the first template's preview goes at once: never shown under the newly chosen one
    expect(m.prepared.value).toBeNull();
    m.setLang('fr');
    const p = await until(() => m.prepared.value?.template.id === starterId('birthday') && m.prepared.value.lang === 'fr' && m.prepared.value);
    expect(p.subject).toBe('Joyeux anniversaire, Hélène !');
    expect(await m.insert()).toBeNull();
    expect(m.error.value).toBe('do_not_contact');
    m.dispose();
  });
});

describe('templates screen model', () => {
  it('edits a draft, previews it with a contact’s values and warnings, saves; a delete asks first', async () => {
    const { contact } = await riskyAccount('Acme', NOW, 'allowed', 'fr');
    const m = createTemplatesModel({ uiLang: () => 'fr', pageContactId: () => contact.id, newTemplateName: () => 'Nouveau modèle', now: () => NOW });
    await m.ready;
    await until(() => m.rows.value?.length);
    const t = await m.create('follow_up');
    await until(() => m.selected.value?.id === t.id && m.draft.value);
    m.editVariant('a', 'fr', 'subject', 'Point sur {{company}}');
    m.editVariant('a', 'fr', 'body', 'Bonjour {{firstName}}, votre renouvellement est le {{renewalDate}}. {{loyaltyTier}}');
    expect(m.dirty.value).toBe(true);
    const pv = await until(() => m.recipient.value && m.preview.value);
    expect(pv.subject).toBe('Point sur Acme');
    expect(pv.body).toMatch(/^Bonjour Hélène, votre renouvellement est le \d+ \S+ 2026\.$/);
    expect(pv.issues).toEqual([{ field: 'loyaltyTier', kind: 'empty', shows: '' }]);
    expect(await m.save()).toBe(true);
    expect(m.dirty.value).toBe(false);
    expect((await getDb().templates.get(t.id))!.variants[0]!.fr.subject).toBe('Point sur {{company}}');
    m.rename('');
    expect(await m.save()).toBe(false);
    expect(m.saveError.value).toMatch(/name/);
    m.revert();
    m.confirmDelete.value = t.id;
    await m.deleteConfirmed();
    expect((await getDb().templates.get(t.id))!.deletedAt).not.toBeNull();
    expect(m.selectedId.value).toBeNull();
    m.dispose();
  });

  it('shows the A/B results of the selected template and records the replies it finds', async () => {
    const { account, contact } = await riskyAccount('Acme', NOW, 'allowed', 'en');
    const m = createTemplatesModel({ uiLang: () => 'en', pageContactId: () => null, newTemplateName: () => 'New', now: () => NOW });
    await m.ready;
    await until(() => m.rows.value?.length);
    const id = starterId('renewal');
    const use = await insert('templateUses', {
      templateId: id,
      variantId: 'b',
      testId: 'starter',
      contactId: contact.id,
      accountId: account.id,
      lang: 'en',
      usedAt: '2026-12-01T10:00:00.000Z',
      how: 'inserted',
      site: 'gmail',
    });
    await insert('interactions', {
      accountId: account.id,
      contactIds: [contact.id],
      channel: 'email',
      direction: 'inbound',
      occurredAt: '2026-12-02T10:00:00.000Z',
    });
    m.select(id);
    const r = await until(() => m.results.value?.test && m.results.value);
    expect(r.test!.variants.map((v) => [v.variantId, v.uses, v.replies])).toEqual([
      ['a', 0, 0],
      ['b', 1, 1],
    ]);
    await until(() => m.results.value?.unrecorded.length === 0);
    expect((await getDb().templateUses.get(use.id))!.repliedAt).toBe('2026-12-02T10:00:00.000Z');
    m.confirmStop.value = 'b';
    await m.stopConfirmed();
    expect((await getDb().templates.get(id))!.abTest).toMatchObject({ status: 'stopped', winnerVariantId: 'b' });
    m.dispose();
  });
});
