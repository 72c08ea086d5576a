import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findFirefox } from '../../scripts/browsers.mjs';

/**
 * Carnet's Firefox build in Debian's Firefox ESR, driven over WebDriver BiDi by puppeteer-core (see README.md in
 * this folder for why this and not web-ext or Playwright). Playwright Test only runs the specs here.
 */

export const FIREFOX_BUILD = path.resolve(import.meta.dirname, '../../.output/firefox-mv2');
const ADDON_ID = 'carnet@carnet.invalid';
/** Fixed through a pref, so the extension's pages have a known address. */
const UUID = '3f6c8e2a-5b1d-4c7e-9a0f-ca7e7e57f1f0';
export const ORIGIN = `moz-extension://${UUID}`;
export const PANEL_URL = `${ORIGIN}/sidepanel.html`;
export const WELCOME_URL = `${PANEL_URL}?view=welcome`;

const PREFS = {
  'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
  // permissions.request resolves without the doorhanger a headless browser cannot click (the Chromium tests
  // grant the site from chrome://extensions instead); the extension still asks, through its real code path.
  'extensions.webextOptionalPermissionPrompts': false,
  // Nothing leaves the machine: whatever a test does not answer goes to a dead proxy (loopback is never proxied).
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.share_proxy_settings': true,
  'intl.accept_languages': 'en-US',
  'intl.locale.requested': 'en-US',
  'browser.startup.homepage_override.mstone': 'ignore',
};

export interface Device {
  browser: Browser;
  /** The panel app (sidepanel.html) in a window of its own, as the Chromium tests open it. */
  panel: Page;
  /** Opens `url` in a new tab of the first window, answering requests to its origin with `html`. */
  openSite(url: string, html: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Navigates a page to an extension URL. Firefox's BiDi does not report extension documents (bug 1755014), so
 * puppeteer's goto would wait forever for their load events; the command itself returns once loaded.
 */
export async function gotoExtension(page: Page, url: string): Promise<void> {
  const context = (page.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait: string): Promise<unknown> } }).browsingContext;
  await context.navigate(url, 'complete');
}

export async function launchFirefox(opts: { keepWelcome?: boolean } = {}): Promise<Device> {
  if (!fs.existsSync(path.join(FIREFOX_BUILD, 'manifest.json'))) throw new Error(`No Firefox build at ${FIREFOX_BUILD}: run "npm run build:firefox" first.`);
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('Firefox not found: install firefox-esr or set FIREFOX_PATH.');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    // Lets BiDi navigate a tab to moz-extension:// pages (it refuses non-web URLs otherwise).
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: PREFS,
    defaultViewport: { width: 1000, height: 800 },
  });
  try {
    // WebDriver BiDi webExtension.install: a temporary add-on, as about:debugging loads one.
    const id = await browser.installExtension(FIREFOX_BUILD);
    if (id !== ADDON_ID) throw new Error(`installed ${id}, expected ${ADDON_ID}`);
    const panel = await browser.newPage({ type: 'window' });
    await gotoExtension(panel, PANEL_URL);
    await panel.waitForSelector('[data-testid="tab-bar"]');
    if (!opts.keepWelcome) await closeWelcomeTabs(panel);
    const sites = (await browser.pages())[0]!;
    let firstSiteUsed = false;
    return {
      browser,
      panel,
      async openSite(url, html) {
        // The first window's blank tab, then new tabs beside it: never the panel's window.
        const page = firstSiteUsed ? await browser.newPage() : sites;
        firstSiteUsed = true;
        const origin = new URL(url).origin;
        await page.setRequestInterception(true);
        page.on('request', (req) => {
          if (req.isInterceptResolutionHandled()) return;
          if (new URL(req.url()).origin === origin && req.isNavigationRequest())
            void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
          else void req.abort();
        });
        await page.goto(url);
        await page.bringToFront();
        return page;
      },
      close: () => browser.close(),
    };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

/** The install opens the welcome (lib/background/welcome.ts); the tests that do not look at it close it. */
export async function welcomeTabs(panel: Page): Promise<number[]> {
  return panel.evaluate(async (url) => (await browser.tabs.query({})).filter((t) => t.url === url).map((t) => t.id!), WELCOME_URL);
}

async function closeWelcomeTabs(panel: Page): Promise<void> {
  // The tab opens from runtime.onInstalled: give it a moment if it is not there yet.
  for (let i = 0; i < 50; i++) {
    const ids = await welcomeTabs(panel);
    if (ids.length) {
      await panel.evaluate((ids) => browser.tabs.remove(ids), ids);
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The extension API inside the panel page (the functions passed to page.evaluate run there). */
declare const browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; remove(ids: number[]): Promise<void> } };

/** Clicks what the selector finds once it is visible and enabled (puppeteer's locator waits for both). */
export async function click(page: Page, selector: string): Promise<void> {
  await page.locator(selector).click();
}

/** The tab bar's button for a view (every view is in the bar at the default 1000 px window). */
export const tab = (name: string) => `[data-testid="tab-bar"] [data-tab="${name}"]`;
export const testId = (id: string) => `[data-testid="${id}"]`;

/** Waits until the element's text matches. */
export async function waitForText(page: Page, selector: string, re: RegExp, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    (sel, src, flags) => new RegExp(src, flags).test(document.querySelector(sel)?.textContent ?? ''),
    { timeout },
    selector,
    re.source,
    re.flags,
  );
}

/** Rows straight from the extension's IndexedDB (no Dexie), as the Chromium tests read them. */
export function readTable<T = Record<string, unknown>>(page: Page, table: string, limit = 10_000): Promise<T[]> {
  return page.evaluate(
    (table, limit) =>
      new Promise<T[]>((resolve, reject) => {
        const req = indexedDB.open('carnet');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const r = db.transaction(table).objectStore(table).getAll(null, limit);
          r.onsuccess = () => {
            db.close();
            resolve(r.result as T[]);
          };
          r.onerror = () => reject(r.error);
        };
      }),
    table,
    limit,
  );
}

/** Polls until `check` holds (a plain expect.poll for values read through puppeteer). */
export async function until(check: () => Promise<boolean>, timeout = 15_000, what = 'condition'): Promise<void> {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > timeout) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
