/**
 * Where a template goes when no compose window is open: a new compose on the user's mail site, prefilled through
 * its URL, or the clipboard (chosen, or when the text is too long for a URL).
 */
export type ComposeTarget = 'auto' | 'gmail' | 'outlook' | 'outlook_live' | 'clipboard';
export const COMPOSE_TARGETS: readonly ComposeTarget[] = ['auto', 'gmail', 'outlook', 'outlook_live', 'clipboard'];

/** Browsers and mail sites accept URLs far longer, but past this a prefilled body risks being cut. */
export const MAX_COMPOSE_URL = 8000;

export interface Draft {
  to: readonly string[];
  subject: string;
  body: string;
}

export type Fallback = { kind: 'open'; site: 'gmail' | 'outlook'; url: string } | { kind: 'copy'; reason: 'chosen' | 'too_long' };

const enc = (s: string) => encodeURIComponent(s.replace(/\r?\n/g, '\r\n'));

/** Gmail's full-page compose (`view=cm`), in the signed-in account the user was on (`/mail/u/<n>/`). */
export function gmailComposeUrl(d: Draft, accountIndex = 0): string {
  return `https://mail.google.com/mail/u/${accountIndex}/?view=cm&fs=1&to=${encodeURIComponent(d.to.join(','))}&su=${enc(d.subject)}&body=${enc(d.body)}`;
}

/** Outlook on the web's compose deeplink (work accounts on outlook.office.com, personal ones on outlook.live.com). */
export function outlookComposeUrl(d: Draft, host: 'outlook.office.com' | 'outlook.office365.com' | 'outlook.live.com' = 'outlook.office.com'): string {
  return `https://${host}/mail/deeplink/compose?to=${encodeURIComponent(d.to.join(';'))}&subject=${enc(d.subject)}&body=${enc(d.body)}`;
}

function siteOf(
  url: string | null,
): { site: 'gmail'; account: number } | { site: 'outlook'; host: 'outlook.office.com' | 'outlook.office365.com' | 'outlook.live.com' } | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:') return null;
  if (u.hostname === 'mail.google.com') return { site: 'gmail', account: Number(/^\/mail\/u\/(\d{1,2})\//.exec(u.pathname)?.[1] ?? 0) };
  if (u.hostname === 'outlook.office.com' || u.hostname === 'outlook.office365.com' || u.hostname === 'outlook.live.com')
    return { site: 'outlook', host: u.hostname };
  return null;
}

/** The compose to open (or the clipboard) for this draft; `auto` follows the mail site of the tab the user is on, else Gmail. */
export function fallbackFor(target: ComposeTarget, activeUrl: string | null, draft: Draft): Fallback {
  if (target === 'clipboard') return { kind: 'copy', reason: 'chosen' };
  const here = siteOf(activeUrl);
  let fb: Fallback;
  if (target === 'outlook' || target === 'outlook_live') {
    fb = {
      kind: 'open',
      site: 'outlook',
      url: outlookComposeUrl(
        draft,
        target === 'outlook_live' ? 'outlook.live.com' : here?.site === 'outlook' && here.host !== 'outlook.live.com' ? here.host : 'outlook.office.com',
      ),
    };
  } else if (target === 'auto' && here?.site === 'outlook') {
    fb = { kind: 'open', site: 'outlook', url: outlookComposeUrl(draft, here.host) };
  } else {
    fb = { kind: 'open', site: 'gmail', url: gmailComposeUrl(draft, here?.site === 'gmail' ? here.account : 0) };
  }
  return fb.url.length > MAX_COMPOSE_URL ? { kind: 'copy', reason: 'too_long' } : fb;
}
