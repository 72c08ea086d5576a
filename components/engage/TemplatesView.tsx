import './engage.css';
import { useState } from 'preact/hooks';
import { t, lang as uiLang } from '@/lib/i18n';
import { useModel } from '@/lib/panel/use-model';
import { createTemplatesModel } from '@/lib/panel/models/templates';
import { tabState } from '@/lib/panel/active-tab';
import { TEMPLATE_CATEGORIES } from '@/lib/engage/categories';
import type { TemplateCategory } from '@/lib/schema/template';
import { CategoryChips } from './CategoryChips';
import { TemplateDetail } from './TemplateDetail';
import { EngageSettingsForm } from './EngageSettingsForm';
import { usesText } from '@/lib/panel/engage-text';

/** Templates: the library by category, one template's editor, preview and A/B results, and the writing settings. */
export function TemplatesView() {
  const m = useModel(() =>
    createTemplatesModel({
      uiLang: () => uiLang.value,
      pageContactId: () => tabState.value?.match.primary?.contactId ?? null,
      newTemplateName: () => t('engage.newName'),
    }),
  );
  const [newCategory, setNewCategory] = useState<TemplateCategory>('follow_up');
  const rows = m.rows.value;
  if (m.selected.value) return <TemplateDetail m={m} />;
  return (
    <section aria-labelledby="templates-title" data-testid="templates-view">
      <div class="section-head">
        <h2 id="templates-title">{t('engage.title')}</h2>
      </div>
      <p class="muted small">{t('engage.intro')}</p>
      <CategoryChips value={m.category.value} onChange={m.setCategory} />
      {rows === undefined ? (
        <p class="muted">{t('common.loading')}</p>
      ) : m.visible.value.length === 0 ? (
        <p class="empty">{rows.length === 0 ? t('engage.empty') : t('engage.emptyCategory')}</p>
      ) : (
        <ul class="plain template-list" data-testid="template-list">
          {m.visible.value.map((r) => (
            <li key={r.template.id}>
              <button type="button" class="row" onClick={() => m.select(r.template.id)} data-testid="template-row">
                <span>
                  <strong>{r.template.name}</strong>
                  <br />
                  <span class="chip">{t(`engage.category.${r.template.category}`)}</span>
                  {r.testRunning && <span class="chip chip-ab">{t('engage.ab.running')}</span>}
                </span>
                <span class="muted small">
                  {r.languages.map((l) => t(`engage.lang.${l}`)).join(' · ') || t('engage.noText')}
                  <br />
                  {usesText(r.uses)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          void m.create(newCategory);
        }}
      >
        <label class="field inline">
          <span>{t('engage.category')}</span>
          <select value={newCategory} onChange={(e) => setNewCategory((e.target as HTMLSelectElement).value as TemplateCategory)}>
            {TEMPLATE_CATEGORIES.map((c) => (
              <option value={c} key={c}>
                {t(`engage.category.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="primary" data-testid="template-new">
          {t('engage.new')}
        </button>
      </form>
      <EngageSettingsForm m={m} />
    </section>
  );
}
