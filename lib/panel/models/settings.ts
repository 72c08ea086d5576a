import { signal } from '@preact/signals';
import { langSetting } from '../../i18n';
import { readItem, settingsItem, writeItem, Settings } from '../../storage/items';

export { Settings } from '../../storage/items';

export const settings = signal<Settings>(settingsItem.fallback);

/** Settings from extension storage; a corrupt value falls back to defaults rather than breaking the panel. */
export async function loadSettings(): Promise<Settings> {
  settings.value = await readItem(settingsItem);
  langSetting.value = settings.value.language;
  return settings.value;
}

export async function saveSettings(patch: Partial<Settings>): Promise<void> {
  const next = await writeItem(settingsItem, Settings.parse({ ...settings.value, ...patch }));
  settings.value = next;
  langSetting.value = next.language;
}
