import { t } from '@/lib/i18n';
import type { LifecycleModel } from '@/lib/panel/models/lifecycle';
import { Purpose } from '@/lib/schema';

/** A sequence's name, purpose and steps (template + days after the previous step + a note), saved together. */
export function SequenceEditor({ m }: { m: LifecycleModel }) {
  const d = m.draft.value;
  if (!d) return null;
  const err = m.errors.value;
  const templates = m.templates.value ?? [];
  return (
    <form
      class="card sequence-editor"
      aria-labelledby="sequence-editor-title"
      data-testid="sequence-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void m.save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') m.cancel();
      }}
    >
      <h3 id="sequence-editor-title">{d.id ? t('sequence.edit') : t('sequence.new')}</h3>
      <label class="field">
        <span>{t('sequence.name')}</span>
        <input
          value={d.name}
          maxLength={100}
          onInput={(e) => m.change({ name: (e.target as HTMLInputElement).value })}
          aria-invalid={!!err.name}
          data-testid="sequence-name"
        />
        {err.name && <span class="error small">{err.name}</span>}
      </label>
      <label class="field">
        <span>{t('sequence.purpose')}</span>
        <select value={d.purpose} onChange={(e) => m.change({ purpose: (e.target as HTMLSelectElement).value as typeof d.purpose })}>
          {Purpose.options.map((p) => (
            <option key={p} value={p}>
              {t(`purpose.${p}`)}
            </option>
          ))}
        </select>
        <span class="muted small">{t('sequence.purposeHelp')}</span>
      </label>
      {templates.length === 0 && <p class="error">{t('sequence.noTemplates')}</p>}
      <ol class="sequence-steps">
        {d.steps.map((s, i) => (
          <li key={i} data-testid="sequence-step">
            <label class="field inline">
              <span>{t('sequence.step.template')}</span>
              <select
                value={s.templateId}
                onChange={(e) => m.changeStep(i, { templateId: (e.target as HTMLSelectElement).value })}
                aria-invalid={!!err[`steps.${i}.templateId`]}
                data-testid="sequence-step-template"
              >
                {!templates.some((x) => x.id === s.templateId) && <option value={s.templateId}>{t('sequence.templateGone')}</option>}
                {templates.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            </label>
            <label class="field inline">
              <span>{i === 0 ? t('sequence.step.delayFirst') : t('sequence.step.delay')}</span>
              <input
                type="number"
                min={0}
                max={365}
                value={s.delayDays}
                onInput={(e) => m.changeStep(i, { delayDays: (e.target as HTMLInputElement).valueAsNumber })}
                aria-invalid={!!err[`steps.${i}.delayDays`]}
                data-testid="sequence-step-delay"
              />
            </label>
            <label class="field">
              <span>{t('sequence.step.note')}</span>
              <input value={s.note} maxLength={500} onInput={(e) => m.changeStep(i, { note: (e.target as HTMLInputElement).value })} />
            </label>
            {(err[`steps.${i}.templateId`] || err[`steps.${i}.delayDays`]) && (
              <span class="error small">{err[`steps.${i}.templateId`] ?? err[`steps.${i}.delayDays`]}</span>
            )}
            <span class="actions">
              <button type="button" class="secondary" disabled={i === 0} onClick={() => m.moveStep(i, -1)} aria-label={t('sequence.step.up', { n: i + 1 })}>
                ↑
              </button>
              <button
                type="button"
                class="secondary"
                disabled={i === d.steps.length - 1}
                onClick={() => m.moveStep(i, 1)}
                aria-label={t('sequence.step.down', { n: i + 1 })}
              >
                ↓
              </button>
              <button type="button" class="secondary" disabled={d.steps.length <= 1} onClick={() => m.removeStep(i)}>
                {t('sequence.step.remove')}
              </button>
            </span>
          </li>
        ))}
      </ol>
      {err.steps && <p class="error small">{err.steps}</p>}
      {m.saveError.value && (
        <p class="error" role="alert">
          {m.saveError.value}
        </p>
      )}
      <div class="actions">
        <button type="button" class="secondary" disabled={d.steps.length >= 20} onClick={m.addStep} data-testid="sequence-add-step">
          {t('sequence.step.add')}
        </button>
        <button type="submit" class="primary" data-testid="sequence-save">
          {t('common.save')}
        </button>
        <button type="button" class="secondary" onClick={m.cancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
