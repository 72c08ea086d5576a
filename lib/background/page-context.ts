import type { PageContext } from '../schema/page-context';
import { basicMatch } from './basic-match';
import { tabKey, type TabState } from './tab-state';

export interface SessionStore {
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** Matches what a tab shows against the database and keeps it for the panel. */
export async function handlePageContext(ctx: PageContext, tabId: number, session: SessionStore): Promise<TabState> {
  const state: TabState = { context: ctx, match: await basicMatch(ctx), at: Date.now() };
  await session.set({ [tabKey(tabId)]: state });
  return state;
}
