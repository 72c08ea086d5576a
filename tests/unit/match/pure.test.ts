import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { normalizeEmail, emailDomain, isFreeMailDomain, parentDomains, canonicalLinkedinUrl, parseLinkedinUrl } from '../../../lib/identity';
import { fuzzyScore, jaroWinkler, pickPrimaryPerson } from '../../../lib/match';
import { PageContext, type PageContextInput } from '../../../lib/schema/page-context';
import { REALDATA_DIR } from '../../realdata-dir';

const REALDATA = REALDATA_DIR;

describe('emails and domains', () => {
  it('normalizes addresses as pages and users write them', () => {
    expect(normalizeEmail('  Hélène <x>')).toBeNull();
    expect(normalizeEmail('<J.Doe@Acme.FR>')).toBe('j.doe@acme.fr');
    expect(normalizeEmail('mailto:Ana%40clinica-sol.com.br?subject=Hi')).toBe('ana@clinica-sol.com.br');
    expect(normalizeEmail('not-an-email')).toBeNull();
    expect(emailDomain('Bob@EU.Sales.Acme.co.uk')).toBe('eu.sales.acme.co.uk');
    expect(emailDomain(null)).toBeNull();
  });

  it('walks parent domains without reaching a public suffix', () => {
    expect(parentDomains('eu.sales.acme.co.uk')).toEqual(['eu.sales.acme.co.uk', 'sales.acme.co.uk', 'acme.co.uk']);
    expect(parentDomains('mail.acme.fr')).toEqual(['mail.acme.fr', 'acme.fr']);
    expect(parentDomains('acme.com.br')).toEqual(['acme.com.br']);
    expect(parentDomains('mairie.paris.gouv.fr')).toEqual(['mairie.paris.gouv.fr', 'paris.gouv.fr']);
    expect(parentDomains('co.uk')).toEqual([]);
    expect(parentDomains('localhost')).toEqual([]);
  });

  it('knows webmail domains from the free-email-domains list, and the real-data copy agrees', () => {
    for (const d of ['gmail.com', 'GMAIL.com', 'yahoo.co.uk', 'outlook.fr', 'hotmail.com']) expect(isFreeMailDomain(d), d).toBe(true);
    for (const d of ['acme.fr', 'northwind-traders.com', 'google.com', '']) expect(isFreeMailDomain(d), d).toBe(false);
    const real: string[] = JSON.parse(fs.readFileSync(path.join(REALDATA, 'email-parsing/domains.json'), 'utf8'));
    const sample = real.filter((_, i) => i % 97 === 0);
    expect(sample.length).toBeGreaterThan(100);
    const agree = sample.filter((d) => isFreeMailDomain(d)).length / sample.length;
    expect(agree).toBeGreaterThan(0.95);
  });
});

describe('LinkedIn URLs', () => {
  const canonical = 'https://www.linkedin.com/in/helene-dupont-4a1b2c';
  it.each([
    'https://www.linkedin.com/in/helene-dupont-4a1b2c',
    'https://www.linkedin.com/in/Helene-Dupont-4a1b2c/',
    'http://fr.linkedin.com/in/helene-dupont-4a1b2c/fr/',
    'https://www.linkedin.com/in/helene-dupont-4a1b2c/overlay/about-this-profile/',
    'https://www.linkedin.com/in/helene-dupont-4a1b2c/?originalSubdomain=fr#experience',
    'linkedin.com/in/helene-dupont-4a1b2c',
    'https://www.linkedin.com/in/helene-dupont-4a1b2c/details/experience/',
  ])('%s', (url) => expect(canonicalLinkedinUrl(url)).toBe(canonical));

  it('keeps accented slugs encoded and member ids case-sensitive; recognizes Sales Navigator', () => {
    expect(canonicalLinkedinUrl('https://www.linkedin.com/in/Jos%C3%A9-Garc%C3%ADa/')).toBe('https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa');
    expect(canonicalLinkedinUrl('https://www.linkedin.com/in/ACoAAB1c2UBmNpX')).toBe('https://www.linkedin.com/in/ACoAAB1c2UBmNpX');
    expect(parseLinkedinUrl('https://www.linkedin.com/sales/lead/ACwAAAB1c2U,NAME_SEARCH,x9Zq?x=1')).toEqual({ kind: 'salesnav', id: 'ACwAAAB1c2U' });
    expect(canonicalLinkedinUrl('https://www.linkedin.com/company/acme/')).toBeNull();
    expect(canonicalLinkedinUrl('https://evil-linkedin.com/in/x')).toBeNull();
    expect(canonicalLinkedinUrl('')).toBeNull();
  });
});

describe('fuzzy names', () => {
  it('ignores accents, case and word order', () => {
    expect(fuzzyScore('Hélène Dupont', 'dupont helene')).toBe(1);
    expect(fuzzyScore('José García Núñez', 'Jose Garcia Nunez')).toBe(1);
  });
  it('ranks a near spelling above a different person', () => {
    const near = fuzzyScore('Helene Dupond', 'Hélène Dupont');
    const other = fuzzyScore('Helene Dupond', 'Paul Martin');
    expect(near).toBeGreaterThan(0.9);
    expect(other).toBeLessThan(0.6);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3); // the textbook value
  });
});

describe('pickPrimaryPerson', () => {
  const ctx = (input: Omit<PageContextInput, 'site' | 'url'> & { site?: PageContextInput['site'] }) =>
    PageContext.parse({ site: 'gmail', url: 'https://mail.google.com/mail/u/0/', ...input });

  it('thread: the external sender of the latest message, never self or a colleague', () => {
    const c = ctx({
      kind: 'thread',
      self: 'alex@northwind.com',
      people: [
        { role: 'from', email: 'helene@acme.fr' },
        { role: 'from', email: 'john@acme.fr' },
        { role: 'to', email: 'zoe@acme.fr' },
        { role: 'from', email: 'colleague@eu.northwind.com' },
        { role: 'from', email: 'alex@northwind.com' },
      ],
    });
    expect(pickPrimaryPerson(c)?.email).toBe('john@acme.fr');
    expect(pickPrimaryPerson(c, { ownDomains: ['acme.fr'] })).toBeNull();
  });

  it('a webmail self does not make every webmail sender a colleague', () => {
    const c = ctx({ kind: 'thread', self: 'me@gmail.com', people: [{ role: 'from', email: 'client@gmail.com' }] });
    expect(pickPrimaryPerson(c)?.email).toBe('client@gmail.com');
  });

  it('compose: first external recipient; ticket: requester; profile: subject', () => {
    expect(
      pickPrimaryPerson(
        ctx({
          kind: 'compose',
          self: 'a@n.com',
          people: [
            { role: 'cc', email: 'c@x.fr' },
            { role: 'to', email: 'b@n.com' },
            { role: 'to', email: 't@x.fr' },
          ],
        }),
      )?.email,
    ).toBe('t@x.fr');
    expect(pickPrimaryPerson(ctx({ site: 'zendesk', kind: 'ticket', people: [{ role: 'requester', name: 'Mrs. O’Connor' }] }))?.name).toBe('Mrs. O’Connor');
    expect(pickPrimaryPerson(ctx({ site: 'linkedin', kind: 'profile', people: [{ role: 'subject', name: 'Léa' }] }))?.name).toBe('Léa');
    expect(pickPrimaryPerson(ctx({ kind: 'none', reason: 'list' }))).toBeNull();
  });
});

describe('fuzzy thresholds', () => {
  it('one shared word of two is not a likely match; a missing middle name still is', () => {
    expect(fuzzyScore('Hélène Dupont', 'Helene Durand')).toBeLessThanOrEqual(0.5);
    expect(fuzzyScore('Hélène Dupont', 'Paul Dupont')).toBeLessThanOrEqual(0.5);
    expect(fuzzyScore('José García Núñez', 'Jose Garcia')).toBeGreaterThanOrEqual(0.75);
    expect(fuzzyScore('田中 太郎', '田中 太郎')).toBe(1);
    expect(fuzzyScore('', 'x')).toBe(0);
  });
});
