import { t } from '@/lib/i18n';
import { TEMPLATE_CATEGORIES } from '@/lib/engage/categories';
import type { TemplateCategory } from '@/lib/schema/template';

/** All / one category, as toggle chips. */
export function CategoryChips({ value, onChange }: { value: TemplateCategory | null; onChange: (c: TemplateCategory | null) => void }) {
  return (
    <div class="chips" role="group" aria-label={t('engage.category')}>
      <button type="button" class="chip-button" aria-pressed={value === null} onClick={() => onChange(null)}>
        {t('engage.category.all')}
      </button>
      {TEMPLATE_CATEGORIES.map((c) => (
        <button type="button" class="chip-button" aria-pressed={value === c} onClick={() => onChange(c)} key={c}>
          {t(`engage.category.${c}`)}
        </button>
      ))}
    </div>
  );
}
