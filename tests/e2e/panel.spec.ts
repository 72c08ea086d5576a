import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, loadDemo, serveAt, readTable } from './extension';

const GMAIL_THREAD = fs.readFileSync(path.join(import.meta.dirname, 'pages/gmail-thread.html'), 'utf8');
const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLkQxyz';

function gmailPage(fields: Record<string, string>): string {
  return GMAIL_THREAD.replace(/\{\{(\w+)\}\}/g, (_, k: string) => (fields[k] ?? '').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`));
}

type Row = { id: string; deletedAt: string | null; source: { site: string; ref: string; url: string | null } | null; subject: string; contactIds: string[] };

async function loggedFromGmail(panel: Page): Promise<Row[]> {
  const rows = await readTable<Row>(panel, 'interactions', 100_000);
  // The demo holds Gmail-sourced interactions too: keep only this fixture thread's.
  return rows.filter((r) => r.source?.site === 'gmail' && (r.source.ref.includes('1781234567890123456') || r.source.url?.includes('FMfcgzQbfLkQxyz')));
}

/** Loads the demo, serves a Gmail thread from one demo contact and shows it in the panel. */
async function openDemoContactInGmail(context: BrowserContext, panel: Page, subject = 'Renouvellement') {
  await loadDemo(panel);
  const contacts = await readTable<{ id: string; firstName: string; lastName: string; emails: string[] }>(panel, 'contacts', 50);
  const contact = contacts.find((c) => c.emails.length > 0 && c.firstName)!;
  await serveAt(context, 'https://mail.google.com/**', gmailPage({ email: contact.emails[0]!, name: `${contact.firstName} ${contact.lastName}`, subject }));
  const gmail = await context.newPage();
  await gmail.goto(THREAD_URL);
  await panel.getByRole('button', { name: /This page|Cette page/ }).click();
  await expect(panel.getByTestId('contact-view')).toContainText(`${contact.firstName} ${contact.lastName}`.trim());
  return contact;
}

test('a recognised contact opens its 360° with score placeholder, timeline and a jump to its account', async ({ context, panel }) => {
  const contact = await openDemoContactInGmail(context, panel);
  const view = panel.getByTestId('contact-view');
  await expect(view.getByTestId('score')).toBeVisible();
  await expect(view.getByRole('list', { name: /Timeline|Historique/ })).toBeVisible();
  await view.getByTestId('open-account').click();
  await expect(panel.getByTestId('account-view')).toBeVisible();
  await expect(
    panel
      .getByTestId('account-view')
      .getByRole('button', { name: new RegExp(contact.firstName) })
      .first(),
  ).toBeVisible();
});

test('"Log this email" logs once; logging again updates instead of duplicating; Undo restores', async ({ context, panel }) => {
  const contact = await openDemoContactInGmail(context, panel, 'Renouvellement du contrat');
  await panel.getByTestId('log-page').click();
  await expect(panel.getByTestId('toast')).toContainText(/logged|enregistrée/);
  await expect.poll(async () => (await loggedFromGmail(panel)).filter((r) => !r.deletedAt).length).toBe(1);
  const [first] = await loggedFromGmail(panel);
  expect(first!.subject).toBe('Renouvellement du contrat');
  expect(first!.contactIds).toContain(contact.id);
  await expect(panel.getByTestId('contact-view').getByTestId('timeline-item').first()).toContainText('Renouvellement du contrat');

  // Again, by the keyboard shortcut: same source, so the same interaction is updated.
  await panel.keyboard.press('Alt+L');
  await expect(panel.getByTestId('toast')).toContainText(/updated|mise à jour/);
  const after = await loggedFromGmail(panel);
  expect(after.filter((r) => !r.deletedAt)).toHaveLength(1);
  expect(after).toHaveLength(1);

  // Undo of the update keeps the one interaction.
  await panel.getByTestId('undo').click();
  await expect(panel.getByTestId('toast')).toHaveCount(0);
  expect((await loggedFromGmail(panel)).filter((r) => !r.deletedAt)).toHaveLength(1);
});

test('Undo right after a first log deletes the interaction', async ({ context, panel }) => {
  await openDemoContactInGmail(context, panel, 'Sujet à annuler');
  await panel.getByTestId('log-page').click();
  await expect.poll(async () => (await loggedFromGmail(panel)).filter((r) => !r.deletedAt).length).toBe(1);
  await panel.getByTestId('undo').click();
  await expect.poll(async () => (await loggedFromGmail(panel)).filter((r) => !r.deletedAt).length).toBe(0);
  await expect(panel.getByTestId('contact-view').getByTestId('timeline-item').filter({ hasText: 'Sujet à annuler' })).toHaveCount(0);
});

test('a task that falls due raises a browser notification from the background alarm', async ({ sw, panel }) => {
  await sw.evaluate(() => chrome.storage.local.set({ 'reminders.periodSeconds': 1 }));
  await panel.getByRole('button', { name: /^(Tasks|Tâches)$/ }).click();
  await expect(panel.getByText(/No open task|Aucune tâche ouverte/)).toBeVisible();
  await panel.getByRole('button', { name: /New task|Nouvelle tâche/ }).click();
  const dialog = panel.getByRole('dialog');
  await dialog.getByLabel(/^(Task|Tâche)$/).fill('Call back Hélène');
  const now = new Date(Date.now() - 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  await dialog.getByLabel(/Due date|Échéance/).fill(`${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`);
  await dialog.getByLabel(/^(Time|Heure)$/).fill(`${pad(now.getHours())}:${pad(now.getMinutes())}`);
  await dialog.getByRole('button', { name: /Save|Enregistrer/ }).click();
  const task = panel.getByTestId('task').filter({ hasText: 'Call back Hélène' });
  await expect(task).toBeVisible();
  await expect(task).toContainText(/Overdue|En retard/);
  await expect.poll(async () => Object.keys(await sw.evaluate(() => chrome.notifications.getAll())), { timeout: 20_000 }).toHaveLength(1);
  // Done removes it from the open list.
  await task.getByRole('button', { name: /Mark|Marquer/ }).click();
  await expect(panel.getByTestId('task')).toHaveCount(0);
});

test('search is keyboard-navigable: type, arrow down, Enter opens the record', async ({ panel }) => {
  await loadDemo(panel);
  const contacts = await readTable<{ firstName: string; lastName: string }>(panel, 'contacts', 20);
  const c = contacts.find((x) => x.lastName.length >= 3)!;
  const box = panel.getByTestId('search');
  await box.fill(c.lastName.slice(0, 3));
  const options = panel.getByRole('option');
  await expect(options.first()).toBeVisible();
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  const n = await options.count();
  await box.press('ArrowDown');
  if (n > 1) await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await box.press('ArrowUp');
  const label = (await options.first().locator('strong').textContent())!;
  await box.press('Enter');
  await expect(panel.getByRole('heading', { level: 2, name: label })).toBeVisible();
});

test('switching the language to French translates the panel, and back', async ({ panel }) => {
  await panel.getByRole('button', { name: /^(Settings|Réglages)$/ }).click();
  await panel.getByTestId('language').selectOption('fr');
  await expect(panel.getByRole('button', { name: 'Tâches' })).toBeVisible();
  await expect(panel.locator('html')).toHaveAttribute('lang', 'fr');
  await panel.getByTestId('language').selectOption('en');
  await expect(panel.getByRole('button', { name: 'Tasks' })).toBeVisible();
});
