import type { PageContextInput } from '../../schema/page-context';
import { linkedinProfileSlug, linkedinThreadId, salesNavLeadId } from './urls';
import { clean, none, notYet, pick, pickAll, safely, textOf } from '../dom';
import { person } from '../people';
import { canonicalLinkedinUrl } from '../../identity/linkedin';
import { LINKEDIN } from './selectors';

const canonical = (slug: string) => canonicalLinkedinUrl(`https://www.linkedin.com/in/${encodeURIComponent(slug)}`);

interface Embedded {
  firstName?: string;
  lastName?: string;
  headline?: string;
  locationName?: string;
  geoLocationName?: string;
  company?: string;
}

type Json = Record<string, unknown>;

interface Blob {
  profiles: Json[];
  positions: { urn: string; company: string }[];
}

function readBlob(value: unknown): Blob {
  const blob: Blob = { profiles: [], positions: [] };
  const visit = (v: unknown, depth: number): void => {
    if (depth > 12 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as Json;
    if (typeof o.publicIdentifier === 'string' && typeof o.firstName === 'string') blob.profiles.push(o);
    // A position without an end date is current: the same test whatever the UI language.
    if (typeof o.companyName === 'string' && o.dateRange && typeof o.dateRange === 'object' && !(o.dateRange as Json).end) {
      blob.positions.push({ urn: typeof o.entityUrn === 'string' ? o.entityUrn : '', company: o.companyName });
    }
    for (const k in o) if (typeof o[k] === 'object') visit(o[k], depth + 1);
  };
  visit(value, 0);
  return blob;
}

/**
 * The embedded data (`<code>` and JSON script blocks) about the profile with this public identifier, and its
 * current position. After in-app navigation the blocks can still describe the previous profile, and other
 * people's (recommendations, "people also viewed") share them: a position counts only when tied to this
 * profile — by its URN id, or by sharing a block with it and no other profile.
 */
function embeddedProfile(doc: Document, slug: string): Embedded | null {
  const want = slug.toLowerCase();
  const blobs: Blob[] = [];
  for (const [css] of LINKEDIN.json) {
    for (const el of Array.from(doc.querySelectorAll(css))) {
      const text = el.textContent ?? '';
      if (!text.includes('publicIdentifier') && !text.includes('companyName')) continue;
      try {
        blobs.push(readBlob(JSON.parse(text)));
      } catch {
        /* not JSON: ignore */
      }
    }
  }
  const home = blobs.find((b) => b.profiles.some((p) => (p.publicIdentifier as string).toLowerCase() === want));
  if (!home) return null;
  const found = home.profiles.find((p) => (p.publicIdentifier as string).toLowerCase() === want)! as Json & Embedded;
  const profileId = typeof found.entityUrn === 'string' ? found.entityUrn.split(':').pop() : undefined;
  const alone = home.profiles.every((p) => (p.publicIdentifier as string).toLowerCase() === want);
  const tied = (p: { urn: string }, blob: Blob) => (profileId && p.urn ? p.urn.includes(profileId) : blob === home && alone);
  const company = blobs.flatMap((b) => b.positions.filter((p) => tied(p, b)))[0]?.company;
  return {
    firstName: typeof found.firstName === 'string' ? found.firstName : undefined,
    lastName: typeof found.lastName === 'string' ? found.lastName : undefined,
    headline: typeof found.headline === 'string' ? found.headline : undefined,
    geoLocationName: typeof found.geoLocationName === 'string' ? found.geoLocationName : undefined,
    locationName: typeof found.locationName === 'string' ? found.locationName : undefined,
    company,
  };
}

/**
 * The top card holding the name, if it is this profile's: its own links (`/in/<slug>/overlay/…`) name the
 * profile it shows, and after in-app navigation it can still be the previous one for a moment.
 */
function topCardOf(nameEl: Element | null, slug: string): Element | null {
  const card = nameEl?.closest('section') ?? null;
  if (!card) return null;
  const want = canonical(slug);
  const own = Array.from(card.querySelectorAll('a[href*="/in/"]'))
    .map((a) => canonicalLinkedinUrl(new URL(a.getAttribute('href') ?? '', 'https://www.linkedin.com').href))
    .filter((u): u is string => !!u);
  return own.length === 0 || own.includes(want!) ? card : null;
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

/** The text of a profile section by its anchor id (`#experience`, `#education`): ids, not localised titles. */
function sectionText(doc: Document, id: string): string | null {
  const anchor = doc.getElementById(id);
  const section = anchor?.closest('section') ?? anchor;
  return section ? norm(section.textContent) : null;
}

/**
 * The current company as the top card shows it without a `/company/` link: the "current company" button (2024)
 * or a logo link (Dec 2025). Its label is localised, so the card's items are told apart by where their names
 * appear (experience or education section), by a `/school/` link, else by LinkedIn's order: company first.
 */
function topCardCompany(doc: Document, card: Element, personName: string | null): string | null {
  const items: Element[] = [];
  const add = (el: Element | null) => {
    if (el && !items.includes(el) && card.contains(el)) items.push(el);
  };
  for (const [css] of LINKEDIN.topCardItem) for (const el of Array.from(card.querySelectorAll(css))) add(el);
  for (const img of Array.from(card.querySelectorAll('img[alt]'))) add(img.closest('a, button'));
  const candidates = items
    .filter((el) => !/\/in\/|\/overlay\//.test(el.getAttribute('href') ?? ''))
    .map((el) => ({
      label: clean(el.querySelector('img[alt]')?.getAttribute('alt')) ?? textOf(el),
      school: /\/school\//.test(el.getAttribute('href') ?? ''),
    }))
    .filter((c): c is { label: string; school: boolean } => !!c.label && norm(c.label) !== norm(personName));
  const experience = sectionText(doc, 'experience');
  const education = sectionText(doc, 'education');
  const kind = (c: { label: string; school: boolean }) => {
    if (c.school) return 'school';
    const l = norm(c.label);
    if (experience?.includes(l)) return 'company';
    if (education?.includes(l)) return 'school';
    return 'unknown';
  };
  const kinds = candidates.map(kind);
  const known = kinds.indexOf('company');
  if (known >= 0) return candidates[known]!.label;
  const unknown = kinds.flatMap((k, i) => (k === 'unknown' ? [i] : []));
  // The schools told apart, one item is left: the company.
  if (unknown.length === 1 && kinds.includes('school')) return candidates[unknown[0]!]!.label;
  // Nothing to compare with: the first item, when others follow it (a lone item may as well be a school).
  return candidates.length >= 2 && kinds[0] === 'unknown' ? candidates[0]!.label : null;
}

function profile(url: string, doc: Document, slug: string): PageContextInput {
  const data = embeddedProfile(doc, slug);
  const nameEl = pick(doc, LINKEDIN.name);
  const topCard = topCardOf(nameEl, slug);
  const jsonName = clean(`${data?.firstName ?? ''} ${data?.lastName ?? ''}`);
  const name = jsonName ?? (topCard ? textOf(nameEl) : null);
  if (!name) return notYet('linkedin', url, 'profile not rendered yet');
  const companyLink = topCard ? pick(topCard, LINKEDIN.company) : null;
  const company =
    data?.company ??
    clean(companyLink?.querySelector('img')?.getAttribute('alt')) ??
    textOf(companyLink) ??
    (topCard ? topCardCompany(doc, topCard, name) : null);
  return {
    site: 'linkedin',
    kind: 'profile',
    url: url,
    ref: canonical(slug),
    people: [
      person({
        role: 'subject',
        name,
        linkedinUrl: canonical(slug),
        title: clean(data?.headline) ?? (topCard ? textOf(pick(topCard, LINKEDIN.headline)) : null),
        company,
        location: clean(data?.geoLocationName ?? data?.locationName) ?? (topCard ? textOf(pick(topCard, LINKEDIN.location)) : null),
      }),
    ],
  };
}

function messaging(url: string, doc: Document, threadId: string): PageContextInput {
  const link = pickAll(doc, LINKEDIN.threadHeader, true)[0];
  const href = link?.getAttribute('href') ?? '';
  const profileUrl = canonicalLinkedinUrl(new URL(href || '/', 'https://www.linkedin.com').href);
  const name = clean(link?.getAttribute('title')) ?? textOf(link);
  if (!link || (!profileUrl && !name)) return notYet('linkedin', url, 'conversation header not rendered yet');
  return {
    site: 'linkedin',
    kind: 'messaging',
    url: url,
    ref: threadId,
    people: [person({ role: 'participant', name, linkedinUrl: profileUrl })],
  };
}

function lead(url: string, doc: Document, leadId: string): PageContextInput {
  const name = textOf(pick(doc, LINKEDIN.leadName, true));
  if (!name) return notYet('linkedin', url, 'lead not rendered yet');
  const profileHref = doc.querySelector('a[href*="linkedin.com/in/"]')?.getAttribute('href');
  return {
    site: 'linkedin',
    kind: 'lead',
    url: url,
    ref: leadId,
    people: [
      person({
        role: 'subject',
        name,
        linkedinUrl: canonicalLinkedinUrl(profileHref),
        title: textOf(pick(doc, LINKEDIN.leadHeadline)),
        company: textOf(pick(doc, LINKEDIN.leadCompany)),
        location: textOf(pick(doc, LINKEDIN.leadLocation)),
      }),
    ],
  };
}

export function recognize(url: string, doc: Document): PageContextInput {
  return safely('linkedin', url, () => {
    const slug = linkedinProfileSlug(url);
    if (slug) return profile(url, doc, slug);
    const thread = linkedinThreadId(url);
    if (thread) return messaging(url, doc, thread);
    const leadId = salesNavLeadId(url);
    if (leadId) return lead(url, doc, leadId);
    return none('linkedin', url, 'not a profile, conversation or lead page');
  });
}
