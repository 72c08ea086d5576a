import { SITE_MATCHES } from './matches';
import { matchesAny } from './match-pattern';
import type { PageSite } from '../schema/page-context';

export * as gmail from './gmail';
export * as outlook from './outlook';
export * as linkedin from './linkedin';
export * as zendesk from './zendesk';
export * as freshdesk from './freshdesk';

/** Which supported site a URL belongs to, from the same match patterns the manifest uses. */
export function siteOf(url: string): PageSite | null {
  for (const [site, patterns] of Object.entries(SITE_MATCHES)) if (matchesAny(patterns, url)) return site as PageSite;
  return null;
}
