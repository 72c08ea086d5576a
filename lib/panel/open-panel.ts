import { browser } from 'wxt/browser';

type ChromeSidePanel = { open(o: { windowId: number }): Promise<void> };
type FirefoxSidebar = { open(): Promise<void> };

/**
 * Opens Carnet's real side panel (Chrome) or sidebar (Firefox) from a page of the extension, e.g. the welcome
 * tab. Both browsers accept it only during a user gesture, so it is called synchronously from the click, with
 * the window id read beforehand (`currentWindowId`). False when the browser has neither API.
 */
export function openSidePanel(windowId: number | null): boolean {
  const chromeApi = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
  if (chromeApi?.open && windowId != null) {
    void chromeApi.open({ windowId }).catch(() => {});
    return true;
  }
  const firefoxApi = (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction;
  if (firefoxApi?.open) {
    void firefoxApi.open().catch(() => {});
    return true;
  }
  return false;
}

export async function currentWindowId(): Promise<number | null> {
  try {
    return (await browser.windows.getCurrent()).id ?? null;
  } catch {
    return null;
  }
}
