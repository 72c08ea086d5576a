import { describe, it, expect } from 'vitest';
import { insert } from '../../../lib/db';
import { searchAll, moveActive } from '../../../lib/panel/queries/search';
import { validateContact, contactDraft, validateAccount, accountDraft, accountFromDraft, validateSurvey, errorsByField } from '../../../lib/panel/view/forms';

describe('search', () => {
  it('finds accounts then contacts by prefix, accent-insensitively', async () => {
    await insert('accounts', { name: 'Hélios Conseil', domains: ['helios.fr'] });
    await insert('contacts', { firstName: 'Hélène', lastName: 'Dupont', emails: ['hd@helios.fr'] });
    await insert('contacts', { firstName: 'Marc', lastName: 'Petit', emails: ['mp@x.fr'] });
    const r = await searchAll('hel');
    expect(r.map((x) => [x.kind, x.label])).toEqual([
      ['account', 'Hélios Conseil'],
      ['contact', 'Hélène Dupont'],
    ]);
    expect(await searchAll('h')).toEqual([]);
  });
  it('arrow keys wrap; Home and End jump', () => {
    expect(moveActive(-1, 'ArrowDown', 3)).toBe(0);
    expect(moveActive(2, 'ArrowDown', 3)).toBe(0);
    expect(moveActive(0, 'ArrowUp', 3)).toBe(2);
    expect(moveActive(1, 'End', 3)).toBe(2);
    expect(moveActive(1, 'Home', 3)).toBe(0);
    expect(moveActive(1, 'ArrowDown', 0)).toBe(-1);
  });
});

describe('form validation in the UI language', () => {
  it('names the failing field, in English and in French', () => {
    const draft = { ...contactDraft(), firstName: 'Ana', emails: 'ana@acme.fr, not-an-email' };
    const en = validateContact(draft, 'en');
    const fr = validateContact(draft, 'fr');
    expect(Object.keys(en)).toEqual(['emails']);
    expect(en.emails).toMatch(/email/i);
    expect(fr.emails).not.toBe(en.emails);
    expect(fr.emails).toMatch(/invalide|e-mail/i);
    expect(validateContact(contactDraft(), 'fr').lastName).toMatch(/nom/);
    expect(validateContact({ ...contactDraft(), firstName: 'Ana' }, 'en')).toEqual({});
  });
  it('accounts: name required, domain and amount checked; drafts convert', () => {
    expect(Object.keys(validateAccount({ ...accountDraft(), name: '' }, 'en'))).toEqual(['name']);
    expect(Object.keys(validateAccount({ ...accountDraft(), name: 'Acme', domains: 'not a domain' }, 'en'))).toEqual(['domains']);
    expect(Object.keys(validateAccount({ ...accountDraft(), name: 'Acme', annualValue: '-3' }, 'en'))).toEqual(['annualValue']);
    expect(accountFromDraft({ ...accountDraft(), name: ' Acme ', domains: 'Acme.FR; acme.io', annualValue: '12 000,5' })).toMatchObject({
      name: 'Acme',
      domains: ['acme.fr', 'acme.io'],
      annualValue: 12000.5,
    });
  });
  it('a survey score out of its range is flagged on the score field', () => {
    expect(Object.keys(validateSurvey({ kind: 'csat', score: 9, respondedAt: '2026-01-01T00:00:00Z' }, 'en'))).toEqual(['score']);
    expect(validateSurvey({ kind: 'nps', score: 9, respondedAt: '2026-01-01T00:00:00Z' }, 'en')).toEqual({});
    expect(
      errorsByField([
        { path: 'emails.1', message: 'bad' },
        { path: 'emails.2', message: 'worse' },
      ]),
    ).toEqual({ emails: 'bad' });
  });
});
