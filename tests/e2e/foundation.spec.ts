import fs from 'node:fs';
import path from 'node:path';
import { test, expect, loadDemo, serveAt, readTable } from './extension';

const GMAIL_THREAD = fs.readFileSync(path.join(import.meta.dirname, 'pages/gmail-thread.html'), 'utf8');

function gmailPage(fields: Record<string, string>): string {
  return GMAIL_THREAD.replace(/\{\{(\w+)\}\}/g, (_, k: string) =>
    (fields[k] ?? '').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`),
  );
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
