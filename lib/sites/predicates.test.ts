import { describe, it, expect } from 'vitest';
import { siteOf, SITES, URLS } from '.';
import { SITE_MATCHES } from './matches';

type Predicate = ((url: string) => boolean) & { urls?: string[] };

const predicates: [string, Predicate][] = Object.values(URLS).flatMap((mod) =>
  Object.entries(mod as Record<string, unknown>).filter((e): e is [string, Predicate] => typeof e[1] === 'function' && Array.isArray((e[1] as Predicate).urls)),
);

describe('URL predicates', () => {
  it('has a predicate list per site', () => {
    expect(predicates.length).toBeGreaterThanOrEqual(14);
  });

  for (const [name, predicate] of predicates) {
    it(`${name}: its example URLs match it and no other predicate`, () => {
      expect(predicate.urls!.length).toBeGreaterThan(0);
      for (const url of predicate.urls!) {
        expect(predicate(url), `${name} ${url}`).toBe(true);
        for (const [other, p] of predicates) if (other !== name) expect(p(url), `${other} also matches ${url}`).toBe(false);
      }
    });
  }

  it('every example URL belongs to the site whose match patterns cover it', () => {
    for (const [site, mod] of Object.entries(URLS)) {
      for (const p of Object.values(mod as Record<string, unknown>)) {
        for (const url of (p as Predicate).urls ?? []) expect(siteOf(url), url).toBe(site);
      }
    }
    expect(Object.keys(SITE_MATCHES).sort()).toEqual(Object.keys(URLS).sort());
    // The manifest's patterns and each site's own are one list.
    for (const [site, def] of Object.entries(SITES)) expect(def.matches, site).toBe(SITE_MATCHES[site as keyof typeof SITE_MATCHES]);
  });

  it('rejects look-alike hosts and malformed input', () => {
    const bad = [
      'https://mail.google.com.evil.example/mail/u/0/#inbox/FMfcgzQXJWDsKyxsVzLzKFRjHNjfhxxd',
      'https://evilzendesk.com/agent/tickets/1',
      'https://acme.freshdesk.com.evil.io/a/tickets/1',
      'https://fr.linkedin.com.evil.io/in/someone',
      'not a url',
      '',
    ];
    for (const url of bad) for (const [name, p] of predicates) expect(p(url), `${name} ${url}`).toBe(false);
  });
});
