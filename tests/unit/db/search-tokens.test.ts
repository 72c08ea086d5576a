import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fold } from '../../../lib/identity/name';
import { tryParseHlc } from '../../../lib/clock/hlc';

const slowFold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

describe('fold', () => {
  it('folds accents and case: "Hélène" and "helene" find each other', () => {
    expect(fold('Hélène')).toBe('helene');
    expect(fold('ADA@Example.COM')).toBe('ada@example.com');
  });

  it('gives what the full Unicode pass gives, ASCII fast path or not', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (s) => fold(s) === slowFold(s)),
      { numRuns: 2000 },
    );
  });
});

describe('tryParseHlc (cached)', () => {
  it('answers the same for a stamp read twice, and the parts cannot be changed by a caller', () => {
    const s = '2026-01-01T00:00:00.000Z-002a-node1';
    const a = tryParseHlc(s);
    expect(a).toEqual({ ms: Date.UTC(2026, 0, 1), counter: 42, node: 'node1' });
    expect(tryParseHlc(s)).toEqual(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(tryParseHlc('9999-99-99T99:99:99.999Z-ffff-zzzz')).toBeNull();
    expect(tryParseHlc('9999-99-99T99:99:99.999Z-ffff-zzzz')).toBeNull();
  });
});
