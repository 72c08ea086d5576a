#!/usr/bin/env node
// npm start: builds Carnet, launches Chromium with it loaded and the demo portfolio in its panel.
//   --headless --screenshot=docs/screenshot.png   renders the panel without a display (used for the README)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { ensureChromium } from './browsers.mjs';

const root = path.resolve(import.meta.dirname, '..');
const ext = path.join(root, '.output/chrome-mv3');
const args = process.argv.slice(2);
const shot = args.find((a) => a.startsWith('--screenshot='))?.slice(13);
const headless = args.includes('--headless') || (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);

// The same set-up as npm test: Debian's Chromium, installed with apt-get when it is missing and we can.
const executablePath = ensureChromium();
if (!executablePath) process.exit(1);
if (spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);

const profile = shot ? fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-')) : path.join(root, '.chromium-profile');
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless,
  viewport: shot ? { width: 400, height: 720 } : null,
  colorScheme: 'light',
  locale: 'fr-FR',
  ignoreDefaultArgs: ['--disable-extensions'],
  args: [
    `--disable-extensions-except=${ext}`,
    `--load-extension=${ext}`,
    '--no-first-run',
    '--disable-background-networking',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ],
});
const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const id = new URL(sw.url()).host;
// A fresh profile's install opens the welcome tab; npm start loads the demo itself, so it closes that tab.
const isWelcome = (p) => p.url().endsWith('/sidepanel.html?view=welcome');
context.on('page', (p) => void (isWelcome(p) && p.close().catch(() => {})));
for (const p of context.pages()) if (isWelcome(p)) await p.close();
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`chrome-extension://${id}/sidepanel.html?demo=200`);
await page.getByRole('button', { name: /Comptes|Accounts/ }).click();
await page.getByTestId('account-list').waitFor({ timeout: 60_000 });

if (shot) {
  // A healthy strategic account, once the portfolio is scored, opened through search as a user would.
  const pickAccount = () =>
    page.evaluate(
      () =>
        new Promise((resolve) => {
          const req = indexedDB.open('carnet');
          req.onsuccess = () => {
            const tx = req.result.transaction(['accounts', 'scores']);
            const all = tx.objectStore('accounts').getAll();
            const scores = tx.objectStore('scores').count();
            tx.oncomplete = () => {
              const pick = all.result.find((a) => a.lifecycleStage === 'active' && a.tier === 'strategic') ?? all.result[0];
              resolve(scores.result >= all.result.length ? pick.name : null);
            };
          };
        }),
    );
  let name = null;
  for (let i = 0; i < 120 && !name; i++) name = (await pickAccount()) ?? (await new Promise((r) => setTimeout(r, 500)));
  await page.getByTestId('search').fill(name);
  await page.locator('.search [role=option]').first().waitFor();
  await page.getByTestId('search').press('Enter');
  await page.getByTestId('account-view').waitFor();
  await page.getByTestId('churn-gauge').waitFor();
  await page.screenshot({ path: shot });
  console.log(`screenshot written to ${shot}`);
  await context.close();
  process.exit(0);
}
console.log(
  `\nCarnet is running with the demo portfolio (extension id ${id}).\n` +
    'Click the Carnet button in the toolbar (or press Alt+Shift+C) to open the side panel beside any page.\n' +
    'Close the browser window to stop.',
);
await new Promise((resolve) => context.on('close', resolve));
