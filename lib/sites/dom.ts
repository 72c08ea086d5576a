import type { PageContextInput, PageSite } from '../schema/page-context';
import { PAGE_LIMITS, PERSON_LIMITS } from '../schema/page-limits';

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

/**
 * The URL names something Carnet reads (a thread, a ticket, a profile) but its markup is not there: still loading,
 * or — when it lasts — the site changed and a selector misses. The panel tells the two apart by how long it lasts.
 */
export function notYet(site: PageSite, url: string, reason: string, self: string | null = null): PageContextInput {
  return { ...none(site, url, reason, self), pending: true };
}

/**
 * Runs a recognizer without ever letting it throw into the page, and bounds what it returns: whatever the page
 * holds, the result passes the PageContext schema (an odd page gives fewer fields, never nothing).
 */
export function safely(site: PageSite, url: string, fn: () => PageContextInput): PageContextInput {
  try {
    return bound(fn());
  } catch (e) {
    return bound(none(site, url, `recognizer error: ${e instanceof Error ? e.message : String(e)}`));
  }
}

/** Cuts at most `max` UTF-16 units without splitting a surrogate pair (a lone half is not text). */
function truncate(t: string, max: number): string {
  if (t.length <= max) return t;
  const code = t.charCodeAt(max - 1);
  return t.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Display text (names, subjects, titles): whitespace collapsed, cut to `max`. */
export function cap(s: string | null | undefined, max: number): string | null {
  const t = clean(s);
  return t ? truncate(t, max) : null;
}

/**
 * An identifier (ticket id, address, profile URL): whole or nothing. Cut short it would name something else —
 * another ticket, another mailbox — so one that does not fit is dropped.
 */
export function capId(s: string | null | undefined, max: number): string | null {
  const t = clean(s);
  return t && t.length <= max ? t : null;
}

type PersonOut = NonNullable<PageContextInput['people']>[number];

function boundPerson(p: PersonOut): PersonOut {
  const L = PERSON_LIMITS;
  return {
    role: p.role,
    email: capId(p.email, L.email),
    name: cap(p.name, L.name),
    linkedinUrl: capId(p.linkedinUrl, L.linkedinUrl),
    company: cap(p.company, L.company),
    title: cap(p.title, L.title),
    location: cap(p.location, L.location),
  };
}

/** Clamps every page-derived string of a context to the schema's limits (see capId for what is dropped). */
export function bound(ctx: PageContextInput): PageContextInput {
  const P = PAGE_LIMITS;
  const out: PageContextInput = {
    site: ctx.site,
    kind: ctx.kind,
    url: truncate(String(ctx.url ?? ''), P.url),
    ref: capId(ctx.ref, P.ref),
    subject: cap(ctx.subject, P.subject),
    people: (ctx.people ?? [])
      .map(boundPerson)
      .filter((p) => p.email || p.name || p.linkedinUrl)
      .slice(0, P.people),
    self: capId(ctx.self, P.self),
    reason: cap(ctx.reason, P.reason),
  };
  if (ctx.pending) out.pending = true;
  if (ctx.ticket !== undefined) {
    out.ticket = ctx.ticket && { status: cap(ctx.ticket.status, P.ticketField), priority: cap(ctx.ticket.priority, P.ticketField) };
  }
  return out;
}
