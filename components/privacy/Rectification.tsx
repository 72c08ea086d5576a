import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { rectifyContact } from '@/lib/panel/commands/privacy';
import type { Contact } from '@/lib/schema';
import { RECTIFIABLE, contactToForm, rectificationPatch } from '@/lib/panel/models/privacy';
import { isSealed } from '@/lib/panel/models/crypto';
import { failureText } from '@/lib/panel/failure';

/** Right to rectification: edits go through update(), which records the change in the audit log. */
export function Rectification({ contact }: { contact: Contact }) {
  const initial = contactToForm(contact);
  const [form, setForm] = useState(initial);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async () => {
    const patch = rectificationPatch(initial, form);
    if (Object.keys(patch).length === 0) {
      setMessage({ ok: true, text: t('gdpr.noChange') });
      return;
    }
    try {
      await rectifyContact(contact.id, patch);
      setMessage({ ok: true, text: t('gdpr.rectified') });
    } catch (e) {
      setMessage({ ok: false, text: failureText(e) });
    }
  };
  return (
    <details class="card" data-testid="rectification">
      <summary>{t('gdpr.rectify')}</summary>
      {RECTIFIABLE.map((f) => (
        // biome-ignore lint/a11y/noLabelWithoutControl: each branch below puts an input or a textarea inside the label
        <label class="field">
          {t(`field.${f}`)}
          {isSealed(initial[f]) ? (
            <input value={t('crypto.lockedField')} disabled data-testid={`rectify-${f}-locked`} />
          ) : f === 'notes' ? (
            <textarea value={form[f]} onInput={(e) => setForm({ ...form, [f]: e.currentTarget.value })} data-testid={`rectify-${f}`} />
          ) : (
            <input value={form[f]} onInput={(e) => setForm({ ...form, [f]: e.currentTarget.value })} data-testid={`rectify-${f}`} />
          )}
        </label>
      ))}
      <button type="button" class="primary" onClick={save} data-testid="rectify-save">
        {t('common.save')}
      </button>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} class={message.ok ? '' : 'error'}>
          {message.text}
        </p>
      )}
    </details>
  );
}
