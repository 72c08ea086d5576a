import type { Page } from '@playwright/test';
import { test, expect, dumpDb } from './extension';

const PASS = 'travelling laptop passphrase';

/** What is on this computer's disk: every store as IndexedDB holds it. */
const rawDb = async (page: Page) => JSON.stringify(await dumpDb(page));

test('encryption from the Privacy page: enable, write a note, lock, wrong then right passphrase', async ({ panel, sw }) => {
  await panel.getByRole('button', { name: 'Privacy' }).click();
  const card = panel.getByTestId('crypto-panel');
  await expect(card.getByTestId('crypto-status')).toHaveAttribute('data-status', 'off');
  await expect(card).toContainText('cannot recover a forgotten passphrase');
  await card.getByTestId('crypto-pass').fill('short');
  await expect(card.getByTestId('crypto-pass-hint')).toContainText('Too short');
  await card.getByTestId('crypto-pass').fill(PASS);
  await expect(card.getByTestId('crypto-pass-hint')).not.toContainText('Too short');
  await card.getByTestId('crypto-confirm').fill(PASS);
  await card.getByTestId('crypto-enable').click();
  await expect(card.getByTestId('crypto-status')).toHaveAttribute('data-status', 'unlocked', { timeout: 20_000 });
  await expect(card.getByTestId('crypto-notice')).toContainText('Encryption is on');
  // The key reached the service worker's session storage, not the disk.
  const session = await sw.evaluate(() => chrome.storage.session.get('carnet.crypto'));
  expect(JSON.stringify(session)).toContain('"enabled":true');
  expect(JSON.stringify(session)).not.toContain(PASS);

  // A new account with a note, and a logged note on it.
  await panel.getByRole('button', { name: 'Accounts' }).click();
  await panel.getByRole('button', { name: 'New account' }).click();
  await panel.locator('#a-name').fill('Voyages Lenoir');
  await panel.locator('#a-domains').fill('voyages-lenoir.fr');
  await panel.locator('#a-notes').fill('CEO is selling the company in March');
  await panel.getByTestId('account-form').getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByTestId('notes')).toHaveText('CEO is selling the company in March');
  await panel.getByRole('button', { name: 'Add a note' }).click();
  await panel.locator('#ql-subject').fill('Lunch with the CFO');
  await panel.locator('#ql-summary').fill('Budget frozen until the sale closes');
  await panel.getByTestId('quick-note').getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByTestId('timeline-item').first()).toContainText('Lunch with the CFO');
  await expect(panel.locator('[data-testid="timeline-item"] .subject').first()).toHaveAttribute('title', 'Budget frozen until the sale closes');

  const disk = await rawDb(panel);
  expect(disk).toContain('Voyages Lenoir'); // names stay clear for search
  expect(disk).toContain('Lunch with the CFO');
  expect(disk).not.toContain('selling the company');
  expect(disk).not.toContain('Budget frozen');
  expect(disk).toContain('enc:v1:');

  // Lock: the banner says so, the note reads as locked, never as ciphertext.
  await panel.getByRole('button', { name: 'Privacy' }).click();
  await panel.getByTestId('crypto-lock').click();
  await expect(panel.getByTestId('locked-banner')).toBeVisible();
  await expect(panel.getByTestId('crypto-status')).toHaveAttribute('data-status', 'locked');
  expect(JSON.stringify(await sw.evaluate(() => chrome.storage.session.get('carnet.crypto')))).toContain('"key":null');
  await panel.getByRole('button', { name: 'Accounts' }).click();
  await panel.getByRole('button', { name: /Voyages Lenoir/ }).click();
  await expect(panel.getByTestId('notes')).toHaveText('🔒 Locked');
  await expect(panel.locator('[data-testid="timeline-item"] .subject').first()).toHaveAttribute('title', '🔒 Locked');
  await expect(panel.locator('body')).not.toContainText('enc:v1:');

  // Unlock from the banner: a wrong passphrase (Enter submits) is refused with a clear error, the right one opens.
  const input = panel.getByTestId('banner-unlock-input');
  await input.fill('wrong passphrase entirely');
  await input.press('Enter');
  await expect(panel.getByTestId('banner-unlock-error')).toHaveText('Wrong passphrase: nothing was changed.', { timeout: 20_000 });
  await expect(panel.getByTestId('notes')).toHaveText('🔒 Locked');
  await input.fill(PASS);
  await input.press('Enter');
  await expect(panel.getByTestId('locked-banner')).toHaveCount(0, { timeout: 20_000 });
  await expect(panel.getByTestId('notes')).toHaveText('CEO is selling the company in March');
  await expect(panel.locator('[data-testid="timeline-item"] .subject').first()).toHaveAttribute('title', 'Budget frozen until the sale closes');
  expect(await rawDb(panel)).not.toContain('Budget frozen');
});

test('an import while encryption is on seals the imported phones and notes (the import worker gets the key)', async ({ panel }) => {
  await panel.getByRole('button', { name: 'Privacy' }).click();
  const card = panel.getByTestId('crypto-panel');
  await card.getByTestId('crypto-pass').fill(PASS);
  await card.getByTestId('crypto-confirm').fill(PASS);
  await card.getByTestId('crypto-enable').click();
  await expect(card.getByTestId('crypto-status')).toHaveAttribute('data-status', 'unlocked', { timeout: 20_000 });

  const csv =
    'First Name,Last Name,E-mail Address,Mobile Phone,Notes\nJeanne,Roux,jeanne.roux@atelier-roux.fr,+33 6 12 34 56 78,Wants the renewal split in two\n';
  await panel.getByRole('button', { name: 'Import' }).click();
  await panel.getByTestId('import-file').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await panel.getByTestId('dry-run').click();
  await expect(panel.getByTestId('count-new')).toContainText('1');
  await panel.getByTestId('run-import').click();
  await expect(panel.getByTestId('import-done')).toBeVisible({ timeout: 30_000 });

  const disk = await rawDb(panel);
  expect(disk).toContain('jeanne.roux@atelier-roux.fr');
  expect(disk).not.toContain('12 34 56 78');
  expect(disk).not.toContain('renewal split');
  await panel.getByTestId('search').fill('Jeanne Roux');

  await panel
    .getByRole('option', { name: /Jeanne Roux/ })
    .first()
    .click();
  await expect(panel.locator('body')).toContainText('+33 6 12 34 56 78');
});
