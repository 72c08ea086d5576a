import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fold, nameTokens, words } from '../../../lib/identity/name';

describe('name words', () => {
  it('folds case and accents, keeps hyphenated and apostrophe words whole', () => {
    expect(words('Jean-Éric  O’Neil, DUPONT')).toEqual(['jean-eric', 'o’neil', 'dupont']);
    expect(nameTokens('Hélène Dupont hélène')).toEqual(['helene', 'dupont']);
    expect(words(null)).toEqual([]);
    expect(words('  — , ')).toEqual([]);
  });

  it('is stable on any text: folding twice changes nothing, tokens are unique words of the folded text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        expect(fold(fold(s))).toBe(fold(s));
        expect(words(fold(s))).toEqual(words(s));
        const tokens = nameTokens(s);
        expect(new Set(tokens).size).toBe(tokens.length);
        for (const t of tokens) expect(words(s)).toContain(t);
        expect(nameTokens(s.toUpperCase())).toEqual(nameTokens(s.toUpperCase().toLowerCase()));
      }),
    );
  });
});
