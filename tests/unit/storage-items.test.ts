import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readItem, writeItem, watchItem, settingsItem, syncServerItem, reportingItem, reminderPeriodItem, tabStateItem } from '../../lib/storage/items';

/** Extension storage is read through typed items: whatever is stored, a read gives a parsed value or the fallback. */
describe('typed storage items', () => {
  beforeEach(() => fakeBrowser.reset());

  it('gives the fallback for an absent or unreadable value, and the parsed value (defaults applied) otherwise', async () => {
    expect(await readItem(settingsItem)).toEqual({ language: null, inPageHint: true });
    await fakeBrowser.storage.local.set({ settings: { language: 'klingon' } });
    expect(await readItem(settingsItem)).toEqual({ language: null, inPageHint: true });
    await fakeBrowser.storage.local.set({ settings: { language: 'fr' } });
    expect(await readItem(settingsItem)).toEqual({ language: 'fr', inPageHint: true });
    await fakeBrowser.storage.local.set({ syncServer: { serverUrl: 'javascript:alert(1)', token: 'x' } });
    expect(await readItem(syncServerItem)).toBeNull();
  });

  it('refuses to store a value its schema refuses', async () => {
    await expect(writeItem(syncServerItem, { serverUrl: 'ftp://x', token: 't' })).rejects.toThrow();
    await expect(writeItem(reminderPeriodItem, 0)).rejects.toThrow();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('whatever another context writes, readers get a parsed value or the fallback, never throw', async () => {
    const items = [settingsItem, syncServerItem, reportingItem, reminderPeriodItem, tabStateItem(7)] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...items), fc.jsonValue(), async (item, value) => {
        await fakeBrowser.storage[item.area].set({ [item.key]: value });
        const got = await readItem(item as never);
        const parsed = item.schema.safeParse(value);
        expect(got).toEqual(parsed.success ? parsed.data : item.fallback);
      }),
      { numRuns: 200 },
    );
  });

  it('watchers get the parsed new value', async () => {
    const seen: unknown[] = [];
    const stop = watchItem(settingsItem, (v) => seen.push(v));
    await fakeBrowser.storage.local.set({ settings: { inPageHint: false } });
    await fakeBrowser.storage.local.set({ settings: 42 });
    stop();
    expect(seen).toEqual([
      { language: null, inPageHint: false },
      { language: null, inPageHint: true },
    ]);
  });
});
