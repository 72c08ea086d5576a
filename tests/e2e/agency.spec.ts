import fs from 'node:fs';
import { test, expect, loadDemo, readTable } from './extension';

type Account = { id: string; name: string; currency: string; deletedAt: string | null };

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const DAY = 86_400_000;

/**
 * A Google Ads campaign report as the product downloads it (title, quoted date range, Day segment, "1,234" numbers,
 * totals rows), for the three months to yesterday, with conversions falling to a third over the last eight days.
 */
function googleAdsReport(currency: string): { csv: string; first: string; last: string } {
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  const start = Date.UTC(new Date(today - DAY).getUTCFullYear(), new Date(today - DAY).getUTCMonth() - 3, 1);
  const fmt = (x: number, d = 2) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  const q = (s: string) => (s.includes(',') ? `"${s}"` : s);
  const rows: string[] = [];
  let seed = 11;
  const r = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  let total = 0;
  for (let t = start; t < today; t += DAY) {
    for (const [name, clicks, cpc, cr, aov] of [
      ['Brand - Search', 180, 0.5, 0.09, 70],
      ['Generic - Shoes', 320, 0.9, 0.035, 85],
    ] as const) {
      const c = Math.round(clicks * (0.85 + 0.3 * r()));
      const f = t >= today - 8 * DAY ? 0.33 : 1;
      const conv = Math.round(c * cr * f * (0.8 + 0.4 * r()));
      const cost = c * cpc * (0.9 + 0.2 * r());
      total += cost;
      rows.push([iso(t), name, 'Search', currency, q(fmt(c * 14, 0)), q(fmt(c, 0)), q(fmt(cost)), q(fmt(conv)), q(fmt(conv * aov))].join(','));
    }
  }
  const first = iso(start);
  const last = iso(today - DAY);
  const long = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  const csv = [
    'Campaign report',
    `"${long(first)} - ${long(last)}"`,
    'Day,Campaign,Campaign type,Currency code,Impr.,Clicks,Cost,Conversions,Conv. value',
    ...rows,
    `Total: Account,--,--,${currency},--,--,${q(fmt(total))},--,--`,
    `Total: Search,--,--,${currency},--,--,${q(fmt(total))},--,--`,
  ].join('\r\n');
  return { csv, first, last };
}

test('an account manager imports a Google Ads report for a client, sees its KPIs and an alert, and opens its client report', async ({
  panel,
  context,
}, info) => {
  await loadDemo(panel);
  const accounts = (await readTable<Account>(panel, 'accounts', 1000)).filter((a) => !a.deletedAt);
  const plans = await readTable<{ accountId: string }>(panel, 'agencyPlans', 1000);
  expect(plans.length).toBeGreaterThan(5);
  const agency = new Set(plans.map((p) => p.accountId));
  const client = accounts.find((a) => !agency.has(a.id))!;
  const report = googleAdsReport(client.currency);
  const file = info.outputPath('google-ads-campaign-report.csv');
  fs.writeFileSync(file, report.csv);

  const started = Date.now();
  // 1. the Agency tab: the demo's clients, who is below target
  await panel.getByRole('button', { name: /^(Agency|Agence)$/ }).click();
  const view = panel.getByTestId('agency-view');
  await expect(view.getByTestId('agency-clients').getByTestId('agency-client').first()).toBeVisible({ timeout: 20_000 });
  await expect(view.getByTestId('agency-below-count')).toHaveText(/\d+ \/ \d+/);

  // 2. import the report: detected, the client chosen, the dry run, the import
  const card = view.getByTestId('campaign-import');
  await card.getByTestId('import-file').setInputFiles(file);
  await expect(card.getByTestId('campaign-import-detected')).toContainText(/Google Ads/);
  await card.getByTestId('client-search').fill(client.name.split(' ')[0]!);
  await card.getByTestId('client-select').selectOption(client.id);
  await card.getByTestId('campaign-dry-run-button').click();
  const dry = card.getByTestId('campaign-dry-run');
  await expect(dry.getByTestId('count-skipped')).toHaveText('2');
  await expect(dry.getByTestId('count-invalid')).toHaveText('0');
  await expect(dry.getByTestId('campaign-dry-run-accounts')).toContainText(client.name);
  const planned = Number((await dry.getByTestId('count-new').textContent())!.replace(/\D/g, ''));
  expect(planned).toBeGreaterThan(150);
  await card.getByTestId('campaign-import-run').click();
  await expect(card.getByTestId('campaign-import-done')).toBeVisible({ timeout: 20_000 });
  await expect
    .poll(async () => (await readTable<{ accountId: string }>(panel, 'campaignStats', 20_000)).filter((s) => s.accountId === client.id).length)
    .toBe(planned);

  // 3. the client is in the list; its 360° shows the KPIs and, once rescored in the worker, the drop
  const row = view.locator(`[data-testid="agency-client"][data-account="${client.id}"]`);
  await expect(row).toBeVisible();
  await row.locator('.client-name').click();
  const section = panel.getByTestId('agency-section');
  await expect(section.getByTestId('agency-kpis').locator('.kpi-tile').first()).toBeVisible({ timeout: 20_000 });
  await expect(section.getByTestId('agency-alerts')).toContainText(/Conversions|ROAS|Cost per conversion/, { timeout: 30_000 });
  await section.getByTestId('agency-section-period').selectOption('last_30_days');
  await expect(section.locator('.kpi-tile[data-metric="conversions"]')).toBeVisible();

  // the drop is also an action to take, ranked with the others
  const score = (await readTable<{ accountId: string; actions: { type: string }[]; agency?: { alerts: { kind: string }[] } }>(panel, 'scores', 2000)).find(
    (s) => s.accountId === client.id,
  )!;
  expect(score.agency?.alerts.map((a) => a.kind)).toContain('drop');
  expect(score.actions.map((a) => a.type)).toContain('investigate_drop');

  // a ROAS target the client misses: it shows below target in the agency view
  await section.getByTestId('agency-targets').click();
  const form = panel.getByTestId('targets-dialog');
  await form.getByTestId('target-value-0').fill('25');
  await form.getByTestId('target-budget').fill('3000');
  await form.getByTestId('targets-save').click();
  await expect(section.locator('.kpi-tile[data-metric="roas"]')).toHaveAttribute('data-status', 'missed');

  // 4. the client report, one click from the client, in a tab of its own
  const [page] = await Promise.all([context.waitForEvent('page'), section.getByTestId('agency-report').click()]);
  await page.waitForLoadState();
  expect(page.url()).toMatch(/report\.html\?account=/);
  await expect(page.getByTestId('report-client')).toHaveText(client.name);
  await expect(page.getByTestId('report-kpis').locator('tbody tr')).toHaveCount(11);
  await expect(page.getByTestId('report-campaigns')).toContainText('Generic - Shoes');
  await expect(page.getByTestId('report-alerts')).toBeVisible();
  await expect(page.locator('.uplot canvas').first()).toBeVisible();
  // notes and next steps, written on the report itself
  await page.getByTestId('report-edit-notes').click();
  await page.getByTestId('report-notes-input').fill('Conversions fell in the last days of the period.');
  await page.getByTestId('report-next-input').fill('Check the conversion tag\nShift budget to Brand - Search');
  await page.getByTestId('report-notes-save').click();
  await expect(page.getByTestId('report-next').locator('li')).toHaveCount(2);
  // French, then the PDF the browser's print makes of it (print CSS: the tools are not in it)
  await page.getByTestId('report-lang-fr').click();
  await expect(page.getByTestId('report-kpis')).toContainText('Dépenses');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  const elapsed = Date.now() - started;
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('report-print')).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  fs.writeFileSync(info.outputPath('client-report.pdf'), pdf);
  await page.emulateMedia({ media: 'screen' });
  await page.screenshot({ path: info.outputPath('client-report.png'), fullPage: true });
  await panel.screenshot({ path: info.outputPath('agency-section.png'), fullPage: true });
  console.log(`import → KPIs and alert → client report (automated): ${(elapsed / 1000).toFixed(1)} s; PDF ${pdf.length} bytes`);
});

test('done when: last month’s Google Ads report imported from the Agency tab, clients below target listed first, one client’s report opened from its row', async ({
  panel,
  context,
}, info) => {
  await loadDemo(panel);
  const accounts = (await readTable<Account>(panel, 'accounts', 1000)).filter((a) => !a.deletedAt);
  const agency = new Set((await readTable<{ accountId: string }>(panel, 'agencyPlans', 1000)).map((p) => p.accountId));
  const client = accounts.filter((a) => !agency.has(a.id))[3]!;
  const full = googleAdsReport(client.currency);
  // last month only, as the manager downloads it at the start of a month
  const now = new Date();
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  const lines = full.csv.split('\r\n');
  const body = lines.slice(3).filter((l) => l.startsWith(lastMonth));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  const long = (d: Date) => d.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  const csv = ['Campaign report', `"${long(new Date(`${lastMonth}-01T00:00:00Z`))} - ${long(end)}"`, lines[2], ...body, lines.at(-2)].join('\r\n');
  const file = info.outputPath('last-month.csv');
  fs.writeFileSync(file, csv);

  const started = Date.now();
  await panel.getByRole('button', { name: /^(Agency|Agence)$/ }).click();
  const view = panel.getByTestId('agency-view');
  await expect(view.getByTestId('agency-period')).toHaveValue('last_month');
  const card = view.getByTestId('campaign-import');
  await card.getByTestId('import-file').setInputFiles(file);
  await card.getByTestId('client-select').selectOption(client.id);
  await card.getByTestId('campaign-dry-run-button').click();
  await expect(card.getByTestId('campaign-dry-run-scope')).toContainText(/\w+ \d{4}/);
  await card.getByTestId('campaign-import-run').click();
  await expect(view.getByTestId('just-imported')).toContainText(client.name, { timeout: 20_000 });

  // who is below target, first in the list
  const rows = view.getByTestId('agency-client');
  const statuses = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
  const below = statuses.filter((s) => s === 'below').length;
  expect(below).toBeGreaterThan(0);
  expect(statuses.slice(0, below).every((s) => s === 'below')).toBe(true);
  await expect(view.getByTestId('agency-below-count')).toHaveText(new RegExp(`^${below} / `));
  await panel.screenshot({ path: info.outputPath('agency-view.png'), fullPage: true });

  // a client below target: its report from its row, for last month
  const first = rows.first();
  const name = (await first.locator('.client-name').textContent())!;
  const [page] = await Promise.all([context.waitForEvent('page'), first.getByTestId('client-report').click()]);
  await expect(page.getByTestId('report-client')).toHaveText(name);
  expect(new URL(page.url()).searchParams.get('from')).toBe(`${lastMonth}-01`);
  await expect(page.getByTestId('report-headline').locator('.kpi-tile.missed')).not.toHaveCount(0);
  const seconds = (Date.now() - started) / 1000;
  console.log(`done-when path (automated, 6 clicks from the Agency tab to the report): ${seconds.toFixed(1)} s`);
  expect(seconds).toBeLessThan(120);
});
