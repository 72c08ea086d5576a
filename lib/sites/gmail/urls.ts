import { parseUrl } from '../url';

/** Where the content script runs and which hosts Carnet may read (the manifest is built from these). */
export const GMAIL_MATCHES = ['https://mail.google.com/*'] as const;

/** Gmail routes live in the hash: `#inbox/<threadKey>`, `#label/Clients/<threadKey>`, `#inbox?compose=new`. */
export interface GmailRoute {
  /** The view part of the hash, e.g. `inbox`, `label/Clients`, `search/acme`. */
  view: string;
  /** The thread key when a thread is open: new-style key (FMfcg…) or legacy hex id. */
  threadKey: string | null;
  /** The compose parameter (`new` or a draft key) when a compose window is open. */
  compose: string | null;
}

const THREAD_KEY = /^(?:[A-Za-z]{2,8}[A-Za-z0-9]{20,}|[0-9a-f]{16})$/;

export function gmailRoute(url: string): GmailRoute | null {
  const u = parseUrl(url);
  if (!u || u.hostname !== 'mail.google.com' || !/^\/mail\/(?:u\/\d+\/)?$/.test(u.pathname)) return null;
  const hash = decodeURIComponent(u.hash.slice(1));
  const q = hash.indexOf('?');
  const path = q < 0 ? hash : hash.slice(0, q);
  const compose = q < 0 ? null : new URLSearchParams(hash.slice(q + 1)).get('compose');
  const parts = path.split('/').filter(Boolean);
  const last = parts[parts.length - 1];
  const threadKey = parts.length > 1 && last && THREAD_KEY.test(last) ? last : null;
  return { view: (threadKey ? parts.slice(0, -1) : parts).join('/') || 'inbox', threadKey, compose };
}

export const isGmailThread = (url: string): boolean => {
  const r = gmailRoute(url);
  return !!r?.threadKey && !r.compose;
};
isGmailThread.urls = [
  'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKyxsVzLzKFRjHNjfhxxd',
  'https://mail.google.com/mail/u/3/#label/Clients%2FActifs/FMfcgzQXJWDsKyxsVzLzKFRjHNjfhxxd',
  'https://mail.google.com/mail/u/0/#search/acme/FMfcgzQXJWDsKyxsVzLzKFRjHNjfhxxd',
  'https://mail.google.com/mail/#sent/14a5f1c6f7aeeebc',
  'https://mail.google.com/mail/u/1/#all/QgrcJHrnxkFwGcBwkjWBgSvDfXrsGmnKXrQ',
];

export const isGmailCompose = (url: string): boolean => !!gmailRoute(url)?.compose;
isGmailCompose.urls = [
  'https://mail.google.com/mail/u/0/#inbox?compose=new',
  'https://mail.google.com/mail/u/2/#sent?compose=CllgCJTMXQgnkNWmHmcMgxsbtGGDDFtHdBwHTRNlpGswZNxcKTfPfWbJHfNlRjXxqxWcWLFrWfq',
  'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKyxsVzLzKFRjHNjfhxxd?compose=new',
];

export const isGmailList = (url: string): boolean => {
  const r = gmailRoute(url);
  return !!r && !r.threadKey && !r.compose;
};
isGmailList.urls = [
  'https://mail.google.com/mail/u/0/',
  'https://mail.google.com/mail/u/0/#inbox',
  'https://mail.google.com/mail/#inbox',
  'https://mail.google.com/mail/u/1/#label/Clients',
  'https://mail.google.com/mail/u/0/#search/from%3Aacme.fr',
  'https://mail.google.com/mail/u/0/#inbox/p2',
];
