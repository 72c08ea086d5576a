#!/usr/bin/env node
// npm run screenshots: the store listings' screenshots (1280×800, both stores take that size), made from the demo
// portfolio in real Chromium: a mail page on the left, Carnet's panel (400 px) on the right.
//   node scripts/store-screenshots.mjs [--lang=en|fr]    (default: both) → docs/store/<lang>-<n>-<view>.png
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { ensureChromium } from './browsers.mjs';

const root = path.resolve(import.meta.dirname, '..');
const ext = path.join(root, '.output/chrome-mv3');
const outDir = path.join(root, 'docs/store');
const only = process.argv.find((a) => a.startsWith('--lang='))?.slice(7);
const W = 1280;
const H = 800;
const PANEL = 400;

const executablePath = ensureChromium();
if (!executablePath) process.exit(1);
if (spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
fs.mkdirSync(outDir, { recursive: true });

const TEXT = {
  en: {
    inbox: 'Inbox',
    sent: 'Sent',
    drafts: 'Drafts',
    to: 'to',
    me: 'me',
    subject: 'Contract renewal',
    when: 'Nov 12, 2026, 9:14 AM',
    body: 'Hello, could we talk about the renewal before the end of the month? We would like to add two seats.',
    locale: 'en-GB',
  },
  fr: {
    inbox: 'Boîte de réception',
    sent: 'Envoyés',
    drafts: 'Brouillons',
    to: 'à',
    me: 'moi',
    subject: 'Renouvellement du contrat',
    when: '12 nov. 2026, 09:14',
    body: 'Bonjour, pouvons-nous parler du renouvellement avant la fin du mois ? Nous voudrions ajouter deux postes.',
    locale: 'fr-FR',
  },
};
const template = fs.readFileSync(path.join(import.meta.dirname, 'store/mail-page.html'), 'utf8');
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** What the panel's IndexedDB holds, read as the tests do (no Dexie). */
const readAll = (page, stores) =>
  page.evaluate(
    (stores) =>
      new Promise((resolve) => {
        const req = indexedDB.open('carnet');
        req.onsuccess = () => {
          const tx = req.result.transaction(stores);
          const out = {};
          for (const s of stores) tx.objectStore(s).getAll().onsuccess = (e) => (out[s] = e.target.result);
          tx.oncomplete = () => resolve(out);
        };
      }),
    stores,
  );

async function shoot(lang) {
  const text = TEXT[lang];
  const context = await chromium.launchPersistentContext('', {
    executablePath,
    headless: true,
    locale: text.locale,
    colorScheme: 'light',
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
  await context.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (r) => r.abort());
  const welcomeTab =
    context.pages().find((p) => p.url().includes('view=welcome')) ??
    (await context.waitForEvent('page', { predicate: (p) => p.url().includes('view=welcome') }));
  const shots = [];

  // 1. The welcome, as the install opens it.
  await welcomeTab.setViewportSize({ width: W, height: H });
  await welcomeTab.getByTestId('welcome').waitFor();
  shots.push(['welcome', await welcomeTab.screenshot()]);
  await welcomeTab.close();

  const panel = await context.newPage();
  await panel.setViewportSize({ width: PANEL, height: H });
  await panel.goto(`chrome-extension://${id}/sidepanel.html?demo=200`);
  let db = null;
  for (let i = 0; i < 240; i++) {
    db = await readAll(panel, ['accounts', 'contacts', 'scores', 'meta']);
    if (db.meta.some((m) => m.key === 'demo.loaded') && db.scores.length >= db.accounts.length && db.accounts.length) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  // A healthy strategic account's first contact writes in.
  const account = db.accounts.find((a) => a.lifecycleStage === 'active' && a.tier === 'strategic') ?? db.accounts[0];
  const contact = db.contacts.find((c) => c.accountId === account.id && c.emails.length && c.firstName) ?? db.contacts.find((c) => c.emails.length);
  const name = `${contact.firstName} ${contact.lastName}`.trim();
  const fields = { ...text, lang, email: contact.emails[0], name, initial: name[0], self: 'alex.morgan@northwind-traders.com' };
  const html = template.replace(/\{\{(\w+)\}\}/g, (_, k) => esc(fields[k] ?? ''));
  await context.route('https://mail.google.com/**', (r) => r.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
  const mail = await context.newPage();
  await mail.setViewportSize({ width: W - PANEL - 1, height: H });
  await mail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLkQxyz');
  const mailShot = await mail.screenshot();

  const tab = (re) => panel.locator('[data-testid="tab-bar"] .tab').filter({ hasText: re }).first();
  // 2. The contact's 360° beside the email.
  await tab(/This page|Cette page/).click();
  await panel.getByTestId('contact-view').waitFor();
  await panel
    .getByTestId('churn-gauge')
    .first()
    .waitFor({ timeout: 30_000 })
    .catch(() => {});
  await panel.waitForTimeout(500);
  shots.push(['contact', mailShot, await panel.screenshot()]);
  // 3. The portfolio, riskiest first.
  await tab(/Accounts|Comptes/).click();
  await panel.getByTestId('portfolio-sort').selectOption('churn:desc');
  await panel.getByTestId('account-list').waitFor();
  await panel.waitForTimeout(500);
  shots.push(['portfolio', mailShot, await panel.screenshot()]);
  // 4. The dashboard.
  await tab(/Dashboard|Tableau de bord/).click();
  await panel.getByTestId('kpis').waitFor({ timeout: 30_000 });
  await panel.waitForTimeout(800);
  shots.push(['dashboard', mailShot, await panel.screenshot()]);

  // Side by side on one 1280×800 canvas.
  const canvas = await context.newPage();
  await canvas.setViewportSize({ width: W, height: H });
  const written = [];
  for (const [i, [view, left, right]] of shots.entries()) {
    const file = path.join(outDir, `${lang}-${i + 1}-${view}.png`);
    if (!right) fs.writeFileSync(file, left);
    else {
      const img = (b, w) => `<img src="data:image/png;base64,${b.toString('base64')}" style="width:${w}px;height:${H}px;display:block">`;
      await canvas.setContent(
        `<body style="margin:0;display:flex;background:#fff">${img(left, W - PANEL - 1)}<div style="width:1px;background:#d0d7de"></div>${img(right, PANEL)}</body>`,
      );
      await canvas.screenshot({ path: file });
    }
    written.push(path.relative(root, file));
  }
  await context.close();
  return written;
}

for (const lang of only ? [only] : ['en', 'fr']) console.log(`written: ${(await shoot(lang)).join(', ')}`);
