import type { PageContextInput, PageSite } from '../schema/page-context';
import { siteOf } from '../sites';
import { recognize as gmail } from './gmail';
import { recognize as outlook } from './outlook';
import { recognize as linkedin } from './linkedin';
import { recognize as zendesk } from './zendesk';
import { recognize as freshdesk } from './freshdesk';
import { none } from './dom';

export type Recognizer = (url: string, doc: Document) => PageContextInput;

export const RECOGNIZERS: Record<PageSite, Recognizer> = { gmail, outlook, linkedin, zendesk, freshdesk };

/**
 * Recognizes any supported page (null for an unsupported URL). Content scripts import their own site's
 * recognizer directly so each bundle carries one site only.
 */
export function recognizePage(url: string, doc: Document): PageContextInput | null {
  const site = siteOf(url);
  if (!site) return null;
  return RECOGNIZERS[site](url, doc) ?? none(site, url, 'no result');
}
