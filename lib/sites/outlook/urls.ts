import { parseUrl } from '../url';

/** Where the content script runs and which hosts Carnet may read (the manifest is built from these). */
export const OUTLOOK_MATCHES = ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'] as const;

const HOSTS = new Set(['outlook.office.com', 'outlook.office365.com', 'outlook.live.com']);

/** Outlook on the web: `/mail/[<n>/]<folder…>/id/<conversation or item id, URL-encoded>`. */
export function outlookRoute(url: string): { itemId: string | null; compose: boolean } | null {
  const u = parseUrl(url);
  if (!u || !HOSTS.has(u.hostname) || !/^\/mail(?:\/|$)/.test(u.pathname)) return null;
  const id = /\/id\/([^/?#]+)/.exec(u.pathname)?.[1];
  let itemId: string | null = null;
  if (id) {
    try {
      itemId = decodeURIComponent(id);
    } catch {
      itemId = id;
    }
  }
  return { itemId, compose: /\/(?:deeplink\/)?compose(?:\/|$)/.test(u.pathname) };
}

export const isOutlookReadingPane = (url: string): boolean => {
  const r = outlookRoute(url);
  return !!r?.itemId && !r.compose;
};
isOutlookReadingPane.urls = [
  'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWI2NDQtMDACLTAwCgAQAJvK%2BB7z4mdEsk8n5pr5Ejw%3D',
  'https://outlook.office365.com/mail/sentitems/id/AAQkAGI2TG93AAA%3D',
  'https://outlook.live.com/mail/0/inbox/id/AQQkADAwATZiZmYAZC1hMgA3OC0zNjNiLTAwAi0wMAoAEAD8w%2FYxF9hBRK8Lx%2BMv8xQ%3D',
  'https://outlook.office.com/mail/search/id/AAQkAGI2TG93AAA%3D',
];

export const isOutlookCompose = (url: string): boolean => !!outlookRoute(url)?.compose;
isOutlookCompose.urls = [
  'https://outlook.office.com/mail/deeplink/compose',
  'https://outlook.live.com/mail/0/deeplink/compose?to=a%40b.fr',
  'https://outlook.office365.com/mail/compose',
];

export const isOutlookList = (url: string): boolean => {
  const r = outlookRoute(url);
  return !!r && !r.itemId && !r.compose;
};
isOutlookList.urls = [
  'https://outlook.office.com/mail/',
  'https://outlook.office.com/mail/inbox',
  'https://outlook.live.com/mail/0/',
  'https://outlook.office365.com/mail/archive',
];
