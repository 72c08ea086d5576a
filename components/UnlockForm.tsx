import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { cryptoBusy, unlockFromPanel } from '@/lib/panel/models/crypto';

/** Passphrase field and Unlock button; Enter submits. A wrong passphrase shows its error beside the field. */
export function UnlockForm({ id }: { id: string }) {
  const [pass, setPass] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const ok = await unlockFromPanel(pass);
    if (ok) setPass('');
    else setError(t('crypto.error.wrong'));
  };
  return (
    <form class="inline-form" onSubmit={submit} data-testid={`${id}-form`}>
      <label for={id}>{t('crypto.passphrase')}</label>
      <input
        id={id}
        type="password"
        autoComplete="current-password"
        value={pass}
        onInput={(e) => setPass(e.currentTarget.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        data-testid={`${id}-input`}
      />
      <button type="submit" class="primary" disabled={!!cryptoBusy.value || pass === ''} data-testid={`${id}-submit`}>
        {t('crypto.unlock')}
      </button>
      {error && (
        <span id={`${id}-error`} class="field-error" role="alert" data-testid={`${id}-error`}>
          {error}
        </span>
      )}
    </form>
  );
}
