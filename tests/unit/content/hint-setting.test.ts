import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inPageHintOn, SETTINGS_KEY } from '../../../lib/content/hint-setting';
import { readItem, settingsItem, type StorageAreaLike } from '../../../lib/storage/items';

/** The panel's own read of the settings (zod, defaults and fallback applied), over whatever is stored. */
async function panelReads(stored: unknown): Promise<boolean> {
  const area: StorageAreaLike = { get: async (key) => (stored === undefined ? {} : { [key]: stored }), set: async () => {}, remove: async () => {} };
  return (await readItem(settingsItem, area)).inPageHint;
}

const settingsLike = fc.record(
  {
    language: fc.oneof(fc.constantFrom('en', 'fr', null, undefined, 'de', 'EN', ''), fc.anything()),
    inPageHint: fc.oneof(fc.boolean(), fc.constantFrom(null, undefined, 0, 1, 'false', 'true'), fc.anything()),
  },
  { requiredKeys: [] },
);
const withExtraKeys = fc.tuple(settingsLike, fc.dictionary(fc.string(), fc.anything())).map(([s, extra]) => ({ ...extra, ...s }));
const stored = fc.oneof(fc.anything(), settingsLike, withExtraKeys, fc.array(fc.anything()));

describe('the content script reads the in-page hint setting without zod', () => {
  it('reads the key the panel writes', () => {
    expect(SETTINGS_KEY).toBe(settingsItem.key);
  });

  it('is off only when the panel would read it off', () => {
    expect(inPageHintOn({ inPageHint: false })).toBe(false);
    expect(inPageHintOn({ language: 'fr', inPageHint: false })).toBe(false);
    expect(inPageHintOn(undefined)).toBe(true);
    expect(inPageHintOn({ inPageHint: 'no' })).toBe(true);
    // A language the panel does not know makes it read the defaults: the hint shows there, so it shows here too.
    expect(inPageHintOn({ language: 'de', inPageHint: false })).toBe(true);
    expect(inPageHintOn([false])).toBe(true);
  });

  it('any stored value gives a boolean, the same one the panel reads (its safe default when unreadable)', async () => {
    await fc.assert(
      fc.asyncProperty(stored, async (value) => {
        const on = inPageHintOn(value);
        expect(typeof on).toBe('boolean');
        expect(on).toBe(await panelReads(value));
      }),
      { numRuns: 500 },
    );
  });
});
