import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { COMPOSE_TARGETS, type ComposeTarget } from '@/lib/engage/compose-url';
import type { TemplatesModel } from '@/lib/panel/models/templates';

/** The sender's name and signature ({{myName}}, {{signature}}), where a template goes without a compose, the reply window. */
export function EngageSettingsForm({ m }: { m: TemplatesModel }) {
  const s = m.settings.value;
  const [form, setForm] = useState(s);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => setForm(s), [s]);
  const days = Number(form.replyWindowDays);
  const bad = !Number.isInteger(days) || days < 1 || days > 90;
  return (
    <details class="card engage-settings">
      <summary>{t('engage.settings.title')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (bad) return;
          void m.saveSettings({ ...form, replyWindowDays: days }).then(() => setSaved(t('engage.settings.saved')));
        }}
      >
        <label class="field">
          <span>{t('engage.settings.myName')}</span>
          <input
            value={form.myName}
            maxLength={200}
            onInput={(e) => setForm({ ...form, myName: (e.target as HTMLInputElement).value })}
            data-testid="engage-my-name"
          />
        </label>
        <label class="field">
          <span>{t('engage.settings.signature')}</span>
          <textarea
            rows={3}
            value={form.signature}
            maxLength={2000}
            onInput={(e) => setForm({ ...form, signature: (e.target as HTMLTextAreaElement).value })}
          />
          <span class="muted small">{t('engage.settings.signatureHelp')}</span>
        </label>
        <label class="field">
          <span>{t('engage.settings.target')}</span>
          <select value={form.composeTarget} onChange={(e) => setForm({ ...form, composeTarget: (e.target as HTMLSelectElement).value as ComposeTarget })}>
            {COMPOSE_TARGETS.map((c) => (
              <option value={c} key={c}>
                {t(`engage.target.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('engage.settings.replyWindow')}</span>
          <input
            type="number"
            min={1}
            max={90}
            value={form.replyWindowDays}
            onInput={(e) => setForm({ ...form, replyWindowDays: Number((e.target as HTMLInputElement).value) })}
            aria-invalid={bad}
          />
          <span class={bad ? 'error small' : 'muted small'}>{t('engage.settings.replyWindowHelp')}</span>
        </label>
        <div class="actions">
          <button type="submit" class="primary" disabled={bad}>
            {t('common.save')}
          </button>
          {saved && (
            <span role="status" class="ok">
              {saved}
            </span>
          )}
        </div>
      </form>
    </details>
  );
}
