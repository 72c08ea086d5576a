import { parseUrl } from '../url';

/** Where the content script runs and which hosts Carnet may read (the manifest is built from these). */
export const LINKEDIN_MATCHES = ['https://www.linkedin.com/*'] as const;

function linkedinPath(url: string): string | null {
  const u = parseUrl(url);
  return u && (u.hostname === 'www.linkedin.com' || u.hostname === 'linkedin.com') ? u.pathname : null;
}

/** The profile slug of `/in/<slug>/…`, percent-decoded, as written in the URL. */
export function linkedinProfileSlug(url: string): string | null {
  const m = /^\/in\/([^/]+)/.exec(linkedinPath(url) ?? '');
  if (!m?.[1]) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}

export const isLinkedinProfile = (url: string): boolean => !!linkedinProfileSlug(url);
isLinkedinProfile.urls = [
  'https://www.linkedin.com/in/helene-dupont-4a1b2c/',
  'https://www.linkedin.com/in/Helene-Dupont-4a1b2c',
  'https://www.linkedin.com/in/williamhgates/overlay/about-this-profile/',
  'https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa/?originalSubdomain=es',
  'https://www.linkedin.com/in/satyanadella/details/experience/',
];

export const linkedinThreadId = (url: string): string | null => /^\/messaging\/thread\/([^/]+)/.exec(linkedinPath(url) ?? '')?.[1] ?? null;

export const isLinkedinMessagingThread = (url: string): boolean => !!linkedinThreadId(url);
isLinkedinMessagingThread.urls = [
  'https://www.linkedin.com/messaging/thread/2-YjQ3NzVhZDEtYTk2ZC00ZGQ0LWI0NDgtNzA4YzVkNTBlMjE3XzAxMA==/',
  'https://www.linkedin.com/messaging/thread/2-MDNmYTk0/?filter=unread',
];

/** Sales Navigator lead id: `/sales/lead/<id>,<auth type>,<token>`. */
export const salesNavLeadId = (url: string): string | null => /^\/sales\/lead\/([^,/]+)/.exec(linkedinPath(url) ?? '')?.[1] ?? null;

export const isSalesNavLead = (url: string): boolean => !!salesNavLeadId(url);
isSalesNavLead.urls = [
  'https://www.linkedin.com/sales/lead/ACwAAAB1c2UBmNpXwL8sKJ3ZpQeR_tYvUo4,NAME_SEARCH,x9Zq',
  'https://www.linkedin.com/sales/lead/ACwAAAB1c2UBmNpXwL8sKJ3ZpQeR_tYvUo4',
];

export const isSalesNavCompany = (url: string): boolean => /^\/sales\/company\/\d+/.test(linkedinPath(url) ?? '');
isSalesNavCompany.urls = ['https://www.linkedin.com/sales/company/1035', 'https://www.linkedin.com/sales/company/1035/people'];

export const isLinkedinMessagingList = (url: string): boolean => /^\/messaging\/?$/.test(linkedinPath(url) ?? '');
isLinkedinMessagingList.urls = ['https://www.linkedin.com/messaging/'];

export const isLinkedinFeed = (url: string): boolean => /^\/feed(?:\/|$)/.test(linkedinPath(url) ?? '');
isLinkedinFeed.urls = ['https://www.linkedin.com/feed/', 'https://www.linkedin.com/feed/update/urn:li:activity:7130000000000000000/'];
