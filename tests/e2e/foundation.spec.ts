import fs from 'node:fs';
import path from 'node:path';
import { test, expect, loadDemo, serveAt, readTable } from './extension';

const GMAIL_THREAD = fs.readFileSync(path.join(import.meta.dirname, 'pages/gmail-thread.html'), 'utf8');

function gmailPage(fields: Record<string, string>): string {
  return GMAIL_THREAD.replace(/\{\{(\w+)\}\}/g, (_, k: string) => (fields[k] ?? '').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`));
}

test('the side panel loads the demo portfolio and shows accounts read from IndexedDB', async ({ panel }) => {
  await expect(panel.getByText(/Open an email|Ouvrez un e-mail|Carnet reads|Carnet lit/)).toBeVisible();
  await loadDemo(panel);
  const stored = await readTable<{ name: string; deletedAt: string | null }>(panel, 'accounts', 1000);
  expect(stored.length).toBeGreaterThanOrEqual(50);
  const first = [...stored].sort((a, b) => (a.name < b.name ? -1 : 1))[0]!;
  await expect(panel.getByTestId('account-list').getByText(first.name, { exact: true })).toBeVisible();
});

test('a Gmail thread from a demo contact opens that contact in the panel', async ({ context, panel }) => {
  await loadDemo(panel);
  const contacts = await readTable<{ firstName: string; lastName: string; emails: string[] }>(panel, 'contacts', 50);
  const contact = contacts.find((c) => c.emails.length > 0)!;
  await serveAt(
    context,
    'https://mail.google.com/**',
    gmailPage({ email: contact.emails[0]!, name: `${contact.firstName} ${contact.lastName}`, subject: 'Renouvellement' }),
  );
  const gmail = await context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLkQxyz');
  await panel.getByRole('button', { name: /This page|Cette page/ }).click();
  await expect(panel.getByTestId('contact-view')).toContainText(`${contact.firstName} ${contact.lastName}`.trim());
});

test('in Gmail, a known sender gets the Carnet badge (in a shadow root), and the setting turns it off', async ({ context, panel, sw }) => {
  await loadDemo(panel);
  const contacts = await readTable<{ firstName: string; lastName: string; emails: string[] }>(panel, 'contacts', 50);
  const contact = contacts.find((c) => c.emails.length > 0)!;
  await serveAt(
    context,
    'https://mail.google.com/**',
    gmailPage({ email: contact.emails[0]!, name: `${contact.firstName} ${contact.lastName}`, subject: 'Bonjour' }),
  );
  const gmail = await context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLkQxyz');
  const badge = gmail.locator(`carnet-badge[data-carnet-email="${contact.emails[0]}"]`);
  await expect(badge).toHaveCount(1);
  // the page's own styles and scripts cannot reach into it
  expect(await badge.evaluate((el) => el.shadowRoot)).toBeNull();
  await panel.getByRole('button', { name: /Settings|Réglages/ }).click();
  await panel.getByTestId('in-page-hint').uncheck();
  const before = Date.now();
  await gmail.reload();
  // the reloaded page has been recognised and answered (its state is newer than the reload)…
  await expect
    .poll(() => sw.evaluate(async (t0) => Object.values(await chrome.storage.session.get()).some((s) => (s as { at: number }).at > t0), before))
    .toBe(true);
  // …and carries no badge
  await expect(gmail.locator('carnet-badge')).toHaveCount(0);
});
