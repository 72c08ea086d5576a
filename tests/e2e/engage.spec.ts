import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, serveAt, readTable, loadDemo } from './extension';

const SITES = path.resolve(import.meta.dirname, '../../lib/sites');
/** `gmail/2026-…` → lib/sites/gmail/fixtures/2026-….html */
const page = (name: string) => {
  const [site, file] = name.split('/') as [string, string];
  return fs.readFileSync(path.join(SITES, site, 'fixtures', `${file}.html`), 'utf8');
};

/** Puts the cursor in the compose body as a click would: at `offset` in the text node containing `marker`, else in the element. */
async function placeCursor(site: Page, bodySelector: string, where: { afterText?: string; inElement?: string }) {
  await site.evaluate(
    ({ bodySelector, where }) => {
      const body = document.querySelector(bodySelector) as HTMLElement;
      body.focus();
      const r = document.createRange();
      if (where.afterText) {
        const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = n.textContent!.indexOf(where.afterText);
          if (i >= 0) {
            r.setStart(n, i + where.afterText.length);
            break;
          }
        }
      } else {
        r.setStart(body.querySelector(where.inElement!)!, 0);
      }
      r.collapse(true);
      const sel = document.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(r);
    },
    { bodySelector, where },
  );
}

async function createContactFromPage(panel: Page, name: string) {
  await panel.getByRole('button', { name: /This page|Cette page/ }).click();
  await expect(panel.getByRole('heading', { name })).toBeVisible();
  await panel.getByTestId('create-contact').click();
  await expect(panel.getByTestId('contact-view')).toBeVisible();
}

async function insertTemplate(panel: Page, templateName: RegExp) {
  await panel.getByTestId('write-template').click();
  const dialog = panel.getByTestId('template-dialog');
  await dialog.getByTestId('template-choice').filter({ hasText: templateName }).click();
  await expect(dialog.getByTestId('preview-body')).not.toBeEmpty();
  const body = (await dialog.getByTestId('preview-body').textContent())!;
  const subject = (await dialog.getByTestId('preview-subject').textContent())!;
  await dialog.getByTestId('template-insert').click();
  await expect(dialog.getByTestId('template-outcome')).toBeVisible();
  return { body, subject, outcome: (await dialog.getByTestId('template-outcome').textContent())! };
}

const norm = (s: string) =>
  s
    .replace(/\u00a0/g, ' ')
    .replace(/\n+/g, '\n')
    .trim();

test('Gmail new message: a template lands at the cursor above the signature, with its subject, and the use is recorded', async ({ context, panel }) => {
  await serveAt(context, 'https://mail.google.com/**', page('gmail/2026-12-03-compose-new-message'));
  const site = await context.newPage();
  await site.goto('https://mail.google.com/mail/u/0/#inbox?compose=new');
  await createContactFromPage(panel, 'Hélène Dupont');
  const BODY = 'div.editable[g_editable="true"]';
  await placeCursor(site, BODY, { inElement: 'div' });
  await site.evaluate((sel) => {
    const w = window as unknown as { inputs: { type: string; trusted: boolean }[] };
    w.inputs = [];
    document.querySelector(sel)!.addEventListener('input', (e) => w.inputs.push({ type: (e as InputEvent).inputType, trusted: e.isTrusted }));
  }, BODY);
  const t = await insertTemplate(panel, /Welcome|Bienvenue/);
  expect(t.outcome).toMatch(/Written into the Gmail message at the cursor\. Subject filled in\./);
  // Written through the browser's editing command, as typing would be: the editor sees a trusted input event (and
  // the change is in its undo history).
  const inputs = await site.evaluate(() => (window as unknown as { inputs: { type: string; trusted: boolean }[] }).inputs);
  expect(inputs.some((i) => i.trusted && i.type === 'insertText')).toBe(true);
  const text = norm(await site.locator(BODY).innerText());
  expect(text.startsWith(norm(t.body))).toBe(true);
  expect(text.endsWith('-- \nAlex Morgan\nNorthwind Traders'.replace('-- ', '--'))).toBe(true);
  await expect(site.locator('input[name="subjectbox"]')).toHaveValue(t.subject);
  const uses = await readTable<{ how: string; site: string; contactId: string; threadRef: string | null }>(panel, 'templateUses');
  expect(uses).toHaveLength(1);
  expect(uses[0]).toMatchObject({ how: 'inserted', site: 'gmail', threadRef: null });
});

test('Gmail inline reply: the template goes right after “Bonjour Hélène,”, the subject stays, the thread is recorded', async ({ context, panel }) => {
  await serveAt(context, 'https://mail.google.com/**', page('gmail/2026-12-03-compose-inline-reply'));
  const site = await context.newPage();
  await site.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXKmVbHnPqRtSwXyZaBcDeFgHj');
  await createContactFromPage(panel, 'Hélène Dupont');
  const BODY = 'div.editable[g_editable="true"]';
  await placeCursor(site, BODY, { afterText: 'Bonjour Hélène,' });
  const t = await insertTemplate(panel, /Follow-up after a meeting|Suivi après réunion/);
  expect(t.outcome).toMatch(/Written into the Gmail reply at the cursor\./);
  const text = norm(await site.locator(BODY).innerText());
  expect(text.startsWith(`Bonjour Hélène,${norm(t.body)}`) || text.startsWith(`Bonjour Hélène,\n${norm(t.body)}`)).toBe(true);
  expect(await site.locator('input[name="subjectbox"]').inputValue()).toBe('Renouvellement 2027');
  const uses = await readTable<{ threadRef: string | null }>(panel, 'templateUses');
  expect(uses[0]!.threadRef).toBe('thread-f:1784512345678901234');
});

test('Outlook reply then new message: at the cursor in the reply, then with the subject in a new message found by search', async ({ context, panel }) => {
  await serveAt(context, 'https://outlook.office.com/mail/inbox/**', page('outlook/2026-12-03-compose-reply'));
  await serveAt(context, 'https://outlook.office.com/mail/deeplink/**', page('outlook/2026-12-03-compose-new-message'));
  const site = await context.newPage();
  await site.goto('https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWI2NDQtMDACLTAwCgAQAKx9Z2Fyb3JlbmV3YWw%3D');
  await createContactFromPage(panel, 'Jonas Weber');
  await placeCursor(site, '#editorParent_2', { afterText: 'Hi Jonas,' });
  const reply = await insertTemplate(panel, /Late delivery|Retard de livraison/);
  expect(reply.outcome).toMatch(/Written into the Outlook reply at the cursor\./);
  const replyText = norm(await site.locator('#editorParent_2').innerText());
  expect(replyText.replace(/\n/g, '')).toContain(`Hi Jonas,${norm(reply.body).replace(/\n/g, '')}`);
  await panel
    .getByTestId('template-dialog')
    .getByRole('button', { name: /Close|Fermer/ })
    .click();

  await site.goto('https://outlook.office.com/mail/deeplink/compose');
  await expect(site.locator('#editorParent_1')).toBeVisible();
  await placeCursor(site, '#editorParent_1', { inElement: 'div.elementToProof' });
  // The compose page names no customer: the contact is found by search, and the template goes to the tab the user is on.
  await panel.getByTestId('search').fill('Jonas');
  await panel.getByRole('option').first().click();
  await expect(panel.getByTestId('contact-view')).toContainText('Jonas Weber');
  const t = await insertTemplate(panel, /Welcome|Bienvenue/);
  expect(t.outcome).toMatch(/Written into the Outlook message at the cursor\. Subject filled in\./);
  await expect(site.locator('input[maxlength="255"]')).toHaveValue(t.subject);
  const text = norm(await site.locator('#editorParent_1').innerText());
  expect(text.startsWith(norm(t.body))).toBe(true);
  expect(text.endsWith('Priya Raman\nContoso Energy')).toBe(true);
});

const GMAIL_REPLY = fs.readFileSync(path.join(import.meta.dirname, 'pages/gmail-reply.html'), 'utf8');
const fill = (html: string, fields: Record<string, string>) =>
  html.replace(/\{\{(\w+)\}\}/g, (_, k: string) => (fields[k] ?? '').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`));
const EMAIL_ACTIONS = ['renewal_proposal', 'ask_nps', 'ask_referral', 'reengage_dormant', 'propose_upsell', 'birthday_message', 'welcome_new'];

test('from Gmail: a suggested action writes its template into the reply in one click, and the Templates view counts the reply', async ({ context, panel }) => {
  await loadDemo(panel);
  type Score = { accountId: string; actions: { type: string; contactId: string | null }[] };
  await expect
    .poll(async () => (await readTable<Score>(panel, 'scores', 5000)).some((s) => s.actions.some((a) => EMAIL_ACTIONS.includes(a.type) && a.contactId)), {
      timeout: 60_000,
    })
    .toBe(true);
  const scores = await readTable<Score>(panel, 'scores', 5000);
  const contacts = await readTable<{ id: string; firstName: string; lastName: string; emails: string[]; deletedAt: string | null }>(panel, 'contacts', 100_000);
  const pick = scores
    .flatMap((s) =>
      s.actions
        .filter((a) => EMAIL_ACTIONS.includes(a.type) && a.contactId)
        .map((a) => ({ s, a, c: contacts.find((c) => c.id === a.contactId && c.emails.length && !c.deletedAt) })),
    )
    .find((x) => x.c && x.s.actions[0]?.contactId === x.a.contactId)!;
  const contact = pick.c!;
  const name = `${contact.firstName} ${contact.lastName}`.trim();
  await serveAt(context, 'https://mail.google.com/**', fill(GMAIL_REPLY, { email: contact.emails[0]!, name, subject: 'Next steps' }));
  const site = await context.newPage();
  await site.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXKmVbHnPqRtSwXyZaBcDeFgHj');
  await panel.getByRole('button', { name: /This page|Cette page/ }).click();
  await expect(panel.getByTestId('contact-view')).toContainText(name);
  const BODY = 'div.editable[g_editable="true"]';
  await placeCursor(site, BODY, { inElement: 'div' });

  const item = panel.getByTestId('contact-view').locator(`li[data-action-type="${pick.a.type}"]`).first();
  const t0 = Date.now();
  await item.getByTestId('action-execute').click();
  await expect(site.locator(BODY)).not.toHaveText(/^\s*Camille Martin\s*$/);
  console.log(`[e2e] suggested action → text in the Gmail reply: ${Date.now() - t0} ms (Playwright round trips included; not a budget check)`);
  await expect(panel.getByTestId('action-message').first()).toContainText(/Written into the Gmail reply at the cursor\./);
  const text = norm(await site.locator(BODY).innerText());
  expect(text.endsWith('Camille Martin')).toBe(true);
  expect(text.length).toBeGreaterThan('Camille Martin'.length + 40);
  const uses = await readTable<{ templateId: string; actionType: string; contactId: string; threadRef: string }>(panel, 'templateUses');
  expect(uses).toHaveLength(1);
  expect(uses[0]).toMatchObject({ actionType: pick.a.type, contactId: contact.id, threadRef: 'thread-f:1784599999999999999' });

  // A week later, in the Templates view: the use is listed; the contact's reply, logged, counts.
  await panel.getByRole('button', { name: /^(Templates|Modèles)$/ }).click();
  await panel
    .getByTestId('template-row')
    .filter({ hasText: /(^|\D)1 use\b/ })
    .click();
  const results = panel.getByTestId('ab-results');
  await expect(results.getByTestId('use-list')).toContainText(name);
  await results.getByTestId('use-log-reply').click();
  await expect(panel.getByTestId('toast')).toContainText(/Reply logged/);
  await expect(results.getByTestId('use-list')).toContainText(/replied/);
  const row = results.getByTestId('ab-row').filter({ hasText: '100' });
  await expect(row).toHaveCount(1);
  await expect.poll(async () => (await readTable<{ repliedAt: string | null }>(panel, 'templateUses'))[0]!.repliedAt).not.toBeNull();
});

test('Templates view: edit a starter in French and English with a live preview, run an A/B test, stop it and keep the winner', async ({ panel }) => {
  await panel.getByRole('button', { name: /^(Templates|Modèles)$/ }).click();
  await expect(panel.getByTestId('template-row')).toHaveCount(10);
  await panel
    .getByTestId('template-row')
    .filter({ hasText: /Contract renewal/ })
    .click();
  const detail = panel.getByTestId('template-detail');
  await expect(detail.getByTestId('variant-tab')).toHaveCount(2);
  await expect(detail.getByTestId('ab-status')).toContainText(/A\/B test running since/);
  // edit the English body of variant B; the preview follows and warns about empty fields
  await detail.getByTestId('variant-tab').nth(1).click();
  await detail.getByTestId('template-body').fill('Hi {{firstName|there}}, {{fristName}} renews on {{renewalDate}}.');
  await expect(detail.getByTestId('preview-body')).toHaveText('Hi there, {{fristName}} renews on.');
  await expect(detail.getByTestId('preview-issues')).toContainText('{{fristName}} is not a merge field');
  await expect(detail.getByTestId('preview-issues')).toContainText('Renewal date is empty for this contact: the message shows nothing there.');
  await detail.getByTestId('template-save').click();
  await expect(detail.getByTestId('template-save')).toBeDisabled();
  await expect
    .poll(
      async () =>
        (await readTable<{ name: string; variants: { en: { body: string } }[] }>(panel, 'templates', 20)).find((t) => t.name.startsWith('Contract renewal'))!
          .variants[1]!.en.body,
    )
    .toContain('{{fristName}}');
  // stop the test, keeping B (after a confirmation)
  await detail.getByTestId('ab-keep').nth(1).click();
  await panel.getByTestId('ab-stop-confirm').getByTestId('confirm').click();
  await expect(detail.getByTestId('ab-status')).toContainText('Test stopped: variant B kept for every message.');
  await expect(detail.getByTestId('variant-tab')).toHaveCount(1);
  // French, the same screen
  await detail.getByRole('button', { name: 'French' }).click();
  await expect(detail.getByTestId('template-subject')).toHaveValue(/\{\{company\}\} : votre renouvellement/);
  // delete asks first
  await detail.getByTestId('template-delete').click();
  await panel.getByTestId('template-delete-confirm').getByTestId('confirm').click();
  await expect(panel.getByTestId('template-row')).toHaveCount(9);
});
