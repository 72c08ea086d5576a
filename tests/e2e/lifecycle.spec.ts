import fs from 'node:fs';
import path from 'node:path';
import { test, expect, serveAt, readTable, loadDemo } from './extension';

type Contact = {
  id: string;
  firstName: string;
  lastName: string;
  emails: string[];
  accountId: string | null;
  doNotContact: boolean;
  deletedAt: string | null;
  consent: { purpose: string; withdrawnAt: string | null }[];
};
type Account = { id: string; lifecycleStage: string; churnedAt: string | null };
type Enrolment = { id: string; contactId: string; status: string; stopReason: string | null; taskIds: string[] };
type Task = { id: string; status: string; deletedAt: string | null; title: string };

const GMAIL_THREAD = fs.readFileSync(path.join(import.meta.dirname, 'pages/gmail-thread.html'), 'utf8');
const fill = (html: string, fields: Record<string, string>) =>
  html.replace(/\{\{(\w+)\}\}/g, (_, k: string) => (fields[k] ?? '').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`));

/** A demo contact a sales sequence may write to: an address, sales consent, not do-not-contact, account not churned. */
async function enrollableContact(panel: Parameters<typeof readTable>[0]) {
  const contacts = await readTable<Contact>(panel, 'contacts', 100_000);
  const accounts = new Map((await readTable<Account>(panel, 'accounts', 100_000)).map((a) => [a.id, a]));
  const c = contacts.find((x) => {
    const a = x.accountId ? accounts.get(x.accountId) : undefined;
    return (
      !x.deletedAt &&
      !x.doNotContact &&
      x.emails.length > 0 &&
      x.consent.some((e) => e.purpose === 'sales' && !e.withdrawnAt) &&
      a &&
      a.lifecycleStage !== 'churned' &&
      !a.churnedAt
    );
  });
  expect(c, 'a demo contact with sales consent').toBeTruthy();
  return c!;
}

test('a sequence built in the Lifecycle tab: a demo contact enrolled from their card gets dated steps, and their reply logged from Gmail stops it', async ({
  context,
  panel,
}) => {
  test.setTimeout(150_000); // a long flow: demo load, two views, a contact, a Gmail page
  await loadDemo(panel);
  // the starter templates are there once Templates has been opened
  await panel.getByRole('button', { name: /^(Templates|Modèles)$/ }).click();
  await expect(panel.getByTestId('template-row').first()).toBeVisible();

  await panel.getByRole('button', { name: /^(Lifecycle|Cycle de vie)$/ }).click();
  const view = panel.getByTestId('lifecycle-view');
  await expect(view.getByText(/No sequence yet|Aucune séquence/)).toBeVisible();
  await view.getByTestId('sequence-new').click();
  const editor = view.getByTestId('sequence-editor');
  await editor.getByTestId('sequence-name').fill('Quote follow-up');
  await editor.getByTestId('sequence-add-step').click();
  await expect(editor.getByTestId('sequence-step')).toHaveCount(2);
  // a bad delay is refused beside its step, nothing is saved
  await editor.getByTestId('sequence-step-delay').nth(1).fill('');
  await editor.getByTestId('sequence-save').click();
  await expect(editor.locator('.error')).toBeVisible();
  expect(await readTable(panel, 'sequences')).toHaveLength(0);
  await editor.getByTestId('sequence-step-delay').nth(1).fill('4');
  await editor.getByTestId('sequence-save').click();
  await expect(view.getByTestId('sequence-row')).toContainText('Quote follow-up');
  await expect(view.getByTestId('sequence-row')).toContainText(/2 steps|2 étapes/);

  const contact = await enrollableContact(panel);
  const name = `${contact.firstName} ${contact.lastName}`.trim();
  await panel.getByTestId('search').fill(name);
  await panel.getByRole('option').filter({ hasText: name }).first().click();
  const card = panel.getByTestId('contact-view');
  await expect(card).toContainText(name);
  const sequences = card.getByTestId('contact-sequences');
  await expect(sequences).toContainText(/Not enrolled|Inscrit à aucune/);
  await sequences.getByTestId('enrol-submit').click();
  await expect(sequences.getByTestId('enrolment-state')).toContainText(/Step 1\/2|Étape 1\/2/);
  const [enrolment] = await readTable<Enrolment>(panel, 'enrolments');
  expect(enrolment).toMatchObject({ contactId: contact.id, status: 'active' });
  expect(enrolment!.taskIds).toHaveLength(2);
  const tasks = await readTable<Task>(panel, 'tasks', 100_000);
  expect(
    tasks
      .filter((x) => enrolment!.taskIds.includes(x.id))
      .map((x) => x.title)
      .join('\n'),
  ).toMatch(/Quote follow-up · (step|étape) 2\/2/);
  // a second enrolment in the same running sequence is refused with the reason
  await sequences.getByTestId('enrol-submit').click();
  await expect(sequences.getByTestId('enrol-refusal')).toContainText(/already running|suit déjà/);

  // their reply arrives: the Gmail thread where they are the latest sender, logged in one click
  await serveAt(context, 'https://mail.google.com/**', fill(GMAIL_THREAD, { email: contact.emails[0]!, name, subject: 'Re: your quote' }));
  const site = await context.newPage();
  await site.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXKmVbHnPqRtSwXyZaBcDeFgHj');
  await panel.getByRole('button', { name: /This page|Cette page/ }).click();
  await expect(panel.getByTestId('contact-view')).toContainText(name);
  await panel.getByTestId('log-page').click();
  await expect(panel.getByTestId('toast').filter({ hasText: /sequence stopped|séquence s’arrête/ })).toBeVisible();

  await expect.poll(async () => (await readTable<Enrolment>(panel, 'enrolments'))[0]?.stopReason).toBe('replied');
  const after = await readTable<Task>(panel, 'tasks', 100_000);
  expect(after.filter((x) => enrolment!.taskIds.includes(x.id) && !x.deletedAt && x.status === 'open')).toHaveLength(0);
  await expect(panel.getByTestId('contact-sequences').getByTestId('enrolment-state')).toContainText(/Stopped on .*: replied|Arrêtée le .* : a répondu/);

  // the Lifecycle tab counts it as stopped
  await panel.getByRole('button', { name: /^(Lifecycle|Cycle de vie)$/ }).click();
  await expect(panel.getByTestId('sequence-row')).toContainText(/0 running · 1 stopped|0 en cours · 1 arrêtée/);
});

test('workflow settings: a rule turned off is saved, a bad day count is refused with its field, and Run now schedules the renewal tasks', async ({ panel }) => {
  await loadDemo(panel);
  await panel.getByRole('button', { name: /^(Lifecycle|Cycle de vie)$/ }).click();
  const form = panel.getByTestId('workflow-settings');
  await form.getByTestId('workflow-birthday-enabled').uncheck();
  await form.getByTestId('workflow-welcome-withinDays').fill('abc');
  await form.getByTestId('workflow-save').click();
  await expect(form.getByRole('alert')).toContainText('welcome.withinDays');
  await form.getByTestId('workflow-welcome-withinDays').fill('21');
  await form.getByTestId('workflow-save').click();
  await expect(form.getByRole('status').first()).toContainText(/Saved|Enregistré/);
  const stored = await panel.evaluate(() => chrome.storage.local.get('lifecycle.workflows'));
  expect(stored['lifecycle.workflows']).toMatchObject({ birthday: { enabled: false }, welcome: { withinDays: 21 } });

  await form.getByTestId('workflow-run').click();
  await expect(form.getByText(/task\(s\) scheduled|tâche\(s\) planifiée\(s\)/)).toBeVisible();
  const runs = await readTable<{ rule: string; outcome: string; taskId: string | null }>(panel, 'workflowRuns', 10_000);
  const tasks = await readTable<{ id: string; actionType: string | null }>(panel, 'tasks', 100_000);
  // whatever the demo's renewal dates, each scheduled run has its task, and running again adds none
  for (const r of runs.filter((x) => x.outcome === 'scheduled')) expect(tasks.some((x) => x.id === r.taskId)).toBe(true);
  await form.getByTestId('workflow-run').click();
  await expect(form.getByText(/^0 task\(s\) scheduled|^0 tâche\(s\) planifiée\(s\)/)).toBeVisible();
  expect((await readTable(panel, 'workflowRuns', 10_000)).length).toBe(runs.length);
});
