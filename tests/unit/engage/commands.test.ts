import { describe, it, expect, vi } from 'vitest';
import { getDb, insert, remove, update, SEED_STAMP, SYNC_ENABLED_KEY } from '../../../lib/db';
import {
  ensureStarters,
  addVariant,
  removeVariant,
  stopTest,
  recordReplies,
  logReplyTo,
  removeUse,
  createTemplate,
  blankTemplate,
  saveTemplate,
} from '../../../lib/panel/commands/templates';
import {
  deliver,
  prepareMessage,
  recordUse,
  templateForAction,
  DeliveryBlockedError,
  type DeliverDeps,
  type TargetTab,
  type PreparedMessage,
} from '../../../lib/panel/commands/insert-template';
import { templateResults, templateRows } from '../../../lib/panel/queries/templates';
import { loadRecipient } from '../../../lib/panel/queries/merge-values';
import { composeForAction } from '../../../lib/panel/commands/compose-action';
import { executeAction } from '../../../lib/panel/commands/actions';
import { starterId, STARTER_KEYS } from '../../../lib/engage/starters';
import { saveProgramme } from '../../../lib/panel/commands/loyalty';
import { insertEnvelope } from '../../../lib/messaging/compose-protocol';
import { riskyAccount } from '../scoreui/fixture';

const NOW = new Date('2026-12-03T10:00:00Z');
const sender = { myName: 'Camille Martin', signature: '' };
const RENEWAL = starterId('renewal');
const WELCOME = starterId('welcome');

async function customer(opts: { language?: string; dnc?: boolean; name?: string } = {}) {
  const { account, contact } = await riskyAccount(opts.name ?? 'Acme', NOW, opts.dnc ? 'do_not_contact' : 'allowed', opts.language ?? 'fr');
  await insert('orders', { accountId: account.id, occurredAt: '2026-11-20T09:00:00Z', amount: 1234.5, currency: 'EUR' });
  await insert('orders', { accountId: account.id, occurredAt: '2026-10-01T09:00:00Z', amount: 99, currency: 'EUR' });
  await insert('surveys', { accountId: account.id, contactId: contact.id, kind: 'nps', score: 9, respondedAt: '2026-11-01T09:00:00Z' });
  return { account, contact };
}

function fakeDeps(reply: unknown = { ok: true, site: 'gmail', kind: 'reply', atCursor: true, subjectSet: false }) {
  const deps = {
    sendToTab: vi.fn(async (_tab: number, _m: unknown) => (reply instanceof Error ? Promise.reject(reply) : reply)),
    openTab: vi.fn(async (_url: string) => undefined),
    copy: vi.fn(async (_text: string) => undefined),
  } satisfies DeliverDeps;
  return deps;
}
const gmailTab: TargetTab = {
  id: 7,
  url: 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQXKmVbHnPqRtSwXyZaBcDeFgHj',
  context: { site: 'gmail', kind: 'compose', ref: 'thread-f:1' },
};

describe('starter templates on first use', () => {
  it('seeds once, stamped in the past so any edit or delete elsewhere wins; never again once any template was stored', async () => {
    await getDb().meta.put({ key: SYNC_ENABLED_KEY, value: true });
    expect(await ensureStarters('en', NOW)).toBe(STARTER_KEYS.length);
    expect(await ensureStarters('en', NOW)).toBe(0);
    const rows = await getDb().templates.toArray();
    expect(rows.every((t) => t.createdAt === SEED_STAMP && t.updatedAt === SEED_STAMP)).toBe(true);
    const outbox = await getDb().outbox.toArray();
    expect(outbox.filter((e) => e.entity === 'templates').every((e) => e.hlc === SEED_STAMP)).toBe(true);
    for (const t of rows) await remove('templates', t.id);
    expect(await ensureStarters('en', NOW)).toBe(0);
    expect((await templateRows()).length).toBe(0);
  });

  it('names follow the UI language; the renewal starter runs an A/B test', async () => {
    await ensureStarters('fr', NOW);
    const renewal = await getDb().templates.get(RENEWAL);
    expect(renewal!.name).toBe('Renouvellement du contrat (test A/B)');
    expect(renewal!.abTest).toMatchObject({ status: 'running' });
    expect(renewal!.variants.map((v) => v.id)).toEqual(['a', 'b']);
  });
});

describe('preparing a message for a contact', () => {
  it('fills the fields with the contact’s real values, in their language', async () => {
    await ensureStarters('en', NOW);
    // the 1 234,50 € order holds the programme's first tier (1 000 points)
    await saveProgramme({ tiers: [{ id: 'or', name: 'Or', threshold: 1000 }] });
    const { contact } = await customer({ language: 'fr' });
    const r = await loadRecipient(contact.id, sender, NOW);
    expect(r!.facts).toMatchObject({
      firstName: 'Hélène',
      company: 'Acme',
      accountOwner: 'alice',
      npsScore: 9,
      loyaltyTier: 'Or',
      lastOrderAmount: { amount: 1234.5, currency: 'EUR' },
      lastOrderAt: '2026-11-20T09:00:00Z',
    });
    const p = (await prepareMessage(starterId('win_back'), contact.id, { sender, uiLang: 'en', now: NOW }))!;
    expect(p.lang).toBe('fr');
    expect(p.body).toContain('Votre dernière commande remonte au 20 novembre 2026, il y a 13 jours.');
    expect(p.body.endsWith('Camille Martin')).toBe(true);
    expect(p.issues).toEqual([]);
    expect(p.to).toEqual([contact.emails[0]]);
  });

  it('the loyalty tier is empty until a programme provides it: its fallback is written', async () => {
    await ensureStarters('en', NOW);
    const { contact } = await customer({ language: 'en' });
    const p = (await prepareMessage(starterId('referral'), contact.id, { sender, uiLang: 'en', now: NOW }))!;
    expect(p.body).toContain('As one of our most loyal customers');
    expect(p.body).toContain('Thank you for your feedback (9 out of 10)');
  });

  it('says what is missing for a contact without account data', async () => {
    await ensureStarters('en', NOW);
    const c = await insert('contacts', { firstName: '', lastName: 'Solo', emails: ['solo@example.org'] });
    const p = (await prepareMessage(RENEWAL, c.id, { sender: { myName: '', signature: '' }, uiLang: 'en', now: NOW }))!;
    expect(p.issues.map((i) => i.field).sort()).toEqual(
      p.variantId === 'a' ? ['company', 'renewalDate', 'signature'] : ['company', 'daysToRenewal', 'renewalDate', 'signature'],
    );
    expect(p.body.startsWith('Hello there,')).toBe(true);
    expect(p.consentMissing).toBe(true);
  });

  it('A/B: new contacts are balanced across variants, and each keeps theirs', async () => {
    await ensureStarters('en', NOW);
    const a = await customer({ name: 'One' });
    const b = await customer({ name: 'Two' });
    const pa = (await prepareMessage(RENEWAL, a.contact.id, { sender, uiLang: 'en', now: NOW }))!;
    await recordUse(pa, { how: 'inserted', site: 'gmail', kind: 'reply', atCursor: true, subjectSet: false }, gmailTab, { now: NOW });
    const pb = (await prepareMessage(RENEWAL, b.contact.id, { sender, uiLang: 'en', now: NOW }))!;
    expect(pb.variantId).not.toBe(pa.variantId);
    expect(pa.testId).toBe('starter');
    const again = (await prepareMessage(RENEWAL, a.contact.id, { sender, uiLang: 'en', now: NOW }))!;
    expect(again.variantId).toBe(pa.variantId);
  });

  it('a do-not-contact contact is never written to', async () => {
    await ensureStarters('en', NOW);
    const { contact } = await customer({ dnc: true });
    const p = (await prepareMessage(WELCOME, contact.id, { sender, uiLang: 'en', now: NOW }))!;
    expect(p.doNotContact).toBe(true);
    const deps = fakeDeps();
    await expect(deliver(p, gmailTab, 'auto', deps)).rejects.toBeInstanceOf(DeliveryBlockedError);
    expect(deps.sendToTab).not.toHaveBeenCalled();
    expect(deps.openTab).not.toHaveBeenCalled();
  });
});

describe('delivering: into the compose, else a new compose, else the clipboard', () => {
  async function prepared(): Promise<PreparedMessage> {
    await ensureStarters('en', NOW);
    const { contact } = await customer({ language: 'en' });
    return (await prepareMessage(WELCOME, contact.id, { sender, uiLang: 'en', now: NOW }))!;
  }

  it('an open compose in the tab takes it (the typed message carries subject and body)', async () => {
    const p = await prepared();
    const deps = fakeDeps();
    expect(await deliver(p, gmailTab, 'auto', deps)).toEqual({ how: 'inserted', site: 'gmail', kind: 'reply', atCursor: true, subjectSet: false });
    expect(deps.sendToTab).toHaveBeenCalledWith(7, insertEnvelope({ subject: p.subject, body: p.body }));
  });

  it('no compose open: a new Gmail compose in the same account, prefilled', async () => {
    const p = await prepared();
    const deps = fakeDeps({ ok: false, reason: 'no_compose' });
    expect(await deliver(p, gmailTab, 'auto', deps)).toEqual({ how: 'opened_compose', site: 'gmail', reason: 'no_compose' });
    const url = new URL(deps.openTab.mock.calls[0]![0]);
    expect(url.pathname).toBe('/mail/u/1/');
    expect(url.searchParams.get('su')).toBe(p.subject);
    expect(url.searchParams.get('to')).toBe(p.to[0]);
  });

  it('the tab cannot be reached, or answers nonsense: a new compose, saying why', async () => {
    const p = await prepared();
    expect(await deliver(p, gmailTab, 'auto', fakeDeps(new Error('Could not establish connection')))).toMatchObject({
      how: 'opened_compose',
      reason: 'unreachable',
    });
    expect(await deliver(p, gmailTab, 'auto', fakeDeps({ ok: true }))).toMatchObject({ how: 'opened_compose', reason: 'unreachable' });
    expect(await deliver(p, gmailTab, 'auto', fakeDeps('<b>hi</b>'))).toMatchObject({ how: 'opened_compose', reason: 'unreachable' });
  });

  it('not on a mail site: the chosen mail site’s compose; Outlook on an Outlook tab', async () => {
    const p = await prepared();
    const deps = fakeDeps();
    expect(await deliver(p, { id: 3, url: 'https://www.linkedin.com/in/x/', context: null }, 'outlook', deps)).toEqual({
      how: 'opened_compose',
      site: 'outlook',
      reason: 'not_mail',
    });
    expect(deps.sendToTab).not.toHaveBeenCalled();
    expect(deps.openTab.mock.calls[0]![0]).toMatch(/^https:\/\/outlook\.office\.com\/mail\/deeplink\/compose\?to=/);
  });

  it('the clipboard when chosen, or when a new tab cannot be opened', async () => {
    const p = await prepared();
    const deps = fakeDeps();
    expect(await deliver(p, gmailTab, 'clipboard', deps)).toEqual({ how: 'copied', reason: 'chosen' });
    expect(deps.copy).toHaveBeenCalledWith(p.body);
    expect(deps.sendToTab).not.toHaveBeenCalled();
    const failing = { ...fakeDeps({ ok: false, reason: 'no_compose' }), openTab: vi.fn(async () => Promise.reject(new Error('no'))) };
    expect(await deliver(p, gmailTab, 'auto', failing)).toEqual({ how: 'copied', reason: 'open_failed' });
  });

  it('records the use with its thread; inserting again soon is the same use', async () => {
    const p = await prepared();
    const d = { how: 'inserted', site: 'gmail', kind: 'reply', atCursor: true, subjectSet: false } as const;
    const u1 = await recordUse(p, d, gmailTab, { now: NOW });
    expect(u1).toMatchObject({
      templateId: WELCOME,
      contactId: p.contactId,
      accountId: p.accountId,
      how: 'inserted',
      site: 'gmail',
      threadRef: 'thread-f:1',
      lang: 'en',
      testId: null,
    });
    const u2 = await recordUse(p, d, gmailTab, { now: new Date(NOW.getTime() + 60_000) });
    expect(u2.id).toBe(u1.id);
    const u3 = await recordUse(p, d, gmailTab, { now: new Date(NOW.getTime() + 3_600_000) });
    expect(u3.id).not.toBe(u1.id);
    const copied = await recordUse(p, { how: 'copied', reason: 'chosen' }, gmailTab, { now: NOW });
    expect(copied).toMatchObject({ site: null, threadRef: null });
  });
});

describe('A/B tests: variants, stopping, keeping the winner', () => {
  it('a second variant starts a test; removing it stops the test; a used variant is retired, not dropped', async () => {
    const t = await createTemplate(blankTemplate('follow_up', 'Check-in'));
    await saveTemplate(t.id, { variants: [{ ...t.variants[0]!, en: { subject: 'Hi', body: 'Hello {{firstName}}' } }] });
    const two = await addVariant(t.id, NOW);
    expect(two.variants.map((v) => [v.id, v.active])).toEqual([
      ['a', true],
      ['b', true],
    ]);
    expect(two.variants[1]!.en.body).toBe('Hello {{firstName}}');
    expect(two.abTest).toMatchObject({ status: 'running', startedAt: NOW.toISOString() });
    const one = await removeVariant(t.id, 'b', NOW);
    expect(one.variants.map((v) => v.id)).toEqual(['a']);
    expect(one.abTest).toMatchObject({ status: 'stopped', winnerVariantId: 'a' });
    const again = await addVariant(t.id, new Date(NOW.getTime() + 1000));
    expect(again.abTest!.id).not.toBe(two.abTest!.id);
    await insert('templateUses', { templateId: t.id, variantId: 'b', testId: again.abTest!.id, lang: 'en', usedAt: NOW.toISOString(), how: 'copied' });
    const retired = await removeVariant(t.id, 'b', NOW);
    expect(retired.variants.map((v) => [v.id, v.active])).toEqual([
      ['a', true],
      ['b', false],
    ]);
    await expect(removeVariant(t.id, 'a', NOW)).rejects.toThrow();
  });

  it('stopping a test keeps the winner for every later use', async () => {
    await ensureStarters('en', NOW);
    const stopped = await stopTest(RENEWAL, 'b', NOW);
    expect(stopped.abTest).toMatchObject({ status: 'stopped', winnerVariantId: 'b', stoppedAt: NOW.toISOString() });
    expect(stopped.variants.map((v) => v.active)).toEqual([false, true]);
    for (const name of ['x1', 'x2', 'x3']) {
      const { contact } = await customer({ name });
      const p = (await prepareMessage(RENEWAL, contact.id, { sender, uiLang: 'en', now: NOW }))!;
      expect([p.variantId, p.testId]).toEqual(['b', null]);
    }
  });
});

describe('replies and results', () => {
  it('counts replies from logged inbound e-mails, records them on the uses, and keeps them when the e-mail is gone', async () => {
    await ensureStarters('en', NOW);
    const a = await customer({ name: 'Alpha', language: 'en' });
    const b = await customer({ name: 'Beta', language: 'en' });
    const d = { how: 'inserted', site: 'gmail', kind: 'reply', atCursor: true, subjectSet: false } as const;
    const pa = (await prepareMessage(RENEWAL, a.contact.id, { sender, uiLang: 'en', now: NOW }))!;
    const ua = await recordUse(pa, d, { ...gmailTab, context: { site: 'gmail', kind: 'compose', ref: 'thread-f:A' } }, { now: NOW });
    const pb = (await prepareMessage(RENEWAL, b.contact.id, { sender, uiLang: 'en', now: NOW }))!;
    await recordUse(pb, d, { ...gmailTab, context: { site: 'gmail', kind: 'compose', ref: 'thread-f:B' } }, { now: NOW });
    // Alpha answers in the thread two weeks later (beyond the 7-day window: the thread decides)
    const reply = await insert('interactions', {
      accountId: a.account.id,
      contactIds: [a.contact.id],
      channel: 'email',
      direction: 'inbound',
      occurredAt: '2026-12-17T08:00:00.000Z',
      source: { site: 'gmail', ref: 'thread-f:A', url: null },
    });
    let r = (await templateResults(RENEWAL, 7))!;
    expect(r.test!.id).toBe('starter');
    const byVariant = Object.fromEntries(r.test!.variants.map((v) => [v.variantId, [v.uses, v.replies]]));
    expect(byVariant[pa.variantId]).toEqual([1, 1]);
    expect(byVariant[pb.variantId]).toEqual([1, 0]);
    expect(r.test!.analysis.arms.find((x) => x.id === pa.variantId)!.probabilityBest).toBeGreaterThan(0.5);
    expect(r.unrecorded).toEqual([{ useId: ua.id, reply: { interactionId: reply.id, at: '2026-12-17T08:00:00.000Z' } }]);
    expect(await recordReplies(r.unrecorded)).toBe(1);
    expect(await getDb().templateUses.get(ua.id)).toMatchObject({ repliedAt: '2026-12-17T08:00:00.000Z', replyInteractionId: reply.id });
    await remove('interactions', reply.id);
    r = (await templateResults(RENEWAL, 7))!;
    expect(r.recent.find((x) => x.use.id === ua.id)!.reply).toEqual({ interactionId: reply.id, at: '2026-12-17T08:00:00.000Z' });
    expect(r.unrecorded).toEqual([]);
  });

  it('logging a reply by hand counts it, in the use’s thread; undo takes it back; a use not sent leaves the counts', async () => {
    await ensureStarters('en', NOW);
    const { contact } = await customer({ language: 'en' });
    const p = (await prepareMessage(WELCOME, contact.id, { sender, uiLang: 'en', now: NOW }))!;
    const use = await recordUse(p, { how: 'inserted', site: 'gmail', kind: 'reply', atCursor: true, subjectSet: false }, gmailTab, { now: NOW });
    const logged = await logReplyTo(use, 'Reply to “Welcome”', new Date(NOW.getTime() + 86_400_000));
    expect(logged.value).toMatchObject({ direction: 'inbound', channel: 'email', contactIds: [contact.id], source: { site: 'gmail', ref: 'thread-f:1' } });
    expect((await templateResults(WELCOME, 7))!.variants[0]).toMatchObject({ uses: 1, replies: 1 });
    await logged.undo();
    expect((await templateResults(WELCOME, 7))!.variants[0]).toMatchObject({ uses: 1, replies: 0 });
    await removeUse(use.id);
    expect((await templateResults(WELCOME, 7))!.variants[0]).toMatchObject({ uses: 0, replies: 0 });
  });
});

describe('next-best-actions write with the user’s templates', () => {
  it('the action’s category template, into the compose of the tab; feedback recorded; the use names the action', async () => {
    const { account, contact } = await customer({ language: 'en' });
    const deps = fakeDeps({ ok: true, site: 'gmail', kind: 'compose', atCursor: true, subjectSet: true });
    const hook = composeForAction({ tab: () => gmailTab, deps, now: () => NOW });
    const r = await executeAction(account.id, { type: 'ask_nps', contactId: contact.id }, { now: NOW, lang: 'en', composeEmail: hook });
    expect(r.kind).toBe('email');
    if (r.kind !== 'email') return;
    expect(r.compose).toMatchObject({ templateName: 'Score request (NPS)', delivery: { how: 'inserted', subjectSet: true } });
    const msg = deps.sendToTab.mock.calls[0]![1] as { payload: { subject: string; body: string } };
    expect(msg.payload.body).toContain('On a scale of 0 to 10');
    expect((await getDb().feedback.toArray())[0]).toMatchObject({ actionType: 'ask_nps', outcome: 'accepted' });
    expect((await getDb().templateUses.toArray())[0]).toMatchObject({ templateId: starterId('nps_request'), actionType: 'ask_nps', contactId: contact.id });
  });

  it('the template used last in the category wins; without any template the built-in text opens Gmail', async () => {
    await ensureStarters('en', NOW);
    const mine = await createTemplate({
      ...blankTemplate('renewal', 'My renewal'),
      variants: [{ id: 'a', label: 'A', active: true, fr: { subject: '', body: '' }, en: { subject: 'Renewal', body: 'Hi {{firstName}}' } }],
    });
    expect((await templateForAction('renewal_proposal'))!.id).toBe(RENEWAL);
    await insert('templateUses', { templateId: mine.id, variantId: 'a', lang: 'en', usedAt: NOW.toISOString(), how: 'copied' });
    expect((await templateForAction('renewal_proposal'))!.id).toBe(mine.id);
    for (const t of await getDb().templates.toArray()) await remove('templates', t.id);
    expect(await templateForAction('renewal_proposal')).toBeNull();
    const { account, contact } = await customer({ language: 'en' });
    const openUrl = vi.fn(async () => undefined);
    const r = await executeAction(
      account.id,
      { type: 'renewal_proposal', contactId: contact.id },
      { now: NOW, lang: 'en', openUrl, composeEmail: composeForAction({ tab: () => gmailTab, deps: fakeDeps(), now: () => NOW }) },
    );
    expect(r.kind === 'email' && r.compose).toBeFalsy();
    expect(openUrl).toHaveBeenCalledWith(expect.stringContaining('https://mail.google.com/mail/?view=cm'));
  });
});

describe('templates entity at the boundary', () => {
  it('refuses duplicate variant ids and a winner that is not a variant, with the field named', async () => {
    const t = await createTemplate(blankTemplate('welcome', 'W'));
    await expect(update('templates', t.id, { variants: [t.variants[0]!, t.variants[0]!] })).rejects.toThrow(/variant ids must be unique/);
    await expect(
      update('templates', t.id, { abTest: { id: 'x', status: 'stopped', startedAt: NOW.toISOString(), stoppedAt: null, winnerVariantId: 'zz' } }),
    ).rejects.toThrow(/winner/);
    await expect(createTemplate({ name: '  ', category: 'welcome', variants: t.variants })).rejects.toThrow();
  });
});

describe('languages and settings at their boundaries', () => {
  it('a contact whose language has no text gets the other language, and the preview says so', async () => {
    const t = await createTemplate({
      ...blankTemplate('follow_up', 'EN only'),
      variants: [{ id: 'a', label: 'A', active: true, fr: { subject: '', body: '' }, en: { subject: 'Hi', body: 'Hello {{firstName}}' } }],
    });
    const { contact } = await customer({ language: 'fr' });
    const p = (await prepareMessage(t.id, contact.id, { sender, uiLang: 'fr', now: NOW }))!;
    expect([p.lang, p.fellBack, p.body]).toEqual(['en', true, 'Hello Hélène']);
  });
});
