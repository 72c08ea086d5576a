import { tabStateItem } from '../storage/items';
import type { ResolvedPerson } from '../match/resolve';
import type { PageMatch } from '../match/page-match';

/** A person on the page and what they matched in the database. */
export type MatchedPerson = ResolvedPerson;

export type TabMatch = PageMatch;

/** What the background keeps per tab in storage.session (typed and checked in lib/storage/items); the panel renders it. */
export type { TabState } from '../storage/items';

export const tabKey = (tabId: number): string => tabStateItem(tabId).key;
export const tabIdOfKey = (key: string): number | null => (key.startsWith('tab:') ? Number(key.slice(4)) : null);
