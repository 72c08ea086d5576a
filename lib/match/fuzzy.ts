import { nameTokens } from '../identity/name';

/** Jaro-Winkler similarity of two strings, 0..1. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aHit = new Array<boolean>(a.length).fill(false);
  const bHit = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - range); j <= Math.min(b.length - 1, i + range); j++) {
      if (bHit[j] || a[i] !== b[j]) continue;
      aHit[i] = bHit[j] = true;
      matches++;
      break;
    }
  }
  if (!matches) return 0;
  let t = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    if (!aHit[i]) continue;
    while (!bHit[j]) j++;
    if (a[i] !== b[j++]) t++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

const WORD_MATCH = 0.85;

/**
 * Token-set similarity, 0..1: each word is paired with its best match on the other side (Jaro-Winkler) and
 * the pairs are averaged both ways, so word order and accents do not matter ("Dupont Hélène" = "helene dupont")
 * an extra middle name costs a little, and sharing one word of two gives at most 0.5.
 */
export function fuzzyScore(a: string | null | undefined, b: string | null | undefined): number {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (!ta.length || !tb.length) return 0;
  // A word either matches approximately or counts for nothing: "Durand" is not half of "Dupont".
  const close = (w: string, v: string) => {
    const s = jaroWinkler(w, v);
    return s >= WORD_MATCH ? s : 0;
  };
  const best = (x: string[], y: string[]) => x.reduce((sum, w) => sum + Math.max(...y.map((v) => close(w, v))), 0);
  return (best(ta, tb) + best(tb, ta)) / (ta.length + tb.length);
}

/** A page person against a contact: the name decides; a known company adds or subtracts a little. */
export function personScore(page: { name: string | null; company?: string | null }, candidate: { name: string; company?: string | null }): number {
  const name = fuzzyScore(page.name, candidate.name);
  if (!page.company || !candidate.company) return name;
  return 0.85 * name + 0.15 * fuzzyScore(page.company, candidate.company);
}
