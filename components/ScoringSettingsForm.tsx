import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import { getScoringSettings, saveScoringSettings, runScoring, type ScoringUserSettings } from '@/lib/panel/scoring';
import { failureText } from '@/lib/panel/failure';

type NumField = { group: 'lifecycle' | 'clv'; key: string; label: MessageKey; step: number };
const FIELDS: NumField[] = [
  { group: 'lifecycle', key: 'newDays', label: 'scoringSettings.newDays', step: 1 },
  { group: 'lifecycle', key: 'atRiskDays', label: 'scoringSettings.atRiskDays', step: 1 },
  { group: 'lifecycle', key: 'atRiskProbability', label: 'scoringSettings.atRiskProbability', step: 0.05 },
  { group: 'lifecycle', key: 'dormantDays', label: 'scoringSettings.dormantDays', step: 1 },
  { group: 'lifecycle', key: 'churnedAfterDays', label: 'scoringSettings.churnedAfterDays', step: 1 },
  { group: 'clv', key: 'horizonMonths', label: 'scoringSettings.horizonMonths', step: 1 },
  { group: 'clv', key: 'annualDiscountRate', label: 'scoringSettings.discount', step: 0.01 },
];

/** Lifecycle thresholds and CLV horizon/discount, validated and stored in meta; saving rescores the portfolio. */
export function ScoringSettingsForm() {
  const [value, setValue] = useState<ScoringUserSettings | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  useEffect(() => {
    void getScoringSettings().then(setValue);
  }, []);
  if (!value) return null;
  const get = (f: NumField) => (value[f.group] as Record<string, number>)[f.key];
  const set = (f: NumField, n: number) => setValue({ ...value, [f.group]: { ...value[f.group], [f.key]: n } });
  return (
    <details class="scoring-settings">
      <summary>{t('scoringSettings.title')}</summary>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            setValue(await saveScoringSettings(value));
            await runScoring();
            setMessage({ text: t('scoringSettings.saved') });
          } catch (err) {
            setMessage({ text: failureText(err), error: true });
          }
        }}
      >
        {FIELDS.map((f) => (
          <label class="field">
            {t(f.label)}
            <input type="number" step={f.step} value={get(f)} onInput={(e) => set(f, (e.target as HTMLInputElement).valueAsNumber)} />
          </label>
        ))}
        <button type="submit" class="primary">
          {t('common.save')}
        </button>
        {message && (
          <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'muted'}>
            {message.text}
          </p>
        )}
      </form>
    </details>
  );
}
