import type { PageContext } from '../schema/page-context';
import type { ResolvedPerson } from '../match/resolve';
import type { PageMatch } from '../match/page-match';

/** A person on the page and what they matched in the database. */
export type MatchedPerson = ResolvedPerson;

export type TabMatch = PageMatch;

/** What the background keeps per tab in storage.session; the panel renders it. */
export interface TabState {
  context: PageContext;
  match: TabMatch;
  at: number;
}

export const tabKey = (tabId: number): string => `tab:${tabId}`;
export const tabIdOfKey = (key: string): number | null => (key.startsWith('tab:') ? Number(key.slice(4)) : null);
