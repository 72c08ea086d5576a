import { describe, it, expect } from 'vitest';
import { fallbackFor, gmailComposeUrl, outlookComposeUrl, MAX_COMPOSE_URL } from '../../../lib/engage/compose-url';
import { starterTemplates, starterId, STARTER_KEYS } from '../../../lib/engage/starters';
import { renderMessage } from '../../../lib/engage/render';
import { TemplateInput } from '../../../lib/schema/template';
import { Id } from '../../../lib/schema/common';
import { TEMPLATE_CATEGORIES } from '../../../lib/engage/categories';

const draft = { to: ['h.dupont@acme.fr'], subject: 'Renouvellement & suite', body: 'Bonjour,\n\nÀ bientôt' };

describe('compose URLs', () => {
  it('Gmail: view=cm with to, su and body, CRLF line breaks, in the account the user is on', () => {
    const u = new URL(gmailComposeUrl(draft, 2));
    expect(u.origin + u.pathname).toBe('https://mail.google.com/mail/u/2/');
    expect(u.searchParams.get('view')).toBe('cm');
    expect(u.searchParams.get('to')).toBe('h.dupont@acme.fr');
    expect(u.searchParams.get('su')).toBe('Renouvellement & suite');
    expect(u.searchParams.get('body')).toBe('Bonjour,\r\n\r\nÀ bientôt');
  });
  it('Outlook: the deeplink compose with to, subject and body', () => {
    const u = new URL(outlookComposeUrl(draft, 'outlook.live.com'));
    expect(u.origin + u.pathname).toBe('https://outlook.live.com/mail/deeplink/compose');
    expect(u.searchParams.get('subject')).toBe('Renouvellement & suite');
    expect(u.searchParams.get('body')).toBe('Bonjour,\r\n\r\nÀ bientôt');
  });
  it('auto follows the mail site of the tab, else Gmail; the clipboard when chosen or too long', () => {
    expect(fallbackFor('auto', 'https://mail.google.com/mail/u/1/#inbox', draft)).toMatchObject({ kind: 'open', site: 'gmail' });
    expect((fallbackFor('auto', 'https://mail.google.com/mail/u/1/#inbox', draft) as { url: string }).url).toContain('/mail/u/1/?view=cm');
    expect(fallbackFor('auto', 'https://outlook.office365.com/mail/inbox', draft)).toMatchObject({ kind: 'open', site: 'outlook' });
    expect((fallbackFor('auto', 'https://outlook.office365.com/mail/inbox', draft) as { url: string }).url).toMatch(
      /^https:\/\/outlook\.office365\.com\/mail\/deeplink\/compose\?/,
    );
    expect(fallbackFor('auto', 'https://www.linkedin.com/in/x/', draft)).toMatchObject({ kind: 'open', site: 'gmail' });
    expect(fallbackFor('outlook', null, draft)).toMatchObject({ kind: 'open', site: 'outlook' });
    expect(fallbackFor('clipboard', 'https://mail.google.com/mail/u/0/', draft)).toEqual({ kind: 'copy', reason: 'chosen' });
    expect(fallbackFor('gmail', null, { ...draft, body: 'x'.repeat(MAX_COMPOSE_URL) })).toEqual({ kind: 'copy', reason: 'too_long' });
  });
});

describe('starter templates', () => {
  const now = new Date('2026-12-03T10:00:00Z');
  it('parse with the schema, cover every category, in both languages, with stable UUIDv7-shaped ids', () => {
    for (const lang of ['fr', 'en'] as const) {
      const starters = starterTemplates(lang, now);
      expect(starters.map((s) => s.starterKey)).toEqual(STARTER_KEYS);
      expect(new Set(starters.map((s) => s.category))).toEqual(new Set(TEMPLATE_CATEGORIES));
      for (const s of starters) {
        expect(TemplateInput.safeParse(s).success, s.starterKey!).toBe(true);
        expect(Id.safeParse(s.id).success).toBe(true);
        expect(s.id).toBe(starterId(s.starterKey!));
        for (const v of s.variants) for (const l of ['fr', 'en'] as const) expect(v[l].body.length, `${s.starterKey} ${l}`).toBeGreaterThan(20);
      }
    }
    expect(new Set(STARTER_KEYS.map(starterId)).size).toBe(STARTER_KEYS.length);
  });
  it('render with a full recipient without a warning (loyalty tier aside) and use only known fields', () => {
    const facts = {
      firstName: 'Hélène',
      lastName: 'Dupont',
      company: 'Acme',
      accountOwner: 'Camille',
      renewalDate: '2027-01-15',
      lastOrderAt: '2026-09-01T10:00:00Z',
      lastOrderAmount: { amount: 1200, currency: 'EUR' },
      npsScore: 10,
      myName: 'Camille',
    };
    for (const lang of ['fr', 'en'] as const) {
      for (const s of starterTemplates(lang, now)) {
        for (const v of s.variants) {
          const m = renderMessage(v[lang], facts, { locale: lang === 'fr' ? 'fr-FR' : 'en-GB', now });
          expect(m.issues, `${s.starterKey} ${lang}`).toEqual([]);
          expect(m.body).not.toContain('{{');
        }
      }
    }
  });
});
