import type { PageSite } from '../schema/page-context';
import { GMAIL_MATCHES } from './gmail/urls';
import { OUTLOOK_MATCHES } from './outlook/urls';
import { LINKEDIN_MATCHES } from './linkedin/urls';
import { ZENDESK_MATCHES } from './zendesk/urls';
import { FRESHDESK_MATCHES } from './freshdesk/urls';

/** Match patterns of the supported sites, each from its own folder: content scripts and host permissions come from here. */
export const SITE_MATCHES = {
  gmail: GMAIL_MATCHES,
  outlook: OUTLOOK_MATCHES,
  linkedin: LINKEDIN_MATCHES,
  zendesk: ZENDESK_MATCHES,
  freshdesk: FRESHDESK_MATCHES,
} as const satisfies Record<PageSite, readonly string[]>;

export const CONTENT_MATCHES: string[] = Object.values(SITE_MATCHES).flat();
