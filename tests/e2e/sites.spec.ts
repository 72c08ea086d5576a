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
];
const DIR = path.resolve(import.meta.dirname, '../fixtures');

for (const name of FIXTURES) {
  test(`${name.split('/')[0]}: the panel recognises the page's person, creates them in one click, then shows their contact`, async ({ context, panel }) => {
    const html = fs.readFileSync(path.join(DIR, `${name}.html`), 'utf8');
    const expected = PageContext.parse(JSON.parse(fs.readFileSync(path.join(DIR, `${name}.expected.json`), 'utf8')));
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
