import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, loadDemo, serveAt, readTable, dumpDb } from './extension';
import { REALDATA_DIR } from '../realdata-dir';

const SF_CONTACTS = path.join(REALDATA_DIR, 'crm-exports/salesforce-Contact.csv');
const GMAIL_THREAD = fs.readFileSync(path.join(import.meta.dirname, 'pages/gmail-thread.html'), 'utf8');

function gmailPage(fields: Record<string, string>): string {
  return GMAIL_THREAD.replace(/\{\{(\w+)\}\}/g, (_, k: string) => (fields[k] ?? '').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`));
}

function countRows(page: Page, table: string): Promise<number> {
  return page.evaluate(
    (table) =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('carnet');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const r = db.transaction(table).objectStore(table).count();
          r.onsuccess = () => {
            db.close();
            resolve(r.result);
          };
        };
      }),
    table,
  );
}

function wipeDb(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('carnet');
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction([...db.objectStoreNames], 'readwrite');
          for (const n of db.objectStoreNames) tx.objectStore(n).clear();
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

const tab = (panel: Page, name: RegExp) => panel.getByRole('navigation').getByRole('button', { name });
const num = (s: string | null) => Number((s ?? '').replace(/[^\d]/g, ''));

async function openContact(panel: Page, email: string): Promise<void> {
  await panel.getByTestId('search').fill(email);
  await panel.getByRole('option', { name: new RegExp(email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
  await panel.getByTestId('open-person-privacy').click();
  await panel.getByTestId('person-privacy').waitFor();
}

test.describe('gdprui', () => {
  test('imports the real Salesforce contact export through the import screen', async ({ panel }) => {
    await tab(panel, /^(Import|Importer)$/).click();
    await panel.getByTestId('import-file').setInputFiles(SF_CONTACTS);
    await expect(panel.getByTestId('import-detected')).toContainText('Salesforce Contacts');
    await expect(panel.locator('select[data-column="Email"]')).toHaveValue('email');
    await panel.getByTestId('dry-run').click();
    await expect(panel.getByTestId('dry-run-summary')).toBeVisible();
    const planned = num(await panel.getByTestId('count-new').textContent());
    const invalid = num(await panel.getByTestId('count-invalid').textContent());
    const csvRows = fs.readFileSync(SF_CONTACTS, 'utf8').trim().split(/\r?\n/).length - 1;
    expect(planned).toBeGreaterThan(0);
    expect(planned + invalid).toBeLessThanOrEqual(csvRows);
    await panel.getByTestId('run-import').click();
    await expect(panel.getByTestId('import-done')).toBeVisible({ timeout: 30_000 });
    const contacts = await readTable<{ emails: string[] }>(panel, 'contacts', 10_000);
    expect(contacts.length).toBe(planned);
    const someEmail = fs
      .readFileSync(SF_CONTACTS, 'utf8')
      .match(/[\w.+-]+@[\w-]+\.[\w.]+/)![0]
      .toLowerCase();
    expect(contacts.some((c) => c.emails.includes(someEmail))).toBe(true);
  });

  test('a bad file gets a clear error', async ({ panel }) => {
    await tab(panel, /^(Import|Importer)$/).click();
    await panel
      .getByTestId('import-file')
      .setInputFiles({ name: 'photo.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 0, 0, 3]) });
    await expect(panel.getByTestId('import-error')).toContainText(/not a CSV file|pas un fichier CSV/);
  });

  // The 100 000-contact import (progress, cancel half-way, lands, panel responsive) is import-responsive.spec.ts.

  test('backup, wipe, restore gives back identical records', async ({ panel }) => {
    test.setTimeout(180_000);
    await loadDemo(panel);
    await tab(panel, /^(Privacy|Confidentialité)$/).click();
    // The demo's first scoring run writes its scores and models in the background: back up once it is over.
    let before = await dumpDb(panel);
    for (let quiet = false, t = Date.now(); !quiet && Date.now() - t < 90_000; ) {
      await panel.waitForTimeout(1500);
      const next = await dumpDb(panel);
      quiet = JSON.stringify(next) === JSON.stringify(before) && next.meta!.some((m) => (m as { key: string }).key === 'scoring.lastRun');
      before = next;
    }
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('backup-export').click()]);
    const saved = path.join(os.tmpdir(), `carnet-backup-${process.pid}.json`);
    await download.saveAs(saved);
    expect(download.suggestedFilename()).toMatch(/^carnet-backup-\d{4}-\d{2}-\d{2}\.json$/);
    await wipeDb(panel);
    expect(await countRows(panel, 'contacts')).toBe(0);
    await panel.getByTestId('backup-file').setInputFiles(saved);
    await expect(panel.getByTestId('restore-dialog')).toBeVisible();
    await panel.getByTestId('restore-dialog').getByTestId('confirm').click();
    await expect(panel.getByTestId('backup-message')).toBeVisible({ timeout: 60_000 });
    const after = await dumpDb(panel);
    const byId = (rows: unknown[]) => [...rows].map((r) => JSON.stringify(r)).sort();
    for (const table of Object.keys(before)) expect(byId(after[table]!), table).toEqual(byId(before[table]!));
    expect((before.contacts ?? []).length).toBeGreaterThan(50);
    fs.rmSync(saved, { force: true });

    // An invalid backup lists its errors and changes nothing.
    await panel.getByTestId('backup-file').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"carnet-backup","schemaVersion":2,"exportedAt":"x","tables":{"contacts":[{"id":1}]}}'),
    });
    await panel.getByTestId('restore-dialog').getByTestId('confirm').click();
    await expect(panel.getByTestId('restore-errors')).toContainText('contacts[0]');
    expect(await countRows(panel, 'contacts')).toBe(before.contacts!.length);
  });

  test('consent ledger: grant then withdraw, with history', async ({ panel }) => {
    await loadDemo(panel);
    const contacts = await readTable<{ id: string; emails: string[]; deletedAt: string | null }>(panel, 'contacts', 50);
    const c = contacts.find((x) => x.emails.length > 0 && !x.deletedAt)!;
    await openContact(panel, c.emails[0]!);
    const ledger = panel.getByTestId('consent-ledger');
    await ledger.getByTestId('grant-purpose').selectOption('surveys');
    await ledger.getByTestId('grant-basis').selectOption('consent');
    await ledger.getByTestId('grant-source').fill('Salon Lyon 2025, formulaire papier');
    await ledger.getByTestId('grant').click();
    const row = ledger.locator('li[data-purpose="surveys"]');
    await expect(row).toHaveAttribute('data-active', 'yes');
    await expect(row).toContainText('Salon Lyon 2025');
    let stored = (await readTable<{ id: string; consent: { purpose: string; source: string; withdrawnAt: string | null }[] }>(panel, 'contacts', 10_000)).find(
      (x) => x.id === c.id,
    )!;
    expect(stored.consent.filter((e) => e.purpose === 'surveys' && e.source.startsWith('Salon') && !e.withdrawnAt)).toHaveLength(1);
    await ledger.getByTestId('withdraw-surveys').click();
    await expect(row).toHaveAttribute('data-active', 'no');
    await expect(row.locator('.consent-history')).toContainText(/withdrawn|retiré/);
    stored = (await readTable<typeof stored>(panel, 'contacts', 10_000)).find((x) => x.id === c.id)!;
    expect(stored.consent.find((e) => e.purpose === 'surveys' && e.source.startsWith('Salon'))!.withdrawnAt).toBeTruthy();
    await expect(panel.getByTestId('audit-history')).toContainText(/changed|modifié/);
  });

  test('erasing a demo contact leaves no trace of them, and their page does not recreate them', async ({ context, panel }) => {
    test.setTimeout(600_000);
    await loadDemo(panel);
    type C = { id: string; firstName: string; lastName: string; emails: string[]; phones: string[]; deletedAt: string | null };
    const interactions = await readTable<{ contactIds: string[] }>(panel, 'interactions', 3000);
    const c = (await readTable<C>(panel, 'contacts', 300)).find(
      (x) => x.emails.length > 0 && x.firstName && x.lastName && !x.deletedAt && interactions.some((i) => i.contactIds.includes(x.id)),
    )!;
    const fullName = `${c.firstName} ${c.lastName}`;
    await openContact(panel, c.emails[0]!);
    await panel.getByTestId('erase-person').click();
    await expect(panel.getByTestId('erase-dialog')).toContainText(c.emails[0]!);
    await panel.getByTestId('erase-dialog').getByTestId('confirm').click();
    await expect(panel.getByTestId('erasure-report')).toBeVisible({ timeout: 30_000 });

    const db = await dumpDb(panel);
    const needles = [fullName, ...c.emails, ...c.phones].map((s) => s.toLowerCase());
    for (const [table, rows] of Object.entries(db)) {
      for (const row of rows) {
        const text = JSON.stringify(row).toLowerCase();
        for (const n of needles) expect(text.includes(n), `${table} still holds "${n}": ${text.slice(0, 300)}`).toBe(false);
        if (text.includes(c.id)) {
          // Only what erasure must keep: the contact's tombstone, the "erased" audit entry, a queued delete.
          const r = row as Record<string, unknown>;
          const allowed =
            (table === 'contacts' && r.id === c.id && !!r.deletedAt) ||
            (table === 'audit' && JSON.stringify(r.changes) === '{}') ||
            (table === 'outbox' && r.op === 'delete');
          expect(allowed, `${table} still links the erased id: ${text.slice(0, 300)}`).toBe(true);
        }
      }
    }

    await serveAt(context, 'https://mail.google.com/**', gmailPage({ email: c.emails[0]!, name: fullName, subject: 'Bonjour' }));
    const gmail = await context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLkQxyz', { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await tab(panel, /^(This page|Cette page)$/).click();
    await expect(panel.getByTestId('suppressed')).toBeVisible({ timeout: 60_000 });
    await expect(panel.getByTestId('create-contact')).toHaveCount(0);
  });
});
