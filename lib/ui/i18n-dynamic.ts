import { lang, translate, type MessageKey } from '../i18n';

/**
 * Translates a key that comes from data (a score reason, an action type) rather than from code: shown as
 * the key itself when no catalogue has it yet.
 */
export function tKey(key: string, params?: Record<string, string | number>): string {
  return translate(lang.value, key as MessageKey, params);
}
