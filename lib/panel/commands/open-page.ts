import { browser } from 'wxt/browser';

/** Opens one of the extension's own pages (e.g. the client report) in a new tab beside the current one. */
export async function openExtensionPage(path: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(path as '/report.html') });
}
