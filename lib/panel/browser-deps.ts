import { browser } from 'wxt/browser';
import { activeTabId, activeTabUrl, tabState } from './active-tab';
import type { DeliverDeps, TargetTab } from './commands/insert-template';

/** The panel's way to reach the page, open a tab and copy: the browser's. */
export const browserDeliverDeps: DeliverDeps = {
  sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
  openTab: (url) => browser.tabs.create({ url }),
  copy: (text) => navigator.clipboard.writeText(text),
};

/** The tab the panel follows, with what the background recognised on it. */
export function currentTab(): TargetTab {
  const state = tabState.value;
  return {
    id: activeTabId.value,
    url: activeTabUrl.value ?? state?.context.url ?? null,
    context: state ? { site: state.context.site, kind: state.context.kind, ref: state.context.ref } : null,
  };
}

/** What an unreadable-page report names about Carnet and the browser (never the page). */
export function reportAbout(): { version: string; userAgent: string } {
  return { version: browser.runtime.getManifest().version, userAgent: navigator.userAgent };
}
