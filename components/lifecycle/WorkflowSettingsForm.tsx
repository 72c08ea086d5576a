import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import type { LifecycleModel } from '@/lib/panel/models/lifecycle';
import { draftFromSettings, inputFromDraft, WORKFLOW_FIELDS, WORKFLOW_RULES, type RuleDraft, type WorkflowDraft } from '@/lib/panel/view/workflow-form';
import type { WorkflowRule } from '@/lib/schema/workflow';

/** Every lifecycle workflow: on or off, propose (a suggested action) or schedule (a dated task), and its days. */
export function WorkflowSettingsForm({ m }: { m: LifecycleModel }) {
  const s = m.settings.value;
  const [draft, setDraft] = useState<WorkflowDraft>(() => draftFromSettings(s));
  useEffect(() => setDraft(draftFromSettings(s)), [s]);
  const set = (rule: WorkflowRule, patch: Partial<RuleDraft>) => setDraft({ ...draft, [rule]: { ...draft[rule], ...patch } });
  const report = m.runReport.value;
  return (
    <section class="card" aria-labelledby="workflows-title" data-testid="workflow-settings">
      <h3 id="workflows-title">{t('workflow.title')}</h3>
      <p class="muted small">{t('workflow.intro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void m.saveSettings(inputFromDraft(draft));
        }}
      >
        {WORKFLOW_RULES.map((rule) => {
          const r = draft[rule];
          return (
            <fieldset key={rule} class="workflow-rule" data-testid={`workflow-${rule}`}>
              <legend>
                <label class="inline">
                  <input
                    type="checkbox"
                    checked={r.enabled}
                    onChange={(e) => set(rule, { enabled: (e.target as HTMLInputElement).checked })}
                    data-testid={`workflow-${rule}-enabled`}
                  />{' '}
                  {t(`workflow.rule.${rule}` as MessageKey)}
                </label>
              </legend>
              <p class="muted small">{t(`workflow.help.${rule}` as MessageKey)}</p>
              <div class="workflow-fields">
                <label class="field inline">
                  <span>{t('workflow.mode')}</span>
                  <select
                    value={r.mode}
                    disabled={!r.enabled}
                    onChange={(e) => set(rule, { mode: (e.target as HTMLSelectElement).value as RuleDraft['mode'] })}
                  >
                    <option value="propose">{t('workflow.mode.propose')}</option>
                    <option value="schedule">{t('workflow.mode.schedule')}</option>
                  </select>
                </label>
                {WORKFLOW_FIELDS[rule].map((f) => (
                  <label class="field inline" key={f}>
                    <span>{t(`workflow.field.${rule}.${f}` as MessageKey)}</span>
                    <input
                      inputMode="numeric"
                      size={rule === 'renewal' ? 10 : 5}
                      value={r.fields[f]}
                      disabled={!r.enabled}
                      onInput={(e) => set(rule, { fields: { ...r.fields, [f]: (e.target as HTMLInputElement).value } })}
                      data-testid={`workflow-${rule}-${f}`}
                    />
                  </label>
                ))}
              </div>
            </fieldset>
          );
        })}
        {m.settingsError.value && (
          <p class="error" role="alert">
            {t('workflow.invalid', { detail: m.settingsError.value })}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="primary" data-testid="workflow-save">
            {t('common.save')}
          </button>
          {m.settingsSaved.value && !m.settingsError.value && (
            <span role="status" class="ok">
              {t('workflow.saved')}
            </span>
          )}
          <button type="button" class="secondary" disabled={m.running.value} onClick={() => void m.runNow()} data-testid="workflow-run">
            {t('workflow.runNow')}
          </button>
          {report && (
            <span role="status" class="muted small">
              {t('workflow.runReport', report)}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
