import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, launchWithExtension, serveAt, readTable, loadDemo } from './extension';
import { startSyncServer, gmailPage, type SyncServer } from './sync-server';
import { makeUser, type TestUser } from '../../server/testing';

/**
 * Two Chromium profiles with the built extension are two devices of one team; the sync server runs in this
 * process (sync-server.ts).
 */

let server: SyncServer;
test.beforeAll(async () => {
  server = await startSyncServer();
});
test.afterAll(async () => {
  await server?.close();
});

interface Device {
  context: BrowserContext;
  panel: Page;
  close(): Promise<void>;
}

/**
 * A new device. Headless Chromium cannot click "Allow" in the extension's permission dialog, so the site is first
 * added from the extension's details page (chrome://extensions, "Site access", as a user could): the panel's own
 * permissions.request in the click handler then resolves at once, through the real code path.
 */
async function device(): Promise<Device> {
  const { context, extensionId } = await launchWithExtension();
  const details = await context.newPage();
  await details.goto(`chrome://extensions/?id=${extensionId}`);
  const error = await details.evaluate(
    ([id, pattern]) =>
      new Promise<string | null>((resolve) => {
        const dev = (
          globalThis as unknown as {
            chrome: { developerPrivate: { addHostPermission(id: string, host: string, cb: () => void): void }; runtime: { lastError?: { message: string } } };
          }
        ).chrome;
        dev.developerPrivate.addHostPermission(id, pattern, () => resolve(dev.runtime.lastError?.message ?? null));
      }),
    [extensionId, `${server.url}/*`] as const,
  );
  expect(error).toBeNull();
  await details.close();
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  return { context, panel, close: () => context.close() };
}

async function openSettings(panel: Page) {
  await panel.getByRole('button', { name: /^(Settings|Réglages)$/ }).click();
  await expect(panel.getByTestId('sync-settings')).toBeVisible();
}

async function connect(d: Device, user: TestUser) {
  await openSettings(d.panel);
  await expect(d.panel.getByTestId('sync-state')).toHaveAttribute('data-on', 'false');
  await d.panel.getByTestId('sync-url').fill(server.url);
  await d.panel.getByTestId('sync-token').fill(user.token);
  await d.panel.getByTestId('sync-test').click();
  await expect(d.panel.getByTestId('sync-notice')).toContainText(user.email);
  await d.panel.getByTestId('sync-on').click();
  await expect(d.panel.getByTestId('sync-state')).toHaveAttribute('data-on', 'true');
  await expect(d.panel.getByTestId('sync-pending')).toContainText(/Every change has been sent|Toutes les modifications/, { timeout: 15_000 });
  // the first sync of a device joining a team pulls the team's whole portfolio (the demo: thousands of records)
  await expect(d.panel.getByTestId('sync-last')).not.toContainText(/Not synced yet|Pas encore/, { timeout: 60_000 });
}

/** Creates a contact from a Gmail thread, as a user does from the panel's "This page". */
async function createFromGmail(d: Device, email: string, name: string) {
  await d.context.unroute('https://mail.google.com/**');
  await serveAt(d.context, 'https://mail.google.com/**', gmailPage({ email, name, subject: 'Renouvellement' }));
  const gmail = await d.context.newPage();
  await gmail.goto(`https://mail.google.com/mail/u/0/#inbox/${encodeURIComponent(email)}`);
  await d.panel.getByRole('button', { name: /This page|Cette page/ }).click();
  await d.panel.getByTestId('create-contact').click();
  await expect(d.panel.getByTestId('contact-view')).toContainText(name);
  await gmail.close();
}

async function syncNow(d: Device) {
  await openSettings(d.panel);
  await d.panel.getByTestId('sync-now').click();
  await expect(d.panel.getByTestId('sync-now')).toBeEnabled({ timeout: 20_000 });
}

type StoredContact = { id: string; emails: string[]; deletedAt: string | null };
const liveEmails = async (p: Page) =>
  (await readTable<StoredContact>(p, 'contacts', 10_000))
    .filter((c) => !c.deletedAt)
    .flatMap((c) => c.emails)
    .sort();

test('a contact created on one device reaches the other after "Sync now"', async () => {
  test.setTimeout(120_000);
  const user = await makeUser(server.sql);
  const a = await device();
  const b = await device();
  try {
    await connect(a, user);
    await connect(b, user);
    await createFromGmail(a, 'paul.durand@ventoux-logistique.fr', 'Paul Durand');
    // The write path queued it; the background pushes it shortly after the write, or now on request.
    await syncNow(a);
    await expect.poll(async () => (await server.contacts(user.teamId)).map((r) => r.email)).toEqual(['paul.durand@ventoux-logistique.fr']);
    await syncNow(b);
    await expect.poll(() => liveEmails(b.panel)).toEqual(['paul.durand@ventoux-logistique.fr']);
    // The token is in extension storage, never in IndexedDB.
    const meta = await readTable(b.panel, 'meta', 100);
    expect(JSON.stringify(meta)).not.toContain(user.token);
  } finally {
    await a.close();
    await b.close();
  }
});

test('the network goes off and back on: no change lost, none duplicated', async () => {
  test.setTimeout(150_000);
  const user = await makeUser(server.sql);
  const a = await device();
  const b = await device();
  try {
    await connect(a, user);
    await connect(b, user);

    // Off: every request to the server fails (the service worker's included).
    let mode: 'down' | 'lose-answers' | 'up' = 'down';
    let lostAnswers = 0;
    await a.context.route(`${server.url}/**`, async (route) => {
      if (mode === 'down') return route.abort('internetdisconnected');
      if (mode === 'lose-answers' && route.request().method() === 'POST') {
        // The server applies the push, but its answer never arrives.
        await route.fetch();
        lostAnswers++;
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    await createFromGmail(a, 'ines.martin@ventoux-logistique.fr', 'Inès Martin');
    await createFromGmail(a, 'zoe.nowak@lumen-optique.fr', 'Zoë Nowak');
    await syncNow(a);
    await expect(a.panel.getByTestId('sync-error')).toContainText(/Could not reach|Impossible de joindre/);
    // Two contacts and the two accounts made for their company domains.
    await expect(a.panel.getByTestId('sync-pending')).toContainText(/: 4\.$/);
    expect(await server.contacts(user.teamId)).toEqual([]);

    // Back, but the first answers are lost after the server applied the push.
    mode = 'lose-answers';
    await syncNow(a);
    await expect.poll(() => lostAnswers).toBeGreaterThan(0);
    await expect.poll(async () => (await server.contacts(user.teamId)).length).toBe(2);

    // Fully back: the retry is recognised (same mutation ids), nothing doubles.
    mode = 'up';
    await syncNow(a);
    await expect(a.panel.getByTestId('sync-pending')).toContainText(/Every change has been sent|Toutes les modifications/);
    await expect(a.panel.getByTestId('sync-error')).toHaveCount(0);
    const onServer = await server.contacts(user.teamId);
    expect(onServer.map((r) => r.email)).toEqual(['ines.martin@ventoux-logistique.fr', 'zoe.nowak@lumen-optique.fr']);

    await syncNow(b);
    await expect.poll(() => liveEmails(b.panel)).toEqual(['ines.martin@ventoux-logistique.fr', 'zoe.nowak@lumen-optique.fr']);
    const bIds = (await readTable<StoredContact>(b.panel, 'contacts', 100)).map((c) => c.id).sort();
    expect(bIds).toEqual(onServer.map((r) => r.record_id).sort());
  } finally {
    await a.close();
    await b.close();
  }
});

test('with sync on, the demo loads, one device renames an account and edits a contact, and the other sees both', async () => {
  test.setTimeout(180_000);
  const user = await makeUser(server.sql);
  const a = await device();
  const b = await device();
  try {
    await connect(a, user);
    await loadDemo(a.panel);
    // Rename the first demo account from its 360° view.
    await a.panel.getByTestId('account-list').getByRole('button').first().click();
    const accountView = a.panel.getByTestId('account-view');
    await expect(accountView).toBeVisible();
    await accountView.getByTestId('edit-record').click();
    const name = a.panel.locator('#a-name');
    const before = await name.inputValue();
    await name.fill(`${before} (renommé)`);
    await a.panel
      .getByTestId('account-form')
      .getByRole('button', { name: /Save|Enregistrer/ })
      .click();
    await expect(accountView).toContainText(`${before} (renommé)`);
    // Edit one of its contacts' job title.
    const renamed = (await readTable<{ id: string; name: string }>(a.panel, 'accounts', 1000)).find((x) => x.name === `${before} (renommé)`)!;
    const people = await readTable<{ accountId: string | null; firstName: string; lastName: string }>(a.panel, 'contacts', 100_000);
    const person = people.find((p) => p.accountId === renamed.id && p.firstName)!;
    await accountView
      .getByRole('button', { name: `${person.firstName} ${person.lastName}`.trim() })
      .first()
      .click();
    const contactView = a.panel.getByTestId('contact-view');
    await expect(contactView).toBeVisible();
    await contactView.getByTestId('edit-record').click();
    await a.panel.locator('#c-title').fill('Responsable essais Carnet 42');
    await a.panel
      .getByTestId('contact-form')
      .getByRole('button', { name: /Save|Enregistrer/ })
      .click();
    await expect(contactView).toContainText('Responsable essais Carnet 42');

    await syncNow(a);
    await expect(a.panel.getByTestId('sync-pending')).toContainText(/Every change has been sent|Toutes les modifications/, { timeout: 60_000 });
    await expect(a.panel.getByTestId('sync-error')).toHaveCount(0);

    await connect(b, user);
    await syncNow(b);
    await expect(b.panel.getByTestId('sync-error')).toHaveCount(0);
    await expect(b.panel.getByTestId('sync-set-aside')).toHaveCount(0);
    type Named = { name: string; deletedAt: string | null };
    await expect
      .poll(async () => (await readTable<Named>(b.panel, 'accounts', 1000)).some((x) => x.name === `${before} (renommé)`), { timeout: 30_000 })
      .toBe(true);
    await expect
      .poll(
        async () => (await readTable<{ title: string | null }>(b.panel, 'contacts', 100_000)).filter((c) => c.title === 'Responsable essais Carnet 42').length,
      )
      .toBe(1);
    // Both devices keep syncing afterwards (the pull never sticks).
    await syncNow(a);
    await expect(a.panel.getByTestId('sync-error')).toHaveCount(0);
  } finally {
    await a.close();
    await b.close();
  }
});
