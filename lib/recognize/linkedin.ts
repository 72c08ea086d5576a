import type { PageContextInput } from '../schema/page-context';
import { linkedinProfileSlug, linkedinThreadId, salesNavLeadId } from '../sites/linkedin';
import { type Alt, cap, clean, none, pick, pickAll, safely, textOf } from './dom';
import { person } from './people';
import { canonicalLinkedinUrl } from '../match/linkedin';

export const LINKEDIN = {
  /** Embedded data: `<code>` blocks (2016–2025) and JSON script blocks (Dec 2025). Far stabler than classes. */
  json: [['script[type="application/json"]', '2025-12'], ['code[id^="bpr-guid-"]', '2025-12'], ['code', '2024-06']] as Alt[],
  name: [['a[href*="/overlay/about-this-profile/"] h1', '2025-12'], ['h1.text-heading-xlarge', '2024-06'], ['main h1', '2025-12']] as Alt[],
  headline: [['div.text-body-medium.break-words', '2025-12']] as Alt[],
  location: [['span.text-body-small.inline.t-black--light.break-words', '2024-06'], ['[data-field="location"]', '2025-12 (assumed)']] as Alt[],
  /** Company links in the top card; schools link to /school/ and never count. */
  company: [['a[href*="/company/"]', '2025-12']] as Alt[],
  threadHeader: [['.msg-thread__link-to-profile', '2025-11'], ['.msg-title-bar a[href*="/in/"]', '2025-11'], ['[class*="msg-thread"] header a[href*="/in/"]', '2024-06']] as Alt[],
  leadName: [['h1[data-anonymize="person-name"]', '2025-11'], ['main [data-anonymize="person-name"]', '2025-11'], ['main h1', '2025-11']] as Alt[],
  leadHeadline: [['[data-anonymize="headline"]', '2025-11']] as Alt[],
  leadCompany: [['[data-anonymize="company-name"]', '2025-11']] as Alt[],
  leadLocation: [['[data-anonymize="location"]', '2025-11']] as Alt[],
} as const;

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

/** Walks embedded JSON (bounded) for the profile with this public identifier and its current position. */
function embeddedProfile(doc: Document, slug: string): Embedded | null {
  const want = slug.toLowerCase();
  let found: (Embedded & { entityUrn?: string }) | null = null;
  const current: { urn: string; company: string }[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 12 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as Json;
    if (typeof o.publicIdentifier === 'string' && o.publicIdentifier.toLowerCase() === want && typeof o.firstName === 'string') {
      found ??= o as Embedded;
    }
    // A position without an end date is current: the same test whatever the UI language.
    if (typeof o.companyName === 'string' && o.dateRange && typeof o.dateRange === 'object' && !(o.dateRange as Json).end) {
      current.push({ urn: typeof o.entityUrn === 'string' ? o.entityUrn : '', company: o.companyName });
    }
    for (const k in o) if (typeof o[k] === 'object') visit(o[k], depth + 1);
  };
  for (const [css] of LINKEDIN.json) {
    for (const el of Array.from(doc.querySelectorAll(css))) {
      const text = el.textContent ?? '';
      if (!text.includes('publicIdentifier') && !text.includes('companyName')) continue;
      try {
        visit(JSON.parse(text), 0);
      } catch {
        /* not JSON: ignore */
      }
    }
  }
  // Tie positions to this profile by its URN id when the data has one (other people's positions share the page).
  const profileId = (found as { entityUrn?: string } | null)?.entityUrn?.split(':').pop();
  const company = current.find((p) => !profileId || !p.urn || p.urn.includes(profileId))?.company;
  return found || company ? { ...(found ?? {}), company } : null;
}

function profile(url: string, doc: Document, slug: string): PageContextInput {
  const data = embeddedProfile(doc, slug);
  const nameEl = pick(doc, LINKEDIN.name);
  const topCard = nameEl?.closest('section') ?? doc;
  const jsonName = clean(`${data?.firstName ?? ''} ${data?.lastName ?? ''}`);
  const name = jsonName ?? textOf(nameEl);
  if (!name) return none('linkedin', url, 'profile not rendered yet');
  const companyLink = topCard === doc ? null : pick(topCard, LINKEDIN.company);
  const company = data?.company ?? clean(companyLink?.querySelector('img')?.getAttribute('alt')) ?? textOf(companyLink);
  return {
    site: 'linkedin',
    kind: 'profile',
    url: url.slice(0, 4000),
    ref: canonical(slug),
    people: [
      person({
        role: 'subject',
        name,
        linkedinUrl: canonical(slug),
        title: clean(data?.headline) ?? textOf(pick(topCard, LINKEDIN.headline)),
        company,
        location: clean(data?.geoLocationName ?? data?.locationName) ?? textOf(pick(topCard, LINKEDIN.location)),
      }),
    ],
  };
}

function messaging(url: string, doc: Document, threadId: string): PageContextInput {
  const link = pickAll(doc, LINKEDIN.threadHeader, true)[0];
  const href = link?.getAttribute('href') ?? '';
  const profileUrl = canonicalLinkedinUrl(new URL(href || '/', 'https://www.linkedin.com').href);
  const name = clean(link?.getAttribute('title')) ?? textOf(link);
  if (!link || (!profileUrl && !name)) return none('linkedin', url, 'conversation header not rendered yet');
  return {
    site: 'linkedin',
    kind: 'messaging',
    url: url.slice(0, 4000),
    ref: cap(threadId, 1000),
    people: [person({ role: 'participant', name, linkedinUrl: profileUrl })],
  };
}

function lead(url: string, doc: Document, leadId: string): PageContextInput {
  const name = textOf(pick(doc, LINKEDIN.leadName, true));
  if (!name) return none('linkedin', url, 'lead not rendered yet');
  const profileHref = doc.querySelector('a[href*="linkedin.com/in/"]')?.getAttribute('href');
  return {
    site: 'linkedin',
    kind: 'lead',
    url: url.slice(0, 4000),
    ref: cap(leadId, 1000),
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
