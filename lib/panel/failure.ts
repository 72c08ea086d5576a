import { t } from '../i18n';
import { LockedError } from '../crypto/state';
import { noteStorageError } from './storage-problem';

/** Why an action failed, when it is the browser's storage (also raised in the panel's banner) or the locked encryption. */
function knownReason(e: unknown): string | null {
  const problem = noteStorageError(e);
  if (problem) return t(`storage.${problem}.short`);
  if (e instanceof LockedError) return t('crypto.error.locked');
  return null;
}

/** The reason alone, for screens that frame it themselves ("Could not save: …"). */
export function failureReason(e: unknown): string {
  return knownReason(e) ?? (e instanceof Error ? e.message : String(e));
}

/** The user's words for a failed action: a known reason, else "Something went wrong" with the error's own message. */
export function failureText(e: unknown): string {
  return knownReason(e) ?? t('error.generic', { message: e instanceof Error ? e.message : String(e) });
}
