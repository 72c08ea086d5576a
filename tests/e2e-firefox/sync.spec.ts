import { test, expect } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { launchFirefox, click, tab, testId, waitForText, readTable, until, type Device } from './firefox';
import { startSyncServer, gmailPage, type SyncServer } from '../e2e/sync-server';
import { makeUser, type TestUser } from '../../server/testing';

/**
 * Two Firefox profiles with the Firefox package are two devices of one team; the sync server runs in this
 * process, as in tests/e2e/sync.spec.ts (tests/e2e/sync-server.ts).
 */

let server: SyncServer;
test.beforeAll(async () => {
  server = await startSyncServer();
});
test.afterAll(async () => {
  await server?.close();
});

async function type(page: Page, selector: string, text: string) {
  await page.locator(selector).fill(text);
}

/** Settings › Team sync, as a user fills it: the click on "Test connection" asks for the server's origin. */
async function connect(d: Device, user: TestUser) {
  const { panel } = d;
  await click(panel, tab('settings'));
  await panel.waitForSelector(testId('sync-settings'));
  expect(await panel.$eval(testId('sync-state'), (e) => e.getAttribute('data-on'))).toBe('false');
  await type(panel, testId('sync-url'), server.url);
  await type(panel, testId('sync-token'), user.token);
  await click(panel, testId('sync-test'));
  await waitForText(panel, testId('sync-notice'), new RegExp(user.email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await click(panel, testId('sync-on'));
  await until(async () => (await panel.$eval(testId('sync-state'), (e) => e.getAttribute('data-on'))) === 'true', 10_000, 'sync to turn on');
  await waitForText(panel, testId('sync-pending'), /Every change has been sent/, 20_000);
}

async function syncNow(d: Device) {
  await click(d.panel, tab('settings'));
  await click(d.panel, testId('sync-now'));
  await until(async () => !(await d.panel.$eval(testId('sync-now'), (b) => (b as HTMLButtonElement).disabled)), 20_000, 'the sync to finish');
}

const serverEmails = async (teamId: string) => (await server.contacts(teamId)).map((r) => r.email);

const liveEmails = async (p: Page) =>
  (await readTable<{ emails: string[]; deletedAt: string | null }>(p, 'contacts'))
    .filter((c) => !c.deletedAt)
    .flatMap((c) => c.emails)
    .sort();

test('a contact created in Firefox reaches the team server, and another Firefox device, after "Sync now"', async () => {
  test.setTimeout(120_000);
  const user = await makeUser(server.sql);
  const a = await launchFirefox();
  const b = await launchFirefox();
  try {
    await connect(a, user);
    await connect(b, user);
    // The server's host was asked for and granted at the click, and only it (Firefox's patterns have no port).
    const origins = await a.panel.evaluate(
      async () =>
        (await (globalThis as unknown as { browser: { permissions: { getAll(): Promise<{ origins: string[] }> } } }).browser.permissions.getAll()).origins,
    );
    expect(origins).toContain('http://127.0.0.1/*');
    expect(origins).not.toContain('https://*/*');
    expect(origins).not.toContain('http://localhost/*');

    await a.openSite(
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLkQxyz',
      gmailPage({ email: 'paul.durand@ventoux-logistique.fr', name: 'Paul Durand', subject: 'Renouvellement' }),
    );
    await click(a.panel, tab('page'));
    await click(a.panel, testId('create-contact'));
    await waitForText(a.panel, testId('contact-view'), /Paul Durand/);
    await syncNow(a);
    await until(async () => (await serverEmails(user.teamId)).join() === 'paul.durand@ventoux-logistique.fr', 20_000, 'the server to hold the contact');

    await syncNow(b);
    await until(async () => (await liveEmails(b.panel)).join() === 'paul.durand@ventoux-logistique.fr', 20_000, 'device B to pull the contact');
    // The token is in extension storage, never in IndexedDB.
    expect(JSON.stringify(await readTable(b.panel, 'meta'))).not.toContain(user.token);
  } finally {
    await a.close();
    await b.close();
  }
});
