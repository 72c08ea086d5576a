import { describe, expect, it } from 'vitest';
import { ms } from '../../../lib/scoring/time';

describe('ms', () => {
  it('agrees with Date.parse on every shape', () => {
    for (const s of [
      '2026-06-01',
      '2026-06-01T12:34:56Z',
      '2026-06-01T12:34:56.789Z',
      '1999-12-31T23:59:59.999Z',
      '2024-02-29',
      '2026-06-01T12:34:56+02:00',
      '2026-06-01T12:34:56.7Z',
      'not a date',
      '2026-13-01',
      '2026-02-31',
      '2026-02-30T10:00:00Z',
    ])
      expect(ms(s)).toEqual(Date.parse(s));
    expect(ms(null)).toBeNaN();
    expect(ms(5)).toBe(5);
  });
});
