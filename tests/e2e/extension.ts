import { test as base, expect, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import path from 'node:path';
import fs from 'node:fs';
import { findChromium } from '../../scripts/browsers.mjs';

export const EXTENSION_PATH = path.resolve(import.meta.dirname, '../../.output/chrome-mv3');

/** The tab a first install opens (lib/background/welcome.ts). */
export const isWelcomeUrl = (url: string) => /^chrome-extension:\/\/[a-p]{32}\/sidepanel\.html\?view=welcome$/.test(url);

/**
 * A fresh profile with the built extension. The install opens the welcome tab; it is closed unless asked for
 * (`keepWelcome`), so each test drives one panel page only (tests/e2e/onboarding.spec.ts covers the welcome).
 */
export async function launchWithExtension(opts: { keepWelcome?: boolean } = {}): Promise<{ context: BrowserContext; sw: Worker; extensionId: string }> {
  if (!fs.existsSync(path.join(EXTENSION_PATH, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_PATH}: run "npm run build" first.`);
  }
  const context = await chromium.launchPersistentContext('', {
    executablePath: findChromium() ?? undefined,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${EXTENSION_PATH}`,
      `--load-extension=${EXTENSION_PATH}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  // Nothing leaves the machine: every request not routed by a test is refused.
  await context.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => route.abort());
  if (!opts.keepWelcome) {
    const closeWelcome = (p: Page) => void (isWelcomeUrl(p.url()) && p.close().catch(() => {}));
    context.on('page', closeWelcome);
    context.pages().forEach(closeWelcome);
  }
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(sw.url()).host;
  return { context, sw, extensionId };
}

type Fixtures = { context: BrowserContext; sw: Worker; extensionId: string; panel: Page };

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this destructuring
  context: async ({}, use) => {
    const { context } = await launchWithExtension();
    await use(context);
    await context.close();
  },
  sw: async ({ context }, use) => {
    await use(context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  },
  extensionId: async ({ sw }, use) => {
    await use(new URL(sw.url()).host);
  },
  /** The side panel page opened as a tab (Playwright cannot drive the real side panel). */
  panel: async ({ context, extensionId }, use) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await use(page);
  },
});

export { expect };

/** Serves a fixture page at a real site address (content scripts match exactly as in production). */
export async function serveAt(context: BrowserContext, urlGlob: string, html: string): Promise<void> {
  await context.route(urlGlob, (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
}

/** Loads the demo portfolio from the panel's empty state, as a user would. */
export async function loadDemo(panel: Page): Promise<void> {
  await panel.getByRole('button', { name: /Accounts|Comptes/ }).click();
  await panel.getByTestId('load-demo').click();
  await panel.getByTestId('account-list').waitFor({ timeout: 30_000 });
  // The list shows the first chunk at once; the load is over when the loader leaves its marker.
  await expect.poll(async () => (await readTable<{ key: string }>(panel, 'meta', 100)).some((m) => m.key === 'demo.loaded'), { timeout: 60_000 }).toBe(true);
}

/** Reads rows straight from the extension's IndexedDB, to compare what the panel shows with what is stored. */
export async function readTable<T = Record<string, unknown>>(page: Page, table: string, limit = 10): Promise<T[]> {
  return page.evaluate(
    ({ table, limit }) =>
      new Promise<T[]>((resolve, reject) => {
        const req = indexedDB.open('carnet');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const out: T[] = [];
          const cursor = db.transaction(table).objectStore(table).openCursor();
          cursor.onsuccess = () => {
            const c = cursor.result;
            if (!c || out.length >= limit) {
              db.close();
              resolve(out);
              return;
            }
            out.push(c.value as T);
            c.continue();
          };
        };
      }),
    { table, limit },
  );
}

/** Every object store of the extension's database, all rows, as IndexedDB holds them (no Dexie, no decryption). */
export function dumpDb(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const req = indexedDB.open('carnet');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names);
          const out: Record<string, unknown[]> = {};
          for (const n of names) {
            const r = tx.objectStore(n).getAll();
            r.onsuccess = () => (out[n] = r.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}
