import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { renderMessage, renderText, parseTemplate } from '../../../lib/engage/render';
import { fieldValues, MERGE_FIELDS, type MergeFacts } from '../../../lib/engage/merge-fields';
import { localeForLang } from '../../../lib/i18n/format';

const NOW = new Date('2027-02-20T10:00:00Z');
const FULL: MergeFacts = {
  firstName: 'Hélène',
  lastName: 'Dupont',
  company: 'Acme Industrie',
  accountOwner: 'Camille Martin',
  renewalDate: '2027-03-01',
  lastOrderAt: '2027-02-19T16:30:00Z',
  lastOrderAmount: { amount: 1234.5, currency: 'EUR' },
  npsScore: 9,
  loyaltyTier: null,
  myName: 'Camille Martin',
  signature: 'Camille Martin\nNorthwind',
};
const fr = { locale: 'fr-FR', now: NOW };
const en = { locale: 'en-GB', now: NOW };
const render = (src: string, facts: MergeFacts, opts = en) => renderText(src, fieldValues(facts, opts.now), opts);

describe('merge fields: values', () => {
  it('fills every field from the facts, formatted in the template’s language', () => {
    const src = MERGE_FIELDS.map((f) => `${f}=[{{${f}}}]`).join('\n');
    const out = render(src, FULL, fr);
    expect(out.text).toBe(
      [
        'firstName=[Hélène]',
        'lastName=[Dupont]',
        'fullName=[Hélène Dupont]',
        'company=[Acme Industrie]',
        'accountOwner=[Camille Martin]',
        'renewalDate=[1 mars 2027]',
        'daysToRenewal=[9]',
        'lastOrderDate=[19 février 2027]',
        'lastOrderAmount=[1\u202f234,50\u00a0€]',
        'daysSinceLastOrder=[1]',
        'npsScore=[9]',
        'loyaltyTier=[]',
        'myName=[Camille Martin]',
        'signature=[Camille Martin\nNorthwind]',
      ].join('\n'),
    );
    expect(out.issues).toEqual([{ field: 'loyaltyTier', kind: 'empty', shows: '' }]);
  });

  it('writes dates and amounts the English way in English', () => {
    const out = render('{{renewalDate}} · {{lastOrderDate}} · {{lastOrderAmount}}', FULL, en);
    expect(out.text).toBe('1 March 2027 · 19 February 2027 · €1,234.50');
  });

  it('keeps a calendar date on its day whatever the time zone (UTC formatting of YYYY-MM-DD)', () => {
    expect(render('{{renewalDate}}', { renewalDate: '2027-01-01' }, en).text).toBe('1 January 2027');
  });

  it('whole amounts have no cents; other currencies keep their code', () => {
    expect(render('{{lastOrderAmount}}', { lastOrderAmount: { amount: 1200, currency: 'EUR' } }, fr).text).toBe('1\u202f200\u00a0€');
    expect(render('{{lastOrderAmount}}', { lastOrderAmount: { amount: 99.9, currency: 'USD' } }, en).text).toBe('US$99.90');
  });

  it('with no signature set, the sender’s name signs', () => {
    expect(render('{{signature}}', { myName: 'Alex Morgan', signature: '  ' }, en).text).toBe('Alex Morgan');
  });
});

describe('merge fields: missing values', () => {
  it('an empty field shows nothing and is reported with what the output shows', () => {
    const out = render('Your renewal: {{renewalDate}}.', {}, en);
    expect(out.text).toBe('Your renewal:.');
    expect(out.issues).toEqual([{ field: 'renewalDate', kind: 'empty', shows: '' }]);
  });

  it('a fallback replaces an empty field without a warning', () => {
    const out = render('Hello {{firstName|there}},', { firstName: '  ' }, en);
    expect(out.text).toBe('Hello there,');
    expect(out.issues).toEqual([]);
  });

  it('an empty field leaves no gap before punctuation, in English and in French', () => {
    expect(render('Hello {{firstName}},', {}, en).text).toBe('Hello,');
    expect(render('Bonjour {{firstName}} !', {}, fr).text).toBe('Bonjour !');
    expect(render('Dear {{firstName}} {{lastName}},', {}, en).text).toBe('Dear,');
    expect(render('Hi {{firstName}}', {}, en).text).toBe('Hi');
  });

  it('an unknown field is left as written and reported (a typo is visible, not silently dropped)', () => {
    const out = render('Hello {{fristName}}', FULL, en);
    expect(out.text).toBe('Hello {{fristName}}');
    expect(out.issues).toEqual([{ field: 'fristName', kind: 'unknown', shows: '{{fristName}}' }]);
  });

  it('a plural on an empty number shows nothing and warns', () => {
    const out = render('in {{daysToRenewal:# day|# days}}.', {}, en);
    expect(out.text).toBe('in.');
    expect(out.issues).toEqual([{ field: 'daysToRenewal', kind: 'empty', shows: '' }]);
  });

  it('a plural on a field that is not a number shows nothing and says why', () => {
    expect(render('{{company:# x|# xs}}', FULL, en).issues).toEqual([{ field: 'company', kind: 'not_a_number', shows: '' }]);
  });

  it('each field is reported once, subject and body together', () => {
    const m = renderMessage({ subject: '{{company}}', body: '{{company}} {{company}} {{npsScore}}' }, {}, en);
    expect(m.issues.map((i) => i.field)).toEqual(['company', 'npsScore']);
    expect(m.fields).toEqual(['company', 'npsScore']);
  });
});

describe('merge fields: plurals', () => {
  const days = (n: number, opts: typeof en) =>
    render('{{daysToRenewal:# jour|# jours}}', { renewalDate: new Date(NOW.getTime() + n * 86_400_000).toISOString().slice(0, 10) }, opts).text;
  it('French: 0 and 1 take the singular', () => {
    expect(days(0, fr)).toBe('0 jour');
    expect(days(1, fr)).toBe('1 jour');
    expect(days(2, fr)).toBe('2 jours');
  });
  it('English: only 1 takes the singular', () => {
    const d = (n: number) =>
      render('{{daysToRenewal:# day|# days}}', { renewalDate: new Date(NOW.getTime() + n * 86_400_000).toISOString().slice(0, 10) }, en).text;
    expect(d(0)).toBe('0 days');
    expect(d(1)).toBe('1 day');
    expect(d(21)).toBe('21 days');
  });
  it('numbers inside a plural are written in the locale (1 000 / 1,000)', () => {
    expect(render('{{daysSinceLastOrder:# day|# days}}', { lastOrderAt: '2024-05-26T00:00:00Z' }, en).text).toBe('1,000 days');
    expect(render('{{daysSinceLastOrder:# jour|# jours}}', { lastOrderAt: '2024-05-26T00:00:00Z' }, fr).text).toBe('1\u202f000 jours');
  });
  it('an empty plural leaves no gap before punctuation (the starters’ “feedback {{npsScore:(# out of 10)}}:”)', () => {
    expect(render('Thanks for your feedback {{npsScore:(# out of 10)}}: great', {}, en).text).toBe('Thanks for your feedback: great');
    expect(render('Merci pour votre retour {{npsScore:(# sur 10)}} : super', {}, fr).text).toBe('Merci pour votre retour : super');
    expect(render('Thanks for your feedback {{npsScore:(# out of 10)}}: great', FULL, en).text).toBe('Thanks for your feedback (9 out of 10): great');
  });
  it('a single form serves every number', () => {
    expect(render('({{npsScore:# / 10}})', FULL, en).text).toBe('(9 / 10)');
  });
});

describe('template syntax', () => {
  it('leaves anything that is not a field as literal text', () => {
    for (const s of ['{{', '}}', '{{ }}', '{{1abc}}', '{a}', '{{a b}}', 'x {{ no end', '{{{firstName}}}']) {
      expect(render(s, FULL, en).text).toBe(s === '{{{firstName}}}' ? '{Hélène}' : s);
    }
  });
  it('spaces around names, fallbacks and forms are allowed', () => {
    expect(render('{{ firstName }} {{ lastName | X }} {{ npsScore : # pt | # pts }}', FULL, en).text).toBe('Hélène Dupont 9 pts');
  });
  it('the subject is one line, the body keeps its lines but not trailing blank ones', () => {
    const m = renderMessage({ subject: ' Hi\n{{firstName}} ', body: 'A\n\n{{myName}}\n\n' }, {}, en);
    expect(m.subject).toBe('Hi');
    expect(m.body).toBe('A');
  });
  it('property: any text renders without throwing, text without fields comes out unchanged', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const out = render(s, FULL, fr);
        expect(typeof out.text).toBe('string');
        if (!s.includes('{{')) expect(out.text).toBe(s);
      }),
    );
  });
  it('property: a known field’s token never survives rendering; every issue names a field of the text', () => {
    const piece = fc.oneof(
      fc.constantFrom(...MERGE_FIELDS).map((f) => `{{${f}}}`),
      fc.constantFrom(...MERGE_FIELDS).map((f) => `{{${f}|fb}}`),
      fc.string({ maxLength: 20 }).filter((s) => !s.includes('{') && !s.includes('}')),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.boolean(), (pieces, full) => {
        const src = pieces.join('');
        const out = render(src, full ? FULL : {}, en);
        for (const f of MERGE_FIELDS) expect(out.text.includes(`{{${f}`)).toBe(false);
        for (const i of out.issues) expect(src).toContain(i.field);
      }),
    );
  });
  it('parses fields with their raw text', () => {
    expect(parseTemplate('a {{b|c}} d')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'field', name: 'b', fallback: 'c', forms: null, raw: '{{b|c}}' },
      { kind: 'text', text: ' d' },
    ]);
  });
});

describe('locale for a language', () => {
  it('uses the browser’s own locale when it speaks the language, else a default', () => {
    expect(localeForLang('fr', 'fr-CA')).toBe('fr-CA');
    expect(localeForLang('fr', 'en-US')).toBe('fr-FR');
    expect(localeForLang('en', 'en-US')).toBe('en-US');
    expect(localeForLang('en', 'fr-FR')).toBe('en-GB');
  });
});
