import type { PageContext, PageSite } from '../../schema/page-context';

/** How long a page may stay "not rendered yet" before the panel says Carnet cannot read it. */
export const UNREADABLE_AFTER_MS = 8000;

export const SITE_NAMES: Record<PageSite, string> = { gmail: 'Gmail', outlook: 'Outlook', linkedin: 'LinkedIn', zendesk: 'Zendesk', freshdesk: 'Freshdesk' };

export type PageNotice = { kind: 'reading'; site: string } | { kind: 'unreadable'; site: string; report: string } | null;

export interface ReportAbout {
  version: string;
  userAgent: string;
}

/**
 * What the panel says of a page whose URL names something Carnet reads but whose markup it does not find: first
 * that it is reading the page, then, once that has lasted UNREADABLE_AFTER_MS, that it cannot — the site may have
 * changed, and a selector misses. The report names the site, the recognizer's reason, the version and the browser;
 * never the page's address or text (they hold the customer's data).
 */
export function pageNotice(ctx: Pick<PageContext, 'site' | 'kind' | 'pending' | 'reason'>, pendingForMs: number, about: ReportAbout, at: Date): PageNotice {
  if (ctx.kind !== 'none' || !ctx.pending) return null;
  const site = SITE_NAMES[ctx.site];
  if (!(pendingForMs >= UNREADABLE_AFTER_MS)) return { kind: 'reading', site };
  const report = [
    `Carnet ${about.version} could not read a ${site} page.`,
    `Recognizer: ${ctx.reason ?? 'no reason given'}, for ${Math.round(pendingForMs / 1000)} s.`,
    `Browser: ${about.userAgent}`,
    `When: ${at.toISOString()}`,
  ].join('\n');
  return { kind: 'unreadable', site, report };
}
