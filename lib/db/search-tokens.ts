import { fold, words } from '../identity/name';

/**
 * Keys for prefix search (multi-entry index): each name word, each whole email, its local part and domain.
 * A query's first word is looked up by prefix; the rest filter the candidates.
 */
export function contactSearchTokens(c: { firstName: string; lastName: string; emails: string[] }): string[] {
  const out = new Set<string>([...words(c.firstName), ...words(c.lastName)]);
  for (const email of c.emails) {
    const e = email.toLowerCase();
    out.add(e);
    const at = e.lastIndexOf('@');
    if (at > 0) out.add(e.slice(at + 1));
    for (const w of words(e.slice(0, at))) out.add(w);
  }
  return [...out];
}

export function accountSearchTokens(a: { name: string; domains: string[] }): string[] {
  return [...new Set([...words(a.name), ...a.domains.map((d) => d.toLowerCase())])];
}

/**
 * A query's terms, cut like the indexed tokens: "Hél  Dup" → ["hel", "dup"], "Marchal & Fils" → ["marchal", "fils"];
 * an address or a domain stays whole ("h.dupont@acme.fr", "acme.fr").
 */
export function queryTerms(query: string): string[] {
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((chunk) => (/[@.]/.test(chunk) && /\p{L}/u.test(chunk) ? [chunk.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')] : words(chunk)))
    .filter(Boolean);
}

/**
 * The key an account list sorts on through the `sortName` index, close to Intl.Collator's base, numeric order:
 * case and accents ignored ("étoile" between "alpha" and "Zeta"), digit runs compared as numbers ("Société 2"
 * before "Société 10").
 */
export function nameSortKey(name: string): string {
  return fold(name).replace(/\d+/g, (d) => d.replace(/^0+(?=\d)/, '').padStart(16, '0'));
}
