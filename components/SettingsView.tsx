import { t } from '@/lib/i18n';
import { settings, saveSettings } from '@/lib/panel/models/settings';
import { CurrencySettings } from './CurrencySettings';
import { DataSettings } from './DataSettings';
import { SyncSettings } from './SyncSettings';

export function SettingsView() {
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">{t('nav.settings')}</h2>
      <label class="field">
        {t('settings.language')}
        <select
          value={settings.value.language ?? ''}
          onChange={(e) => {
            const v = e.currentTarget.value;
            void saveSettings({ language: v === 'fr' || v === 'en' ? v : null });
          }}
          data-testid="language"
        >
          <option value="">{t('settings.language.auto')}</option>
          <option value="en">English</option>
          <option value="fr">Français</option>
        </select>
      </label>
      <label class="field-inline">
        <input
          type="checkbox"
          checked={settings.value.inPageHint}
          onChange={(e) => void saveSettings({ inPageHint: e.currentTarget.checked })}
          data-testid="in-page-hint"
        />{' '}
        {t('settings.inPageHint')}
      </label>
      <CurrencySettings />
      <DataSettings />
      <SyncSettings />
    </section>
  );
}
