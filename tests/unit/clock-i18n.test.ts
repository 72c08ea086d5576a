import { describe, it, expect } from 'vitest';
import { HybridClock, parseHlc } from '../../lib/clock/hlc';
import { CATALOGUES, pickLang, translate } from '../../lib/i18n';

describe('HybridClock', () => {
  it('issues increasing stamps even when the wall clock stalls or goes back', () => {
    let now = 1_700_000_000_000;
    const c = new HybridClock('node1', () => now);
    const a = c.tick();
    const b = c.tick();
    now -= 5000;
    const d = c.tick();
    expect(a < b && b < d).toBe(true);
    expect(parseHlc(d).counter).toBe(2);
  });

  it('moves past a remote stamp from a clock that runs ahead', () => {
    const c = new HybridClock('local', () => 1_000);
    const remote = new HybridClock('remote', () => 9_000).tick();
    c.receive(remote);
    expect(c.tick() > remote).toBe(true);
  });
});

describe('i18n', () => {
  it('follows the browser unless the user chose, and fills placeholders', () => {
    expect(pickLang(null, 'fr-CA')).toBe('fr');
    expect(pickLang(null, 'de-DE')).toBe('en');
    expect(pickLang('en', 'fr-FR')).toBe('en');
    expect(translate('fr', 'portfolio.count', { n: 3 })).toBe('3 comptes');
  });

  it('has every English key in French, none left empty', () => {
    for (const [key, text] of Object.entries(CATALOGUES.en)) {
      expect(CATALOGUES.fr[key as keyof typeof CATALOGUES.fr], key).toBeTruthy();
      expect(text).toBeTruthy();
    }
  });
});
