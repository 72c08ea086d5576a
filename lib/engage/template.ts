import type { Template, TemplateContent, TemplateLang, TemplateVariant } from '../schema/template';

export const LANGS: readonly TemplateLang[] = ['fr', 'en'];

export const hasText = (c: TemplateContent): boolean => c.body.trim() !== '' || c.subject.trim() !== '';

export function activeVariants(t: Pick<Template, 'variants'>): TemplateVariant[] {
  return t.variants.filter((v) => v.active);
}

/** The languages at least one active variant is written in. */
export function templateLanguages(t: Pick<Template, 'variants'>): TemplateLang[] {
  return LANGS.filter((l) => activeVariants(t).some((v) => hasText(v[l])));
}

/**
 * A variant's text in the wanted language, or in the other one when that is empty (fellBack: the recipient gets a
 * language other than theirs, which the preview says).
 */
export function contentFor(v: TemplateVariant, wanted: TemplateLang): { lang: TemplateLang; content: TemplateContent; fellBack: boolean } {
  if (hasText(v[wanted])) return { lang: wanted, content: v[wanted], fellBack: false };
  const other: TemplateLang = wanted === 'fr' ? 'en' : 'fr';
  if (hasText(v[other])) return { lang: other, content: v[other], fellBack: true };
  return { lang: wanted, content: v[wanted], fellBack: false };
}

/** The language to write to a contact in: theirs when French or English, else the given default. */
export function recipientLang(language: string | null | undefined, fallback: TemplateLang): TemplateLang {
  const l = language?.slice(0, 2).toLowerCase();
  return l === 'fr' || l === 'en' ? l : fallback;
}

/** A new variant key and label after the existing ones: a, b, c… */
export function nextVariantKey(t: Pick<Template, 'variants'>): { id: string; label: string } {
  for (let i = 0; i < 26; i++) {
    const id = String.fromCharCode(97 + i);
    if (!t.variants.some((v) => v.id === id)) return { id, label: id.toUpperCase() };
  }
  let n = t.variants.length + 1;
  while (t.variants.some((v) => v.id === `v${n}`)) n++;
  return { id: `v${n}`, label: `V${n}` };
}

/** An A/B test id that says when it started and differs from the previous one. */
export function newTestId(now: Date, previous: string | null | undefined): string {
  const base = `t-${now.toISOString().slice(0, 19).replace(/[:T]/g, '-').toLowerCase()}`;
  return base === previous ? `${base}-2` : base;
}

/** Puts a field token in a text at the cursor (replacing the selection), and where the cursor goes after it. */
export function insertToken(text: string, start: number, end: number, token: string): { text: string; cursor: number } {
  const a = Math.max(0, Math.min(start, text.length));
  const b = Math.max(a, Math.min(end, text.length));
  return { text: text.slice(0, a) + token + text.slice(b), cursor: a + token.length };
}
