import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { TabState } from '../background/tab-state';
import { readItem, tabStateItem } from '../storage/items';

export const activeTabId = signal<number | null>(null);
export const activeTabUrl = signal<string | null>(null);
export const tabState = signal<TabState | null>(null);

/** When this panel last saw each tab activated or navigated. */
const lastTouched = new Map<number, number>();

type TabLike = { id?: number; url?: string; lastAccessed?: number };

/**
 * The panel opened as a page of its own follows the last tab the user looked at, in any window: the one it last
 * saw activated or loaded, else the browser's lastAccessed. Carnet has no "tabs" permission, so a tab's URL is
 * known only on the sites it reads (its host permissions) and on its own pages: a tab without one is a page
 * Carnet cannot read (shown as such); the extension's own pages (this one, the welcome) are never followed.
 */
export function pickFollowedTab<T extends TabLike>(tabs: T[], selfTabId: number, extensionOrigin: string, touched: (id: number) => number): T | null {
  const candidates = tabs.filter((t) => t.id != null && t.id !== selfTabId && !t.url?.startsWith(extensionOrigin));
  const seen = (t: TabLike) => Math.max(touched(t.id!), t.lastAccessed ?? 0);
  candidates.sort((a, b) => seen(b) - seen(a));
  return candidates[0] ?? null;
}

async function pickTab(selfTabId: number | undefined): Promise<{ id: number; url: string | null } | null> {
  if (selfTabId === undefined) {
    // The real side panel: the active tab of its own window.
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id != null ? { id: tab.id, url: tab.url ?? null } : null;
  }
  const tab = pickFollowedTab(await browser.tabs.query({ active: true }), selfTabId, browser.runtime.getURL('/'), (id) => lastTouched.get(id) ?? 0);
  return tab?.id != null ? { id: tab.id, url: tab.url ?? null } : null;
}

async function readState(tabId: number): Promise<TabState | null> {
  return readItem(tabStateItem(tabId));
}

/** Keeps activeTabId and tabState in step with the tab the user is on. Returns a stop function. */
export async function followActiveTab(): Promise<() => void> {
  const self = await browser.tabs.getCurrent();
  // Tab events come in bursts and each refresh awaits: only the latest one may apply what it read, or an
  // older, slower one would put back a tab that is no longer the active one.
  let generation = 0;
  const refresh = async () => {
    const mine = ++generation;
    const tab = await pickTab(self?.id);
    const state = tab ? await readState(tab.id) : null;
    if (mine !== generation) return;
    activeTabId.value = tab?.id ?? null;
    activeTabUrl.value = tab?.url ?? null;
    tabState.value = state;
  };
  // A new state for a tab: re-read through refresh, so it cannot race one already under way.
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && Object.keys(changes).some((k) => k.startsWith('tab:'))) void refresh();
  };
  const onActivated = (info: { tabId: number }) => {
    lastTouched.set(info.tabId, Date.now());
    void refresh();
  };
  const onFocus = () => void refresh();
  const onUpdated = (id: number, info: { url?: string; status?: string }) => {
    if (info.url || info.status === 'complete') {
      lastTouched.set(id, Date.now());
      void refresh();
    }
  };
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  browser.windows?.onFocusChanged.addListener(onFocus);
  browser.storage.onChanged.addListener(onStorage);
  await refresh();
  return () => {
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onUpdated.removeListener(onUpdated);
    browser.windows?.onFocusChanged.removeListener(onFocus);
    browser.storage.onChanged.removeListener(onStorage);
  };
}
