import type { PageContext } from '../schema/page-context';
import { isSuppressedHash, suppressionHash } from '../gdpr/suppression';
import { pickPrimaryPerson } from './primary';
import { resolveContext, type Resolution } from './resolve';

/** What a page's people matched in the database, as the panel shows it. */
export interface PageMatch extends Resolution {
  /** The primary person was erased at their request: do not offer to recreate them. */
  suppressed?: boolean;
}

/**
 * The suppression hashes of the page's primary person (e-mail, LinkedIn URL). Computed once per page, outside
 * any Dexie live query: WebCrypto promises would lose the query's observation of the tables it reads.
 */
export async function suppressionKeys(ctx: PageContext): Promise<string[]> {
  const p = pickPrimaryPerson(ctx);
  const ids = [p?.email, p?.linkedinUrl].filter((x): x is string => !!x);
  const hashes = await Promise.all(ids.map(suppressionHash));
  return hashes.filter((h): h is string => !!h);
}

/**
 * Matches a page against the database: contacts and accounts of its people, suggestions, suppression.
 * Reads only Dexie, so it can run inside a live query and follow every write to the tables it read.
 */
export async function matchPage(ctx: PageContext, keys: string[]): Promise<PageMatch> {
  const match: PageMatch = await resolveContext(ctx);
  if (match.primary && !match.primary.contactId) {
    for (const k of keys) if (await isSuppressedHash(k)) match.suppressed = true;
  }
  return match;
}
