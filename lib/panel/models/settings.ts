import * as z from 'zod/mini';
import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { langSetting } from '../../i18n';

export const Settings = z.object({
  language: z._default(z.nullable(z.enum(['en', 'fr'])), null),
  /** The small badge beside a recognised sender in Gmail. */
  inPageHint: z._default(z.boolean(), true),
});
export type Settings = z.infer<typeof Settings>;

const KEY = 'settings';
export const settings = signal<Settings>(Settings.parse({}));

/** Settings from extension storage; a corrupt value falls back to defaults rather than breaking the panel. */
export async function loadSettings(): Promise<Settings> {
  const raw = (await browser.storage.local.get(KEY))[KEY];
  const parsed = Settings.safeParse(raw ?? {});
  settings.value = parsed.success ? parsed.data : Settings.parse({});
  langSetting.value = settings.value.language;
  return settings.value;
}

export async function saveSettings(patch: Partial<Settings>): Promise<void> {
  const next = Settings.parse({ ...settings.value, ...patch });
  settings.value = next;
  langSetting.value = next.language;
  await browser.storage.local.set({ [KEY]: next });
}
