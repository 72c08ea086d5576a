import { parseUrl } from '../url';

/** Where the content script runs and which hosts Carnet may read (the manifest is built from these). */
export const ZENDESK_MATCHES = ['https://*.zendesk.com/*'] as const;

export function zendeskTicketId(url: string): string | null {
  const u = parseUrl(url);
  if (!u || !u.hostname.endsWith('.zendesk.com')) return null;
  return /^\/agent\/tickets\/(\d+)/.exec(u.pathname)?.[1] ?? null;
}

export const isZendeskTicket = (url: string): boolean => !!zendeskTicketId(url);
isZendeskTicket.urls = ['https://acme.zendesk.com/agent/tickets/4821', 'https://support-eu.zendesk.com/agent/tickets/17/events'];

export const isZendeskAgentOther = (url: string): boolean => {
  const u = parseUrl(url);
  return !!u && u.hostname.endsWith('.zendesk.com') && /^\/agent(?:\/|$)/.test(u.pathname) && !zendeskTicketId(url);
};
isZendeskAgentOther.urls = [
  'https://acme.zendesk.com/agent/dashboard',
  'https://acme.zendesk.com/agent/filters/360001234567',
  'https://acme.zendesk.com/agent/tickets/new/1',
];
