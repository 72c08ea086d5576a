import type { PageContextInput, PageSite } from '../schema/page-context';

/** A selector alternative and the date it was last seen working (or, for written fixtures, assumed). */
export type Alt = readonly [css: string, seen: string];

export function clean(s: string | null | undefined): string | null {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t || null;
}

export function textOf(el: Element | null | undefined): string | null {
  return el ? clean(el.textContent) : null;
}

/** Hidden by markup (not computed styles: cheap and deterministic). Gmail and Zendesk park inactive views this way. */
export function isHidden(el: Element, stop?: Element | null): boolean {
  for (let e: Element | null = el; e && e !== stop; e = e.parentElement) {
    if (e.hasAttribute('hidden') || e.getAttribute('aria-hidden') === 'true') return true;
    const style = e.getAttribute('style');
    if (style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  }
  return false;
}

/** The first element any alternative finds (newest alternative first). */
export function pick(root: ParentNode, alts: readonly Alt[], visibleOnly = false): Element | null {
  for (const [css] of alts) {
    for (const el of Array.from(root.querySelectorAll(css))) if (!visibleOnly || !isHidden(el)) return el;
  }
  return null;
}

export function pickAll(root: ParentNode, alts: readonly Alt[], visibleOnly = false): Element[] {
  for (const [css] of alts) {
    const found = Array.from(root.querySelectorAll(css)).filter((el) => !visibleOnly || !isHidden(el));
    if (found.length) return found;
  }
  return [];
}

export function none(site: PageSite, url: string, reason: string, self: string | null = null): PageContextInput {
  return { site, kind: 'none', url: url.slice(0, 4000), reason, self };
}

/** Runs a recognizer without ever letting it throw into the page. */
export function safely(site: PageSite, url: string, fn: () => PageContextInput): PageContextInput {
  try {
    return fn();
  } catch (e) {
    return none(site, url, `recognizer error: ${e instanceof Error ? e.message : String(e)}`.slice(0, 300));
  }
}

export function cap(s: string | null | undefined, max: number): string | null {
  const t = clean(s);
  return t && t.length > max ? t.slice(0, max) : t;
}
