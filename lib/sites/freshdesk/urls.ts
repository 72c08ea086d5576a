import { parseUrl } from '../url';

/** Where the content script runs and which hosts Carnet may read (the manifest is built from these). */
export const FRESHDESK_MATCHES = ['https://*.freshdesk.com/*'] as const;

export function freshdeskTicketId(url: string): string | null {
  const u = parseUrl(url);
  if (!u || !u.hostname.endsWith('.freshdesk.com')) return null;
  return /^\/a\/tickets\/(\d+)/.exec(u.pathname)?.[1] ?? null;
}

export const isFreshdeskTicket = (url: string): boolean => !!freshdeskTicketId(url);
isFreshdeskTicket.urls = ['https://acme.freshdesk.com/a/tickets/1289', 'https://acme-help.freshdesk.com/a/tickets/77?current_tab=details'];

export const isFreshdeskTicketList = (url: string): boolean => {
  const u = parseUrl(url);
  return !!u && u.hostname.endsWith('.freshdesk.com') && /^\/a\/tickets\/?(?:filters\/[^/]+)?$/.test(u.pathname);
};
isFreshdeskTicketList.urls = ['https://acme.freshdesk.com/a/tickets', 'https://acme.freshdesk.com/a/tickets/filters/all_tickets'];
