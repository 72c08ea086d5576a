import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { launchFirefox, gotoExtension, welcomeTabs, click, tab, testId, waitForText, readTable, until, WELCOME_URL, type Device } from './firefox';
import { PageContext } from '../../lib/schema';
import { pickPrimaryPerson } from '../../lib/match/primary';

/** The same core flows as the Chromium suite, in Firefox ESR with the Firefox package. */

const GMAIL_FIXTURES = path.resolve(import.meta.dirname, '../../lib/sites/gmail/fixtures');
const GMAIL_THREAD = fs.readFileSync(path.resolve(import.meta.dirname, '../e2e/pages/gmail-thread.html'), 'utf8');
const gmailPage = (fields: Record<string, string>) =>
  GMAIL_THREAD.replace(/\{\{(\w+)\}\}/g, (_, k: string) => (fields[k] ?? '').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`));

let device: Device | null = null;
test.afterEach(async () => {
  await device?.close();
  device = null;
});

test('the sidebar page renders the demo portfolio from IndexedDB', async () => {
  device = await launchFirefox();
  const { panel } = device;
  await click(panel, tab('portfolio'));
  await click(panel, testId('load-demo'));
  await panel.waitForSelector(testId('account-list'), { timeout: 60_000 });
  await until(async () => (await readTable<{ key: string }>(panel, 'meta')).some((m) => m.key === 'demo.loaded'), 60_000, 'the demo to load');
  const stored = await readTable<{ name: string }>(panel, 'accounts');
  expect(stored.length).toBeGreaterThanOrEqual(50);
  // The list is sorted by name: its first row is the first stored name in that order.
  const first = [...stored].map((a) => a.name).sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }))[0]!;
  await waitForText(panel, testId('account-list'), new RegExp(first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await waitForText(panel, 'main', new RegExp(`${stored.length}`));
});

test('a Gmail thread served at its real address is recognised; one click creates the contact, one more logs the email', async () => {
  device = await launchFirefox();
  const { panel } = device;
  const name = '2026-11-26-thread-several-senders';
  const html = fs.readFileSync(path.join(GMAIL_FIXTURES, `${name}.html`), 'utf8');
  const expected = PageContext.parse(JSON.parse(fs.readFileSync(path.join(GMAIL_FIXTURES, `${name}.expected.json`), 'utf8')));
  const primary = pickPrimaryPerson(expected)!;
  await device.openSite(expected.url, html);
  await click(panel, tab('page'));
  await waitForText(panel, 'main', new RegExp(primary.name!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await click(panel, testId('create-contact'));
  await panel.waitForSelector(testId('contact-view'));
  const contacts = await readTable<{ id: string; emails: string[] }>(panel, 'contacts');
  expect(contacts.map((c) => c.emails)).toEqual([[primary.email!.toLowerCase()]]);

  // One click logs the thread on the contact's timeline; a second click updates it instead of duplicating.
  await click(panel, testId('log-page'));
  await waitForText(panel, testId('toast'), /logged/);
  await waitForText(panel, testId('contact-view'), new RegExp(expected.subject!.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  const logged = async () =>
    (await readTable<{ source: { site: string; ref: string } | null; contactIds: string[]; deletedAt: string | null }>(panel, 'interactions')).filter(
      (i) => !i.deletedAt,
    );
  await until(async () => (await logged()).length === 1, 10_000, 'one logged interaction');
  const [row] = await logged();
  expect(row!.source).toMatchObject({ site: 'gmail', ref: expected.ref });
  expect(row!.contactIds).toEqual([contacts[0]!.id]);
  await click(panel, testId('log-page'));
  await waitForText(panel, testId('toast'), /updated/);
  expect(await logged()).toHaveLength(1);
});

test('a known sender in Gmail gets the in-page badge, in a closed shadow root', async () => {
  device = await launchFirefox();
  const { panel } = device;
  await device.openSite(
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLkQxyz',
    gmailPage({ email: 'paul.durand@ventoux-logistique.fr', name: 'Paul Durand', subject: 'Bonjour' }),
  );
  await click(panel, tab('page'));
  await click(panel, testId('create-contact'));
  await panel.waitForSelector(testId('contact-view'));
  // The content script learns the new contact on its next recognition: a reload.
  const gmail = await device.openSite(
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLkQxyz',
    gmailPage({ email: 'paul.durand@ventoux-logistique.fr', name: 'Paul Durand', subject: 'Bonjour' }),
  );
  await gmail.waitForSelector('carnet-badge[data-carnet-email="paul.durand@ventoux-logistique.fr"]', { timeout: 15_000 });
  expect(await gmail.$eval('carnet-badge', (el) => el.shadowRoot)).toBeNull();
});

test('the first install opens the welcome; it says what Carnet reads and where data lives, and works by keyboard', async () => {
  device = await launchFirefox({ keepWelcome: true });
  const { panel } = device;
  await until(async () => (await welcomeTabs(panel)).length === 1, 10_000, 'the welcome tab');
  // BiDi cannot attach to a tab the extension opened: the same address in the panel's window.
  await gotoExtension(panel, WELCOME_URL);
  await waitForText(panel, testId('welcome'), /Welcome to Carnet/);
  await waitForText(panel, testId('welcome'), /Gmail, Outlook, LinkedIn, Zendesk and Freshdesk/);
  await waitForText(panel, testId('welcome'), /In this browser, on this device/);
  const focused = () => panel.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? null);
  for (let i = 0; i < 40 && (await focused()) !== 'load-demo'; i++) await panel.keyboard.press('Tab');
  expect(await focused()).toBe('load-demo');
  await panel.keyboard.press('Enter');
  await panel.waitForSelector(testId('account-list'), { timeout: 60_000 });
});

test('"Open the side panel" on the welcome opens Carnet’s sidebar (the install does not open it too)', async () => {
  device = await launchFirefox();
  const { panel } = device;
  await gotoExtension(panel, WELCOME_URL);
  const sidebarOpen = () =>
    panel.evaluate(() => (globalThis as unknown as { browser: { sidebarAction: { isOpen(o: object): Promise<boolean> } } }).browser.sidebarAction.isOpen({}));
  expect(await sidebarOpen()).toBe(false);
  // sidebarAction.open is allowed only during a user action: the click.
  await click(panel, testId('open-side-panel'));
  await until(sidebarOpen, 10_000, 'the sidebar to open');
});

test('at 360 px every view is reachable through the bar or its "More" menu, by keyboard', async () => {
  device = await launchFirefox();
  const { panel } = device;
  await panel.setViewport({ width: 360, height: 720 });
  await until(async () => (await panel.$(testId('tab-more'))) !== null, 5_000, 'the More button');
  const layout = await panel.evaluate(() => {
    const nav = document.querySelector<HTMLElement>('[data-testid="tab-bar"]')!;
    const right = nav.getBoundingClientRect().right;
    const bar = [...nav.querySelectorAll<HTMLElement>(':scope > .tab, :scope > .tab-more > .tab')];
    return {
      cut: bar.filter((b) => b.getBoundingClientRect().right > right + 0.5).length,
      shown: bar.map((b) => b.dataset.tab).filter(Boolean) as string[],
      pageScrolls: document.documentElement.scrollWidth > innerWidth,
    };
  });
  expect(layout).toMatchObject({ cut: 0, pageScrolls: false });
  await panel.focus(`${tab(layout.shown[0]!)}`);
  for (let i = 0; i < layout.shown.length; i++) await panel.keyboard.press('ArrowRight');
  expect(await panel.evaluate(() => (document.activeElement as HTMLElement).dataset.testid)).toBe('tab-more');
  await panel.keyboard.press('ArrowDown');
  const inMenu = await panel.$$eval('[role="menuitem"]', (els) => els.map((e) => (e as HTMLElement).dataset.tab!));
  expect([...layout.shown, ...inMenu].sort()).toEqual([
    'agency',
    'dashboard',
    'import',
    'lifecycle',
    'page',
    'portfolio',
    'privacy',
    'settings',
    'tasks',
    'templates',
  ]);
  await panel.keyboard.press('End');
  await panel.keyboard.press('Enter');
  await panel.waitForSelector(testId('sync-settings'));
  expect(await panel.$eval(tab('settings'), (b) => b.getAttribute('aria-current'))).toBe('page');
});
