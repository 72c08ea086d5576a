/**
 * The one extension setting a content script reads: whether Gmail shows the known-sender badge. Content scripts
 * carry no zod, so this mirrors by hand what lib/storage/items.ts's Settings schema accepts, and falls back the
 * way readItem does: a stored value the panel would not read (not an object, an unknown language, a hint that is
 * not a boolean) gives the default, on, so the page and the Settings screen never disagree.
 */
export const SETTINGS_KEY = 'settings';

export function inPageHintOn(stored: unknown): boolean {
  const s = stored as { language?: unknown; inPageHint?: unknown } | null;
  const readable = typeof s === 'object' && s !== null && !Array.isArray(s) && (s.language == null || s.language === 'en' || s.language === 'fr');
  return !(readable && s.inPageHint === false);
}
