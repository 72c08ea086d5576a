/** Match patterns of the supported sites: content scripts and host permissions come from this one list. */
export const SITE_MATCHES = {
  gmail: ['https://mail.google.com/*'],
  outlook: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
  linkedin: ['https://www.linkedin.com/*'],
  zendesk: ['https://*.zendesk.com/*'],
  freshdesk: ['https://*.freshdesk.com/*'],
} as const;

export const CONTENT_MATCHES: string[] = Object.values(SITE_MATCHES).flat();
