/** Names as words: what search keys, fuzzy matching and page people share. Dependency-free. */

// biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range, control characters included
const ASCII = /^[\x00-\x7f]*$/;

/** Lower-case, accents removed: "Hélène" and "helene" find each other. */
export function fold(text: string): string {
  // Plain ASCII has nothing to decompose: most names and every address skip the Unicode pass (bulk writes fold each).
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** The folded words of a text, in order ("Jean-Éric O’Neil" → ["jean-eric", "o’neil"]). */
export function words(text: string | null | undefined): string[] {
  if (!text) return [];
  return fold(text).match(WORD) ?? [];
}

/** Folded words, each once (accents and case dropped, order kept for display only). */
export const nameTokens = (text: string | null | undefined): string[] => [...new Set(words(text))];
