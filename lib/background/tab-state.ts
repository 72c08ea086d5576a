import type { PageContext, PagePerson } from '../schema/page-context';

/** A person on the page and what they matched in the database. */
export interface MatchedPerson {
  person: PagePerson;
  contactId: string | null;
  accountId: string | null;
}

export interface TabMatch {
  primary: MatchedPerson | null;
  others: MatchedPerson[];
  /** Fuzzy candidates for an unknown primary person, best first. */
  suggestions: { contactId: string; score: number }[];
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
