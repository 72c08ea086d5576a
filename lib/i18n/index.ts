import { signal, computed } from '@preact/signals';
import { en, fr, type MessageKey } from './catalog';

export type { MessageKey };
export type Lang = 'en' | 'fr';
export const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { en, fr };

/** The user's choice: a language, or null to follow the browser. */
export const langSetting = signal<Lang | null>(null);
export const browserLang = signal<string>(typeof navigator === 'undefined' ? 'en' : navigator.language);

export function pickLang(setting: Lang | null, browserLanguage: string): Lang {
  if (setting) return setting;
  return browserLanguage.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export const lang = computed<Lang>(() => pickLang(langSetting.value, browserLang.value));
/** BCP 47 locale for Intl: the browser's own when it speaks the chosen language (fr-CA stays fr-CA). */
export const locale = computed(() => (browserLang.value.toLowerCase().startsWith(lang.value) ? browserLang.value : lang.value === 'fr' ? 'fr-FR' : 'en-GB'));

export function translate(l: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = CATALOGUES[l][key] ?? en[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`)) : text;
}

/** Translates in the current language; reading it inside a component re-renders on language change. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(lang.value, key, params);
}
