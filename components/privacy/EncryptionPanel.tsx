import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import {
  changeFromPanel,
  cryptoBusy,
  cryptoNotice,
  cryptoProgress,
  cryptoStatus,
  disableFromPanel,
  enableFromPanel,
  lockFromPanel,
  strengthHint,
} from '@/lib/panel/models/crypto';
import { Field } from '../Field';
import { UnlockForm } from '../UnlockForm';

function PassField({
  id,
  label,
  value,
  onInput,
  hint,
  autoComplete = 'new-password',
}: {
  id: string;
  label: string;
  value: string;
  onInput: (v: string) => void;
  hint?: string;
  autoComplete?: string;
}) {
  return (
    <Field id={id} label={label}>
      <input
        id={id}
        type="password"
        autoComplete={autoComplete}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
        aria-describedby={hint ? `${id}-hint` : undefined}
        data-testid={id}
      />
      {hint && (
        <span id={`${id}-hint`} class="muted" aria-live="polite" data-testid={`${id}-hint`}>
          {hint}
        </span>
      )}
    </Field>
  );
}

function EnableForm() {
  const [pass, setPass] = useState('');
  const [confirm, setConfirm] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    if (await enableFromPanel(pass, confirm)) {
      setPass('');
      setConfirm('');
    }
  };
  return (
    <form onSubmit={submit} data-testid="crypto-enable-form">
      <p class="warning" role="note">
        {t('crypto.warning')}
      </p>
      <PassField id="crypto-pass" label={t('crypto.passphrase')} value={pass} onInput={setPass} hint={pass ? strengthHint(pass) : undefined} />
      <PassField id="crypto-confirm" label={t('crypto.confirm')} value={confirm} onInput={setConfirm} />
      <div class="actions">
        <button type="submit" class="primary" disabled={!!cryptoBusy.value || !pass || !confirm} data-testid="crypto-enable">
          {t('crypto.enable')}
        </button>
      </div>
    </form>
  );
}

function ChangeForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    if (await changeFromPanel(current, next, confirm)) {
      setCurrent('');
      setNext('');
      setConfirm('');
    }
  };
  return (
    <form onSubmit={submit} data-testid="crypto-change-form">
      <PassField id="crypto-change-current" label={t('crypto.current')} value={current} onInput={setCurrent} autoComplete="current-password" />
      <PassField id="crypto-change-new" label={t('crypto.new')} value={next} onInput={setNext} hint={next ? strengthHint(next) : undefined} />
      <PassField id="crypto-change-confirm" label={t('crypto.confirm')} value={confirm} onInput={setConfirm} />
      <div class="actions">
        <button type="submit" class="secondary" disabled={!!cryptoBusy.value || !current || !next || !confirm}>
          {t('crypto.change')}
        </button>
      </div>
    </form>
  );
}

function DisableForm() {
  const [pass, setPass] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    if (await disableFromPanel(pass)) setPass('');
  };
  return (
    <form onSubmit={submit} data-testid="crypto-disable-form">
      <p class="muted">{t('crypto.disableHelp')}</p>
      <PassField id="crypto-disable-pass" label={t('crypto.passphrase')} value={pass} onInput={setPass} autoComplete="current-password" />
      <div class="actions">
        <button type="submit" class="secondary" disabled={!!cryptoBusy.value || !pass} data-testid="crypto-disable">
          {t('crypto.disable')}
        </button>
      </div>
    </form>
  );
}

/** The Privacy page's at-rest encryption card: status, turn on, lock, unlock, change passphrase, turn off. */
export function EncryptionPanel() {
  const status = cryptoStatus.value;
  const notice = cryptoNotice.value;
  return (
    <section class="card" aria-labelledby="crypto-title" data-testid="crypto-panel">
      <h3 id="crypto-title">{t('crypto.title')}</h3>
      <p class="muted">{t('crypto.intro')}</p>
      <p class="muted">{t('crypto.syncNote')}</p>
      <p data-testid="crypto-status" data-status={status}>
        <strong>{t(`crypto.status.${status}`)}</strong>
      </p>
      {cryptoProgress.value && (
        <p role="status" data-testid="crypto-progress">
          {cryptoProgress.value}
        </p>
      )}
      {notice && (
        <p class={notice.tone === 'error' ? 'field-error' : 'notice'} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="crypto-notice">
          {notice.text}
        </p>
      )}
      {status === 'off' && <EnableForm />}
      {status === 'locked' && <UnlockForm id="crypto-unlock" />}
      {status === 'unlocked' && (
        <>
          <div class="actions">
            <button type="button" class="primary" disabled={!!cryptoBusy.value} onClick={() => void lockFromPanel()} data-testid="crypto-lock">
              {t('crypto.lock')}
            </button>
          </div>
          <details>
            <summary>{t('crypto.change')}</summary>
            <ChangeForm />
          </details>
          <details>
            <summary>{t('crypto.disable')}</summary>
            <DisableForm />
          </details>
        </>
      )}
    </section>
  );
}
