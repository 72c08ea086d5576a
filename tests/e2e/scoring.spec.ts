import { test, expect, loadDemo, readTable } from './extension';

type Score = {
  accountId: string;
  churnProbability: number | null;
  segments: string[];
  actions: { type: string; contactId: string | null }[];
  computedAt: string;
};
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
  const [riskiest] = (await readTable<Score>(panel, 'scores', 5000))
    .filter((s) => s.churnProbability !== null && !s.segments.includes('lifecycle:churned'))
    .sort((a, b) => b.churnProbability! - a.churnProbability!);
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
  await expect
    .poll(async () => (await readTable<Score>(panel, 'scores', 5000)).find((s) => s.accountId === accountId)!.computedAt, { timeout: 5000 })
    .not.toBe(before.computedAt);
  const after = await readTable<Score>(panel, 'scores', 5000);
  expect(done(after.find((s) => s.accountId === accountId)!)).toBe(false);
  expect(after.filter((s) => s.computedAt === before.computedAt).length).toBe(after.length - 1);
});

type DemoAccount = { id: string; deletedAt: string | null; currency: string; annualValue: number | null; churnedAt: string | null; lifecycleStage: string };
type MoneyScore = Score & { clv: number | null; clvMethod: string };
// The ECB reference rates of 2025-10-09 the panel starts with (lib/currency/reference-rates.ts), written out again
// here so the test checks the panel's arithmetic rather than repeating it.
const PER_EUR: Record<string, number> = { EUR: 1, GBP: 0.8683, USD: 1.1611 };

/** Revenue at risk and average CLV of the stored portfolio, converted to `to` by hand. */
function expectedTotals(accounts: DemoAccount[], scores: MoneyScore[], to: string) {
  const conv = (x: number, from: string) => (x / PER_EUR[from]!) * PER_EUR[to]!;
  const byId = new Map(accounts.map((a) => [a.id, a]));
  let risk = 0,
    clv = 0,
    n = 0;
  const now = Date.now();
  for (const s of scores) {
    const a = byId.get(s.accountId);
    if (!a) continue;
    if (s.clv !== null && s.clvMethod !== 'none') {
      clv += conv(s.clv, a.currency);
      n++;
    }
    const lost = a.lifecycleStage === 'churned' || (a.churnedAt !== null && Date.parse(a.churnedAt) <= now) || s.segments.includes('lifecycle:churned');
    if (!lost && a.annualValue !== null && s.churnProbability !== null) risk += conv(s.churnProbability * a.annualValue, a.currency);
  }
  return { risk, clv: clv / n };
}
const amount = (text: string) => Number(text.replace(/[^\d]/g, ''));

test('the dashboard of a portfolio in €, £ and $ shows totals converted to the reporting currency, and says at which rates', async ({ panel }) => {
  await loadDemo(panel);
  const accounts = (await readTable<DemoAccount>(panel, 'accounts', 5000)).filter((a) => !a.deletedAt);
  expect(new Set(accounts.map((a) => a.currency))).toEqual(new Set(['EUR', 'GBP', 'USD']));
  await expect.poll(async () => (await readTable<Score>(panel, 'scores', 5000)).length, { timeout: 30_000 }).toBe(accounts.length);
  const scores = await readTable<MoneyScore>(panel, 'scores', 5000);

  // Settings › Reporting currency: EUR
  await panel.getByRole('button', { name: /^(Settings|Réglages)$/ }).click();
  const settings = panel.getByTestId('reporting-settings');
  await expect(settings.getByTestId('reporting-rates-source')).toContainText(/ECB reference rates of .*2025|BCE du .*2025/);
  await settings.getByTestId('reporting-currency').selectOption('EUR');

  await panel.getByRole('button', { name: /^(Dashboard|Tableau de bord)$/ }).click();
  const note = panel.getByTestId('money-note');
  await expect(note).toContainText(/converted to EUR at the ECB reference rates of .*2025|convertis en EUR aux taux de référence de la BCE du .*2025/);
  // the dashboard rounds to whole units; each check re-reads the scores (a rescoring may land meanwhile)
  const gap = async (kpi: 'kpi-risk' | 'kpi-clv', to: string) => {
    const shown = amount((await panel.getByTestId(kpi).textContent())!);
    const want = expectedTotals(accounts, await readTable<MoneyScore>(panel, 'scores', 5000), to);
    return Math.abs(shown - (kpi === 'kpi-risk' ? want.risk : want.clv));
  };
  await expect.poll(() => gap('kpi-risk', 'EUR')).toBeLessThanOrEqual(1);
  await expect.poll(() => gap('kpi-clv', 'EUR')).toBeLessThanOrEqual(1);
  // not what adding the figures up as one currency would give
  const naive = scores.reduce((sum, s) => sum + (s.churnProbability ?? 0) * (accounts.find((a) => a.id === s.accountId)?.annualValue ?? 0), 0);
  expect(Math.abs(amount((await panel.getByTestId('kpi-risk').textContent())!) - naive)).toBeGreaterThan(100);
  await expect(panel.getByTestId('kpi-risk')).toContainText('€');
  await expect(panel.getByTestId('money-left-out')).toHaveCount(0);

  // in USD: the same money in another unit
  await panel.getByRole('button', { name: /^(Settings|Réglages)$/ }).click();
  await panel.getByTestId('reporting-currency').selectOption('USD');
  await panel.getByRole('button', { name: /^(Dashboard|Tableau de bord)$/ }).click();
  await expect(note).toContainText(/USD/);
  await expect.poll(() => gap('kpi-risk', 'USD')).toBeLessThanOrEqual(1);
  await expect.poll(() => gap('kpi-clv', 'USD')).toBeLessThanOrEqual(1);

  // an edited rate: the dashboard follows it and says they are the user's rates
  await panel.getByRole('button', { name: /^(Settings|Réglages)$/ }).click();
  await panel.getByTestId('reporting-rates').locator('summary').click();
  await panel.getByTestId('rate-GBP').fill('0.5');
  await panel.getByTestId('rates-save').click();
  await expect(panel.getByTestId('reporting-message')).toContainText(/Saved|Enregistré/);
  await expect(panel.getByTestId('reporting-rates-source')).toContainText(/your rates|vos taux/);
  PER_EUR.GBP = 0.5;
  try {
    await panel.getByRole('button', { name: /^(Dashboard|Tableau de bord)$/ }).click();
    await expect(note).toContainText(/at your exchange rates of|à vos taux de change du/);
    await expect.poll(() => gap('kpi-risk', 'USD')).toBeLessThanOrEqual(1);
  } finally {
    PER_EUR.GBP = 0.8683;
  }
});
