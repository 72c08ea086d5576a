import { useRef } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { MERGE_FIELDS } from '@/lib/engage/merge-fields';
import { TEMPLATE_CATEGORIES } from '@/lib/engage/categories';
import { insertToken } from '@/lib/engage/template';
import type { TemplateCategory } from '@/lib/schema/template';
import { contactName } from '@/lib/schema';
import type { TemplatesModel } from '@/lib/panel/models/templates';
import { fieldLabel } from '@/lib/panel/engage-text';
import { ConfirmDialog } from '../privacy/ConfirmDialog';
import { LangSwitch } from './LangSwitch';
import { MessagePreview } from './MessagePreview';
import { AbResults } from './AbResults';

/** One template: name and category, its variants in French and English, a live preview, its A/B results. */
export function TemplateDetail({ m }: { m: TemplatesModel }) {
  const d = m.draft.value;
  const v = m.currentVariant.value;
  const t0 = m.selected.value!;
  const lang = m.editLang.value;
  const body = useRef<HTMLTextAreaElement>(null);
  const subject = useRef<HTMLInputElement>(null);
  const lastFocus = useRef<'subject' | 'body'>('body');
  if (!d || !v) return null;
  const active = d.variants.filter((x) => x.active);
  const p = m.preview.value;
  const rcp = m.recipient.value;

  const insertField = (field: string) => {
    const part = lastFocus.current;
    const el = part === 'subject' ? subject.current : body.current;
    const text = v[lang][part];
    const { text: next, cursor } = insertToken(text, el?.selectionStart ?? text.length, el?.selectionEnd ?? text.length, `{{${field}}}`);
    m.editVariant(v.id, lang, part, next);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(cursor, cursor);
    });
  };

  return (
    <section aria-labelledby="template-name" data-testid="template-detail">
      <div class="section-head">
        <button type="button" class="link" onClick={() => m.select(null)} data-testid="templates-back">
          ← {t('engage.back')}
        </button>
        <button type="button" class="secondary danger-text" onClick={() => (m.confirmDelete.value = t0.id)} data-testid="template-delete">
          {t('engage.delete')}
        </button>
      </div>
      <form
        class="card"
        onSubmit={(e) => {
          e.preventDefault();
          void m.save();
        }}
      >
        <label class="field">
          <span id="template-name">{t('engage.name')}</span>
          <input value={d.name} maxLength={200} required onInput={(e) => m.rename((e.target as HTMLInputElement).value)} data-testid="template-name" />
        </label>
        <label class="field">
          <span>{t('engage.category')}</span>
          <select value={d.category} onChange={(e) => m.recategorize((e.target as HTMLSelectElement).value as TemplateCategory)}>
            {TEMPLATE_CATEGORIES.map((c) => (
              <option value={c} key={c}>
                {t(`engage.category.${c}`)}
              </option>
            ))}
          </select>
        </label>

        <div class="section-head">
          <div class="chips" role="tablist" aria-label={t('engage.variants')}>
            {active.map((x) => (
              <button
                type="button"
                role="tab"
                class="chip-button"
                aria-selected={x.id === v.id}
                aria-pressed={x.id === v.id}
                onClick={() => m.selectVariant(x.id)}
                key={x.id}
                data-testid="variant-tab"
              >
                {t('engage.variant', { label: x.label })}
              </button>
            ))}
            <button type="button" class="chip-button" onClick={() => void m.addVariant()} data-testid="variant-add" title={t('engage.variantAddHelp')}>
              + {t('engage.variantAdd')}
            </button>
          </div>
          <LangSwitch value={lang} onChange={m.setEditLang} />
        </div>
        {active.length > 1 && (
          <button type="button" class="link small" onClick={() => void m.removeVariant(v.id)}>
            {t('engage.variantRemove', { label: v.label })}
          </button>
        )}
        <label class="field">
          <span>
            {t('engage.subject')} ({t(`engage.lang.${lang}`)})
          </span>
          <input
            ref={subject}
            value={v[lang].subject}
            maxLength={500}
            lang={lang}
            onFocus={() => (lastFocus.current = 'subject')}
            onInput={(e) => m.editVariant(v.id, lang, 'subject', (e.target as HTMLInputElement).value)}
            data-testid="template-subject"
          />
        </label>
        <label class="field">
          <span>
            {t('engage.body')} ({t(`engage.lang.${lang}`)})
          </span>
          <textarea
            ref={body}
            rows={10}
            value={v[lang].body}
            maxLength={20000}
            lang={lang}
            onFocus={() => (lastFocus.current = 'body')}
            onInput={(e) => m.editVariant(v.id, lang, 'body', (e.target as HTMLTextAreaElement).value)}
            data-testid="template-body"
          />
        </label>
        <details class="merge-fields">
          <summary>{t('engage.fields')}</summary>
          <p class="muted small">{t('engage.syntaxHelp')}</p>
          <div class="chips">
            {MERGE_FIELDS.map((f) => (
              <button type="button" class="chip-button" onClick={() => insertField(f)} key={f} title={`{{${f}}}`}>
                {fieldLabel(f)}
              </button>
            ))}
          </div>
        </details>
        {m.saveError.value && (
          <p role="alert" class="error">
            {m.saveError.value}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={!m.dirty.value} data-testid="template-save">
            {t('common.save')}
          </button>
          {m.dirty.value && (
            <button type="button" class="secondary" onClick={m.revert}>
              {t('engage.revert')}
            </button>
          )}
          {!m.dirty.value && (
            <span class="muted small" role="status">
              {t('engage.saved')}
            </span>
          )}
        </div>
      </form>

      <section class="card" aria-labelledby="preview-title">
        <h3 id="preview-title">{t('engage.preview.title')}</h3>
        <p class="muted small">{rcp ? t('engage.preview.for', { name: contactName(rcp.contact) }) : t('engage.preview.noContact')}</p>
        <input
          type="search"
          class="preview-search"
          placeholder={t('engage.preview.search')}
          aria-label={t('engage.preview.search')}
          onInput={(e) => void m.searchContacts((e.target as HTMLInputElement).value)}
          data-testid="preview-search"
        />
        {m.contactResults.value.length > 0 && (
          <ul class="plain">
            {m.contactResults.value.map((c) => (
              <li key={c.id}>
                <button type="button" class="link" onClick={() => void m.previewFor(c)}>
                  {contactName(c)}
                </button>
              </li>
            ))}
          </ul>
        )}
        {p && (
          <>
            {p.fellBack && (
              <p class="warn" role="note">
                {t('engage.preview.fellBack', { lang: t(`engage.lang.${p.lang}`) })}
              </p>
            )}
            <MessagePreview subject={p.subject} body={p.body} issues={p.issues} />
          </>
        )}
      </section>

      <AbResults m={m} />

      <ConfirmDialog
        open={m.confirmDelete.value !== null}
        title={t('engage.deleteTitle', { name: t0.name })}
        confirmLabel={t('engage.delete')}
        onConfirm={() => void m.deleteConfirmed()}
        onCancel={() => (m.confirmDelete.value = null)}
        testId="template-delete-confirm"
      >
        <p>{t('engage.deleteBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
