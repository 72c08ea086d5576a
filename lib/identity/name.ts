/** Names as words: what search keys, fuzzy matching and page people share. Dependency-free. */

/** Lower-case, accents removed: "Hélène" and "helene" find each other. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** The folded words of a text, in order ("Jean-Éric O’Neil" → ["jean-eric", "o’neil"]). */
export function words(text: string | null | undefined): string[] {
  if (!text) return [];
  return fold(text).match(WORD) ?? [];
}

/** Folded words, each once (accents and case dropped, order kept for display only). */
export const nameTokens = (text: string | null | undefined): string[] => [...new Set(words(text))];
