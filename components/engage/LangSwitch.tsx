import { t } from '@/lib/i18n';
import type { TemplateLang } from '@/lib/schema/template';

export function LangSwitch({ value, onChange }: { value: TemplateLang; onChange: (l: TemplateLang) => void }) {
  return (
    <div class="chips" role="group" aria-label={t('engage.lang')}>
      {(['fr', 'en'] as const).map((l) => (
        <button type="button" class="chip-button" aria-pressed={value === l} onClick={() => onChange(l)} key={l} lang={l}>
          {t(`engage.lang.${l}`)}
        </button>
      ))}
    </div>
  );
}
