import type { PageContextInput, PageSite } from '../schema/page-context';
import type { Recognizer, Site } from './site';
import { SITE_MATCHES } from './matches';
import { matchesAny } from './match-pattern';
import { none } from './dom';
import { gmail } from './gmail';
import { outlook } from './outlook';
import { linkedin } from './linkedin';
import { zendesk } from './zendesk';
import { freshdesk } from './freshdesk';
import * as gmailUrls from './gmail/urls';
import * as outlookUrls from './outlook/urls';
import * as linkedinUrls from './linkedin/urls';
import * as zendeskUrls from './zendesk/urls';
import * as freshdeskUrls from './freshdesk/urls';

/**
 * The supported sites, one folder each (urls.ts, selectors.ts, recognize.ts, fixtures/ and tests). Content scripts
 * import their own site's folder, never this index, so each bundle carries one site only.
 */
export const SITES = { gmail, outlook, linkedin, zendesk, freshdesk } as const satisfies Record<PageSite, Site>;

/** Each site's URL predicates (with their example URLs) and route parsers. */
export const URLS = { gmail: gmailUrls, outlook: outlookUrls, linkedin: linkedinUrls, zendesk: zendeskUrls, freshdesk: freshdeskUrls } as const;

export type { Recognizer, Site };

export const RECOGNIZERS: Record<PageSite, Recognizer> = {
  gmail: gmail.recognize,
  outlook: outlook.recognize,
  linkedin: linkedin.recognize,
  zendesk: zendesk.recognize,
  freshdesk: freshdesk.recognize,
};

/** Which supported site a URL belongs to, from the same match patterns the manifest uses. */
export function siteOf(url: string): PageSite | null {
  for (const [site, patterns] of Object.entries(SITE_MATCHES)) if (matchesAny(patterns, url)) return site as PageSite;
  return null;
}

/** Recognizes any supported page (null for an unsupported URL). */
export function recognizePage(url: string, doc: Document): PageContextInput | null {
  const site = siteOf(url);
  if (!site) return null;
  return RECOGNIZERS[site](url, doc) ?? none(site, url, 'no result');
}
