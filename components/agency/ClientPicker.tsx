import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { useLiveQuery } from '@/lib/panel/live';
import { clientChoices } from '@/lib/panel/queries/agency';

/** The client a campaign report goes to: agency clients first, any account by name search. */
export function ClientPicker({
  value,
  onChange,
  fileAccounts,
  disabled,
}: {
  value: string;
  onChange: (id: string) => void;
  fileAccounts: string[];
  disabled?: boolean;
}) {
  const [query, setQuery] = useState('');
  const choices = useLiveQuery(() => clientChoices(query), [query]);
  const list = choices.value ?? [];
  const agency = list.filter((c) => c.agency);
  const others = list.filter((c) => !c.agency);
  return (
    <fieldset class="client-picker">
      <legend>{t('agency.import.client')}</legend>
      {fileAccounts.length > 0 && <p class="muted small">{t('agency.import.fileNames', { names: fileAccounts.join(', ') })}</p>}
      <label class="field">
        {t('agency.import.findClient')}
        <input type="search" value={query} disabled={disabled} onInput={(e) => setQuery(e.currentTarget.value)} data-testid="client-search" />
      </label>
      <label class="field">
        {t('agency.import.clientLabel')}
        <select value={value} disabled={disabled} onChange={(e) => onChange(e.currentTarget.value)} data-testid="client-select">
          <option value="">{fileAccounts.length ? t('agency.import.byFile') : t('agency.import.choose')}</option>
          {agency.length > 0 && (
            <optgroup label={t('agency.import.agencyClients')}>
              {agency.map((c) => (
                <option value={c.id}>{c.name}</option>
              ))}
            </optgroup>
          )}
          {others.length > 0 && (
            <optgroup label={t('agency.import.otherAccounts')}>
              {others.map((c) => (
                <option value={c.id}>{c.name}</option>
              ))}
            </optgroup>
          )}
          {value && !list.some((c) => c.id === value) && <option value={value}>{t('agency.import.chosen')}</option>}
        </select>
      </label>
    </fieldset>
  );
}
