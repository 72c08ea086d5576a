import './engage.css';
import { t, lang as uiLang } from '@/lib/i18n';
import { useModel } from '@/lib/panel/use-model';
import { createTemplatePickerModel } from '@/lib/panel/models/template-picker';
import { browserDeliverDeps, currentTab } from '@/lib/panel/browser-deps';
import { deliveryText } from '@/lib/panel/engage-text';
import { CategoryChips } from './CategoryChips';
import { MessagePreview } from './MessagePreview';
import { LangSwitch } from './LangSwitch';
import { CATEGORY_PURPOSE } from '@/lib/engage/categories';

/** Choose a template for this contact, see it with their values, insert it into the open compose. */
export function TemplatePicker({ contactId }: { contactId: string }) {
  const m = useModel(() => createTemplatePickerModel({ contactId, uiLang: () => uiLang.value, tab: currentTab, deliverDeps: browserDeliverDeps }), [contactId]);
  const rows = m.visible.value;
  const p = m.prepared.value;
  const d = m.delivery.value;
  const err = m.error.value;
  return (
    <div class="template-picker" data-testid="template-picker">
      <CategoryChips value={m.category.value} onChange={m.setCategory} />
      {m.rows.value === undefined ? (
        <p class="muted">{t('common.loading')}</p>
      ) : rows.length === 0 ? (
        <p class="empty">{t('engage.picker.none')}</p>
      ) : (
        <ul class="plain template-choices" aria-label={t('engage.title')}>
          {rows.map((r) => (
            <li key={r.template.id}>
              <button
                type="button"
                class="row"
                aria-pressed={m.current.value === r.template.id}
                onClick={() => m.select(r.template.id)}
                data-testid="template-choice"
              >
                <span>{r.template.name}</span>
                <span class="muted small">{t(`engage.category.${r.template.category}`)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {p && (
        <>
          <div class="section-head">
            <span class="muted small">{p.testId ? t('engage.picker.variantInTest', { label: p.variantLabel }) : null}</span>
            <LangSwitch value={m.lang.value ?? p.lang} onChange={m.setLang} />
          </div>
          {p.fellBack && (
            <p class="warn" role="note">
              {t('engage.preview.fellBack', { lang: t(`engage.lang.${p.lang}`) })}
            </p>
          )}
          {p.doNotContact && (
            <p class="error" role="alert">
              {t('engage.picker.doNotContact')}
            </p>
          )}
          {!p.doNotContact && p.consentMissing && (
            <p class="warn" role="note">
              {t('engage.picker.noConsent', { purpose: t(`purpose.${CATEGORY_PURPOSE[p.template.category]}` as never) })}
            </p>
          )}
          <MessagePreview subject={p.subject} body={p.body} issues={p.issues} />
          <div class="actions">
            <button
              type="button"
              class="primary"
              disabled={m.busy.value || m.preparing.value || p.doNotContact}
              onClick={() => void m.insert()}
              data-testid="template-insert"
            >
              {t('engage.picker.insert')}
            </button>
          </div>
        </>
      )}
      {d && (
        <p role="status" class="ok" data-testid="template-outcome">
          {deliveryText(d)}
          {d.how === 'copied' && p?.subject && <> {t('engage.done.subjectToCopy', { subject: p.subject })}</>}
        </p>
      )}
      {err && (
        <p role="alert" class="error" data-testid="template-error">
          {t(err === 'do_not_contact' ? 'engage.picker.doNotContact' : err === 'empty' ? 'engage.picker.emptyTemplate' : 'engage.picker.failed')}
        </p>
      )}
    </div>
  );
}
