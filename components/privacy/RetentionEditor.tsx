import { useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import { formatDate, formatNumber } from '@/lib/i18n/format';
import { applyRetention, previewRetention, saveRetentionPolicy, type RetentionPolicy, type RetentionPreview } from '@/lib/panel/commands/privacy';
import { RETENTION_FIELDS, formToPolicy, policyToForm, type RetentionField } from '@/lib/panel/models/privacy';
import { ConfirmDialog } from './ConfirmDialog';

export function RetentionEditor({ initial }: { initial: RetentionPolicy }) {
  const [form, setForm] = useState(() => policyToForm(initial));
  const [invalid, setInvalid] = useState<RetentionField[]>([]);
  const [preview, setPreview] = useState<RetentionPreview | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const parsed = (): RetentionPolicy | null => {
    const r = formToPolicy(form);
    if ('invalid' in r) {
      setInvalid(r.invalid);
      return null;
    }
    setInvalid([]);
    return r.policy;
  };

  const save = async () => {
    const p = parsed();
    if (!p) return;
    await saveRetentionPolicy(p);
    setPreview(await previewRetention(p));
    setMessage(t('retention.saved'));
  };

  const showPreview = async () => {
    const p = parsed();
    if (p) setPreview(await previewRetention(p));
  };

  const apply = async () => {
    setConfirming(false);
    const p = parsed();
    if (!p) return;
    await saveRetentionPolicy(p);
    const counts = await applyRetention(p);
    setMessage(t('retention.applied', { n: formatNumber(Object.values(counts).reduce((a, b) => a + (b ?? 0), 0)) }));
    setPreview(await previewRetention(p));
  };

  return (
    <section class="card" aria-labelledby="retention-title" data-testid="retention">
      <h3 id="retention-title">{t('retention.title')}</h3>
      <p class="muted">{t('retention.explain')}</p>
      {RETENTION_FIELDS.map((f) => (
        <label class="field">
          {t(`retention.${f}`)}
          <input
            inputMode="numeric"
            value={form[f]}
            aria-invalid={invalid.includes(f) || undefined}
            data-testid={`retention-${f}`}
            onInput={(e) => {
              setForm({ ...form, [f]: e.currentTarget.value });
              setPreview(null);
            }}
          />
        </label>
      ))}
      {invalid.length > 0 && (
        <p role="alert" class="error">
          {t('retention.invalid')}
        </p>
      )}
      <div class="actions">
        <button type="button" class="secondary" onClick={save} data-testid="retention-save">
          {t('retention.save')}
        </button>
        <button type="button" class="secondary" onClick={showPreview} data-testid="retention-preview">
          {t('retention.preview')}
        </button>
      </div>
      {message && <p role="status">{message}</p>}
      {preview && (
        <div data-testid="retention-preview-result">
          {preview.total === 0 ? (
            <p>{t('retention.nothing')}</p>
          ) : (
            <>
              <p>{t('retention.wouldDelete', { n: formatNumber(preview.total) })}</p>
              <ul class="plain">
                {Object.entries(preview.counts).map(([table, n]) => (
                  <li>
                    <strong>{t(`table.${table}` as MessageKey)}</strong>: {formatNumber(n ?? 0)}
                    <ul class="muted">
                      {(preview.sample[table as keyof typeof preview.sample] ?? []).map((s) => (
                        <li>
                          {formatDate(s.date)} — {s.label}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
              <button type="button" class="danger" onClick={() => setConfirming(true)} data-testid="retention-apply">
                {t('retention.apply')}
              </button>
            </>
          )}
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('retention.confirmTitle', { n: formatNumber(preview?.total ?? 0) })}
        confirmLabel={t('retention.apply')}
        onConfirm={() => void apply()}
        onCancel={() => setConfirming(false)}
        testId="retention-dialog"
      >
        <p>{t('retention.confirmBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
