import { signal } from '@preact/signals';
import { isSealed, onCryptoStateChange, WrongPassphraseError } from '../../crypto';
import {
  changePassphrase,
  cryptoStatusNow,
  disableEncryption,
  enableEncryption,
  getCryptoStatus,
  lock,
  passphraseStrength,
  unlock,
  MIN_PASSPHRASE_LENGTH,
  type CryptoStatus,
} from '../../db/encryption';
import { t, type MessageKey } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { failureReason } from '../failure';

/** The at-rest encryption model of the panel: status, one operation at a time, its progress and its message. */
export const cryptoStatus = signal<CryptoStatus>('off');
export const cryptoBusy = signal<null | 'enable' | 'unlock' | 'disable' | 'change' | 'lock'>(null);
export const cryptoProgress = signal<string | null>(null);
export const cryptoNotice = signal<{ tone: 'info' | 'error'; text: string } | null>(null);

let watching = false;
/** Reads the status once and follows it (this panel's actions and other contexts' through storage.session). */
export function watchCryptoStatus(): void {
  if (watching) return;
  watching = true;
  onCryptoStateChange(() => (cryptoStatus.value = cryptoStatusNow()));
  void getCryptoStatus().then((s) => (cryptoStatus.value = s));
}

/** A sealed value (read while locked) shown as "Locked", never as ciphertext. */
export function shownText(value: string | null | undefined): string | null {
  if (value == null) return null;
  return isSealed(value) ? t('crypto.lockedField') : value;
}

export function shownList(values: string[]): string[] {
  return values.some(isSealed) ? [t('crypto.lockedField')] : values;
}

/** The user's words for a crypto failure: wrong passphrase, locked, or the error's own message. */
export function cryptoErrorText(e: unknown): string {
  if (e instanceof WrongPassphraseError) return t('crypto.error.wrong');
  return failureReason(e);
}

export function strengthHint(passphrase: string): string {
  return t(`crypto.strength.${passphraseStrength(passphrase)}` as MessageKey, { min: MIN_PASSPHRASE_LENGTH });
}

async function run(kind: NonNullable<typeof cryptoBusy.value>, op: () => Promise<string | null>): Promise<boolean> {
  if (cryptoBusy.value) return false;
  cryptoBusy.value = kind;
  cryptoNotice.value = null;
  try {
    const text = await op();
    cryptoNotice.value = text ? { tone: 'info', text } : null;
    return true;
  } catch (e) {
    cryptoNotice.value = { tone: 'error', text: cryptoErrorText(e) };
    return false;
  } finally {
    cryptoBusy.value = null;
    cryptoProgress.value = null;
    cryptoStatus.value = cryptoStatusNow();
  }
}

const progress = (key: 'crypto.enabling' | 'crypto.decrypting') => (done: number, total: number) => {
  cryptoProgress.value = t(key, { done: formatNumber(done), total: formatNumber(total) });
};

export function enableFromPanel(passphrase: string, confirm: string): Promise<boolean> {
  if (passphrase !== confirm) {
    cryptoNotice.value = { tone: 'error', text: t('crypto.mismatch') };
    return Promise.resolve(false);
  }
  return run('enable', async () => {
    const { rows } = await enableEncryption(passphrase, { onProgress: progress('crypto.enabling') });
    return t('crypto.enabled', { n: formatNumber(rows) });
  });
}

export function unlockFromPanel(passphrase: string): Promise<boolean> {
  return run('unlock', async () => {
    await unlock(passphrase);
    return t('crypto.unlocked');
  });
}

export function lockFromPanel(): Promise<boolean> {
  return run('lock', async () => {
    await lock();
    return null;
  });
}

export function disableFromPanel(passphrase: string): Promise<boolean> {
  return run('disable', async () => {
    const { rows } = await disableEncryption(passphrase, { onProgress: progress('crypto.decrypting') });
    return t('crypto.disabled', { n: formatNumber(rows) });
  });
}

export function changeFromPanel(current: string, next: string, confirm: string): Promise<boolean> {
  if (next !== confirm) {
    cryptoNotice.value = { tone: 'error', text: t('crypto.mismatch') };
    return Promise.resolve(false);
  }
  return run('change', async () => {
    const { rows } = await changePassphrase(current, next, { onProgress: progress('crypto.enabling') });
    return t('crypto.changed', { n: formatNumber(rows) });
  });
}

/** What screens need to show sealed fields and locked errors. */
export { isSealed } from '../../crypto/cipher';
export { sealedFields, SENSITIVE_FIELDS } from '../../crypto/fields';
export { LockedError } from '../../crypto/state';
