import fs from 'node:fs';
import path from 'node:path';
import { test, expect, serveAt, readTable } from './extension';
import { PageContext } from '../../lib/schema';
import { pickPrimaryPerson } from '../../lib/match/primary';

/** One real-address page per supported site, served from the recognizers' own dated fixtures. */
const FIXTURES = [
  'gmail/2026-11-26-thread-several-senders',
  'outlook/2026-11-26-reading-pane-fr',
  'linkedin/2026-11-26-profile-2024',
  'zendesk/2026-11-26-ticket',
  'freshdesk/2026-11-26-ticket-new-ui',
  // Issue #12: the URL's ticket among several open tabs, the current Freshdesk card, a company logo link.
  'zendesk/2026-12-03-three-tabs-class-hidden',
  'freshdesk/2026-12-03-ticket-current-ui',
  'linkedin/2026-12-03-profile-2025-12-image-link',
];
/** `gmail/2026-…` → lib/sites/gmail/fixtures/2026-…<ext>: each site keeps its fixtures in its own folder. */
const SITES_DIR = path.resolve(import.meta.dirname, '../../lib/sites');
const fixture = (name: string, ext: '.html' | '.expected.json') => {
  const [site, file] = name.split('/') as [string, string];
  return path.join(SITES_DIR, site, 'fixtures', `${file}${ext}`);
};

for (const name of FIXTURES) {
  test(`${name}: the panel recognises the page's person, creates them in one click, then shows their contact`, async ({ context, panel }) => {
    const html = fs.readFileSync(fixture(name, '.html'), 'utf8');
    const expected = PageContext.parse(JSON.parse(fs.readFileSync(fixture(name, '.expected.json'), 'utf8')));
    const primary = pickPrimaryPerson(expected)!;
    const label = primary.name ?? primary.email!;
    const url = new URL(expected.url);
    await serveAt(context, `${url.origin}/**`, html);
    const site = await context.newPage();
    await site.goto(expected.url);
    await panel.getByRole('button', { name: /This page|Cette page/ }).click();
    const create = panel.getByTestId('create-contact');
    await expect(create).toBeVisible();
    await expect(panel.getByRole('heading', { name: label })).toBeVisible();
    await create.click();
    await expect(panel.getByTestId('contact-view')).toBeVisible();
    const stored = await readTable<{ emails: string[]; linkedinUrl: string | null }>(panel, 'contacts', 10);
    expect(stored).toHaveLength(1);
    if (primary.email) expect(stored[0]!.emails).toEqual([primary.email.toLowerCase()]);
    if (primary.linkedinUrl) expect(stored[0]!.linkedinUrl).toBe(primary.linkedinUrl);
  });
}

test('the page view follows the database: create, edit and erase the contact, no reload', async ({ context, panel }) => {
  const name = 'zendesk/2026-11-26-ticket';
  const html = fs.readFileSync(fixture(name, '.html'), 'utf8');
  const expected = PageContext.parse(JSON.parse(fs.readFileSync(fixture(name, '.expected.json'), 'utf8')));
  const email = expected.people[0]!.email!;
  await serveAt(context, `${new URL(expected.url).origin}/**`, html);
  const site = await context.newPage();
  await site.goto(expected.url);
  await panel.getByRole('button', { name: /This page|Cette page/ }).click();
  await panel.getByTestId('create-contact').click();
  const view = panel.getByTestId('contact-view');
  await expect(view).toBeVisible();

  // Edit: the address no longer matches the page's requester, so the page shows an unknown person again.
  await view.getByTestId('edit-record').click();
  await panel.locator('#c-emails').fill('ana.c@elsewhere.example');
  await panel
    .getByTestId('contact-form')
    .getByRole('button', { name: /Save|Enregistrer/ })
    .click();
  await expect(panel.getByTestId('create-contact')).toBeVisible();
  await expect(panel.getByTestId('contact-view')).toHaveCount(0);

  // Find the contact by search and give it the requester's address back: the page view finds it again.
  const box = panel.getByTestId('search');
  await box.fill('ana.c@elsewhere');
  await expect(panel.getByRole('option').first()).toBeVisible();
  await box.press('Enter');
  await panel.getByTestId('contact-view').getByTestId('edit-record').click();
  await panel.locator('#c-emails').fill(email);
  await panel
    .getByTestId('contact-form')
    .getByRole('button', { name: /Save|Enregistrer/ })
    .click();
  await panel.getByRole('button', { name: /This page|Cette page/ }).click();
  await expect(panel.getByTestId('contact-view')).toBeVisible();
  await expect(panel.getByTestId('create-contact')).toHaveCount(0);
  expect(await readTable(panel, 'contacts', 10)).toHaveLength(1);

  // Erase (the GDPR delete): back on the page, the person is shown as erased, not offered for re-creation.
  await panel.getByTestId('open-person-privacy').click();
  await panel.getByTestId('erase-person').click();
  await panel.getByTestId('erase-dialog').getByTestId('confirm').click();
  await expect(panel.getByTestId('erasure-report')).toBeVisible();
  await panel.getByRole('button', { name: /This page|Cette page/ }).click();
  await expect(panel.getByTestId('suppressed')).toBeVisible();
  await expect(panel.getByTestId('create-contact')).toHaveCount(0);
});

test('a page Carnet should read but cannot (its markup changed) says so after a wait, and copies a report without the page content', async ({
  context,
  panel,
}) => {
  // A LinkedIn profile address whose page has no profile markup: what a redesign that breaks the selectors looks like.
  const url = 'https://www.linkedin.com/in/someone-secret-42/';
  await serveAt(context, 'https://www.linkedin.com/**', '<!doctype html><html><body><main><p>Jeanne Secret-Client, Acme</p></main></body></html>');
  const site = await context.newPage();
  await site.goto(url);
  await panel.getByRole('button', { name: /This page|Cette page/ }).click();
  await expect(panel.getByText('Reading this LinkedIn page…')).toBeVisible();
  const notice = panel.locator('[data-notice="unreadable"]');
  await expect(notice).toBeVisible({ timeout: 15_000 });
  await expect(notice.getByRole('heading')).toHaveText('Carnet can’t read this LinkedIn page');
  await panel.evaluate(() => {
    (window as unknown as { copied: string[] }).copied = [];
    navigator.clipboard.writeText = async (t: string) => void (window as unknown as { copied: string[] }).copied.push(t);
  });
  await notice.getByRole('button', { name: 'Copy a report' }).click();
  await expect(panel.getByText(/Report copied/)).toBeVisible();
  const [report] = await panel.evaluate(() => (window as unknown as { copied: string[] }).copied);
  expect(report).toContain('LinkedIn');
  expect(report).toContain('profile not rendered yet');
  expect(report).not.toContain('someone-secret');
  expect(report).not.toContain('Secret-Client');
});
