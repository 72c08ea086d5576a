import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_ENGAGE_SETTINGS, EngageSettings, getEngageSettings, saveEngageSettings } from '../../../lib/storage/engage';
import { TemplateInput } from '../../../lib/schema/template';

describe('engage settings (typed storage item)', () => {
  it('defaults, saves, refuses an invalid value without writing, and reads a corrupt stored value as the defaults', async () => {
    expect(await getEngageSettings()).toEqual(DEFAULT_ENGAGE_SETTINGS);
    await saveEngageSettings({ myName: 'Camille', replyWindowDays: 10, composeTarget: 'outlook' });
    expect(await getEngageSettings()).toMatchObject({ myName: 'Camille', replyWindowDays: 10, composeTarget: 'outlook', signature: '' });
    await expect(saveEngageSettings({ replyWindowDays: 0 })).rejects.toThrow();
    await expect(saveEngageSettings({ composeTarget: 'fax' as never })).rejects.toThrow();
    expect((await getEngageSettings()).replyWindowDays).toBe(10);
    await fakeBrowser.storage.local.set({ 'engage.settings': { replyWindowDays: 'seven', myName: 42 } });
    expect(await getEngageSettings()).toEqual(DEFAULT_ENGAGE_SETTINGS);
  });

  it('property: any stored value parses to settings or is refused, never half-applied', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const r = EngageSettings.safeParse(v);
        if (r.success) {
          expect(r.data.replyWindowDays).toBeGreaterThanOrEqual(1);
          expect(['auto', 'gmail', 'outlook', 'outlook_live', 'clipboard']).toContain(r.data.composeTarget);
        }
      }),
    );
  });
});

describe('template input at the boundary (fuzz)', () => {
  it('any input parses or fails with named fields; what parses keeps at least one variant, unique ids', () => {
    const variant = fc.record(
      {
        id: fc.oneof(fc.constantFrom('a', 'b'), fc.string()),
        label: fc.string({ maxLength: 5 }),
        active: fc.boolean(),
        en: fc.record({ subject: fc.string(), body: fc.string() }),
      },
      { requiredKeys: ['id', 'label'] },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({ name: fc.string(), category: fc.constantFrom('welcome', 'renewal', 'nope'), variants: fc.array(variant, { maxLength: 3 }) }),
        ),
        (v) => {
          const r = TemplateInput.safeParse(v);
          if (r.success) {
            expect(r.data.variants.length).toBeGreaterThanOrEqual(1);
            expect(new Set(r.data.variants.map((x) => x.id)).size).toBe(r.data.variants.length);
            expect(r.data.name.trim()).not.toBe('');
          } else {
            expect(r.error.issues.length).toBeGreaterThan(0);
          }
        },
      ),
    );
  });
});
