import { test, expect, loadDemo, readTable } from './extension';

type Score = { accountId: string; churnProbability: number | null; segments: string[]; actions: { type: string; contactId: string | null }[]; computedAt: string };
const TASK_ACTIONS = ['call_at_risk', 'resolve_tickets'];

test('the demo portfolio is scored on the device and the dashboard shows KPIs, charts, reasons and actions', async ({ panel }) => {
  await loadDemo(panel);
  const accounts = (await readTable<{ id: string; deletedAt: string | null }>(panel, 'accounts', 5000)).filter((a) => !a.deletedAt);
  // the panel scores the portfolio after the demo load (in its Web Worker) and fills the scores table
  await expect.poll(async () => (await readTable<Score>(panel, 'scores', 5000)).length, { timeout: 30_000 }).toBe(accounts.length);
  const runInfo = await panel.evaluate(
    () =>
      new Promise<unknown>((resolve) => {
        const req = indexedDB.open('carnet');
        req.onsuccess = () => {
          const g = req.result.transaction('meta').objectStore('meta').get('scoring.lastRun');
          g.onsuccess = () => resolve(g.result?.value);
        };
      }),
  );
  expect(runInfo).toMatchObject({ accounts: accounts.length, inWorker: true });

  await panel.getByRole('button', { name: /^(Dashboard|Tableau de bord)$/ }).click();
  await expect(panel.getByTestId('dashboard')).toBeVisible();
  await expect(panel.getByTestId('kpi-accounts')).toHaveText(new RegExp(String(accounts.length)));
  // both trend charts drawn by uPlot on a canvas, each with a table alternative
  await expect(panel.locator('.uplot canvas')).toHaveCount(2, { timeout: 15_000 });
  await expect(panel.locator('figure.chart table.data')).toHaveCount(2);
  await expect(panel.getByTestId('segment-sizes').locator('li').first()).toBeVisible();

  // the riskiest account: churn gauge, its reasons, segment chips, ranked actions
  const first = panel.getByTestId('at-risk').locator('details').first();
  await first.locator('summary').click();
  const insights = first.getByTestId('account-insights');
  await expect(insights.getByTestId('churn-gauge')).toBeVisible();
  expect(await insights.getByTestId('churn-reasons').locator('li').count()).toBeGreaterThan(0);
  expect(await insights.getByTestId('segment-chips').locator('.chip').count()).toBeGreaterThan(1);
  await expect(insights.getByTestId('segment-chips')).toContainText(/At risk|Active|Dormant|New|À risque|Actif|Dormant|Nouveau/);
  // its ranked actions, as stored in its score
  const [riskiest] = (await readTable<Score>(panel, 'scores', 5000)).filter((s) => s.churnProbability !== null && !s.segments.includes('lifecycle:churned')).sort((a, b) => b.churnProbability! - a.churnProbability!);
  if (riskiest!.actions.length) {
    await expect(insights.getByTestId('action-list').locator('li')).toHaveCount(riskiest!.actions.length);
    await expect(insights.getByTestId('action-list').locator('li').first()).toHaveAttribute('data-action-type', riskiest!.actions[0]!.type);
  } else await expect(insights.getByTestId('action-list-empty')).toBeVisible();
});

test('executing a suggested action from the panel creates the task in IndexedDB and records the feedback', async ({ panel }) => {
  await loadDemo(panel);
  await expect.poll(async () => (await readTable<Score>(panel, 'scores', 5000)).length, { timeout: 30_000 }).toBeGreaterThan(50);
  await panel.getByRole('button', { name: /^(Dashboard|Tableau de bord)$/ }).click();
  const top = panel.getByTestId('dashboard').getByTestId('action-list').first();
  await expect(top).toBeVisible();
  const scores = await readTable<Score>(panel, 'scores', 5000);
  // execute a task-creating action: from the top list when one is there, else from an account that has one
  let item = top.locator(`li[data-action-type="call_at_risk"], li[data-action-type="resolve_tickets"]`).first();
  if ((await item.count()) === 0) {
    const withTask = scores.filter((s) => s.actions.some((a) => TASK_ACTIONS.includes(a.type)));
    expect(withTask.length).toBeGreaterThan(0);
    const riskList = panel.getByTestId('at-risk').locator('details');
    await riskList.first().locator('summary').click();
    item = panel.getByTestId('at-risk').locator(`li[data-action-type="call_at_risk"], li[data-action-type="resolve_tickets"]`).first();
  }
  const type = await item.getAttribute('data-action-type');
  const accountId = (await item.getAttribute('data-account-id'))!;
  const before = scores.find((s) => s.accountId === accountId)!;
  const tasksBefore = (await readTable<{ actionType: string | null }>(panel, 'tasks', 100_000)).filter((t) => t.actionType === type).length;
  await item.getByTestId('action-execute').click();
  await expect(panel.getByTestId('action-message').first()).toContainText(/Task created|Tâche créée/);
  const tasks = (await readTable<{ actionType: string | null; status: string; title: string }>(panel, 'tasks', 100_000)).filter((t) => t.actionType === type);
  expect(tasks.length).toBe(tasksBefore + 1);
  const feedback = await readTable<{ actionType: string; outcome: string; at: string; contactId: string | null }>(panel, 'feedback', 100_000);
  const recent = feedback.filter((f) => f.actionType === type && f.outcome === 'accepted' && Date.now() - Date.parse(f.at) < 60_000);
  expect(recent).toHaveLength(1);
  // the panel's watcher rescored that account (in the worker, with the cached models): the executed action
  // (this type for this contact) left its score; the rest of the portfolio was not rescored
  const done = (s: Score) => s.actions.some((a) => a.type === type && a.contactId === recent[0]!.contactId);
  await expect.poll(async () => (await readTable<Score>(panel, 'scores', 5000)).find((s) => s.accountId === accountId)!.computedAt, { timeout: 5000 }).not.toBe(before.computedAt);
  const after = await readTable<Score>(panel, 'scores', 5000);
  expect(done(after.find((s) => s.accountId === accountId)!)).toBe(false);
  expect(after.filter((s) => s.computedAt === before.computedAt).length).toBe(after.length - 1);
});
