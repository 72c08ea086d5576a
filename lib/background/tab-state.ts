import type { PageContext } from '../schema/page-context';
import type { Resolution, ResolvedPerson } from '../match/resolve';

/** A person on the page and what they matched in the database. */
export type MatchedPerson = ResolvedPerson;

export interface TabMatch extends Resolution {
  /** The primary person was erased at their request: do not offer to recreate them. */
  suppressed?: boolean;
}

/** What the background keeps per tab in storage.session; the panel renders it. */
export interface TabState {
  context: PageContext;
  match: TabMatch;
  at: number;
}

export const tabKey = (tabId: number): string => `tab:${tabId}`;
export const tabIdOfKey = (key: string): number | null => (key.startsWith('tab:') ? Number(key.slice(4)) : null);
