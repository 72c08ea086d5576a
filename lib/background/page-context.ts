import type { PageContext } from '../schema/page-context';
import { matchPage, suppressionKeys } from '../match/page-match';
import { createContactFromPerson } from './create-from-page';
import { tabKey, type TabState } from './tab-state';
import { readItem, tabStateItem } from '../storage/items';

export interface SessionStore {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** Matches what a tab shows against the database and keeps it for the panel (which then follows it live). */
export async function handlePageContext(ctx: PageContext, tabId: number, session: SessionStore): Promise<TabState> {
  const match = await matchPage(ctx, await suppressionKeys(ctx));
  const state: TabState = { context: ctx, match, at: Date.now() };
  await session.set({ [tabKey(tabId)]: state });
  return state;
}

/** The addresses on the page that are known contacts: what the in-page hint marks. */
export function knownEmails(state: TabState): string[] {
  const people = [state.match.primary, ...state.match.others].filter((m) => m?.contactId && m.person.email);
  return [...new Set(people.map((m) => m!.person.email!.toLowerCase()))];
}

export function readTabState(tabId: number, session: SessionStore): Promise<TabState | null> {
  return readItem(tabStateItem(tabId), session);
}

/** Matches the tab's page again (after the database changed under it). */
export async function rematchTab(tabId: number, session: SessionStore): Promise<TabState | null> {
  const state = await readTabState(tabId, session);
  return state ? handlePageContext(state.context, tabId, session) : null;
}

/**
 * Creates the contact a tab shows (the primary person, or another person by index) and rematches the tab,
 * so the panel switches to the new contact's view.
 */
export async function createContactFromTab(tabId: number, personIndex: number, session: SessionStore) {
  const state = await readTabState(tabId, session);
  const target = personIndex < 0 ? state?.match.primary : state?.match.others[personIndex];
  if (!state || !target) return { error: 'nothing to create on this tab' };
  if (state.match.suppressed && personIndex < 0) return { error: 'this person was erased at their request' };
  const contact = await createContactFromPerson(target.person);
  await handlePageContext(state.context, tabId, session);
  return { ok: true as const, contactId: contact.id };
}
