import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './extension';
import { traceMainThread } from './main-thread-trace';

const tab = (panel: Page, name: RegExp) => panel.getByRole('navigation').getByRole('button', { name });
const num = (s: string | null) => Number((s ?? '').replace(/[^\d]/g, ''));

type LongTask = { start: number; duration: number; cpu?: number | null };
type Phase = { name: string; from: number; to: number };

/** Starts recording the page's long tasks (> 50 ms main-thread tasks, as Chromium reports them). */
function observeLongTasks(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  });
}

const now = (page: Page) => page.evaluate(() => performance.now());
const longTasks = (page: Page) => page.evaluate(() => (window as unknown as { __longTasks: LongTask[] }).__longTasks);

/** Every object store of the extension's database: its row count and its first 1 000 primary keys. */
function snapshot(page: Page): Promise<Record<string, { count: number; keys: string }>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, { count: number; keys: string }>>((resolve, reject) => {
        const req = indexedDB.open('carnet');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names);
          const out: Record<string, { count: number; keys: string }> = {};
          for (const n of names) {
            const entry = (out[n] = { count: -1, keys: '' });
            const c = tx.objectStore(n).count();
            c.onsuccess = () => (entry.count = c.result);
            const k = tx.objectStore(n).getAllKeys(null, 1000);
            k.onsuccess = () => (entry.keys = JSON.stringify(k.result));
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

// Tracing and expect()'s retries (an aria snapshot per failed try) run in the page and would show up as its long
// tasks: this test waits with waitFor() and runs without a trace.
test.use({ trace: 'off' });

test('100 000 contacts: the panel never blocks over 50 ms, Cancel changes nothing, the panel sees the import', async ({ panel }) => {
  test.setTimeout(600_000);
  const file = path.join(os.tmpdir(), `carnet-100k-responsive-${process.pid}.csv`);
  const lines = ['First Name,Last Name,E-mail Address,Company,Job Title'];
  for (let i = 0; i < 100_000; i++) lines.push(`Prénom${i},Nom${i},person${i}@societe${i % 500}.fr,Société ${i % 500},Acheteuse`);
  fs.writeFileSync(file, lines.join('\n'));

  await tab(panel, /^(Import|Importer)$/).click();
  await panel.getByTestId('import-dropzone').waitFor();
  await observeLongTasks(panel);
  const phases: Phase[] = [];
  const phase = async (name: string, run: () => Promise<void>) => {
    const from = await now(panel);
    await run();
    phases.push({ name, from, to: await now(panel) });
  };

  let report: string[] = [];
  let overBudget: string[] = [];
  const trace = await traceMainThread(panel);
  const cdp = process.env.IMPORT_PROFILE ? await panel.context().newCDPSession(panel) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
  }
  try {
    await phase('parse', async () => {
      await panel.getByTestId('import-file').setInputFiles(file);
      await panel.getByTestId('import-detected').waitFor({ timeout: 120_000 });
    });
    await phase('dry run', async () => {
      await panel.getByTestId('dry-run').click();
      await panel.getByTestId('count-new').waitFor({ timeout: 240_000 });
    });
    expect(num(await panel.getByTestId('count-new').textContent())).toBe(100_000);
    const before = await snapshot(panel);

    const bar = panel.getByTestId('import-progress');
    await phase('commit, cancelled', async () => {
      await panel.getByTestId('run-import').click();
      await expect.poll(async () => Number(await bar.getAttribute('value')), { timeout: 120_000, intervals: [50] }).toBeGreaterThan(0.4);
      await panel.getByTestId('import-cancel').click();
      await panel
        .getByTestId('import-error')
        .filter({ hasText: /nothing was changed|rien n’a été modifié/ })
        .waitFor({ timeout: 60_000 });
    });
    expect(await snapshot(panel)).toEqual(before);

    const seen = new Set<number>();
    await phase('commit', async () => {
      await panel.getByTestId('run-import').click();
      await expect
        .poll(
          async () => {
            const v = await bar.getAttribute('value', { timeout: 500 }).catch(() => null);
            if (v !== null) seen.add(Number(v));
            return panel.getByTestId('import-done').isVisible();
          },
          { timeout: 480_000, intervals: [100] },
        )
        .toBe(true);
    });
    expect(seen.size).toBeGreaterThanOrEqual(3);
    const after = await snapshot(panel);
    expect(after.contacts!.count).toBe(before.contacts!.count + 100_000);
    const accounts = after.accounts!.count - before.accounts!.count;
    expect(accounts).toBeGreaterThan(0);

    // The panel's live queries see the worker's commit: its rescoring (a live query over recent changes) scores
    // the new accounts.
    await phase('after', async () => {
      await expect.poll(async () => (await snapshot(panel)).scores!.count, { timeout: 120_000 }).toBeGreaterThanOrEqual(accounts);
      await panel.waitForTimeout(1000);
    });
  } finally {
    if (cdp) fs.writeFileSync(process.env.IMPORT_PROFILE!, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    const cpu = await trace.stop();
    const tasks = (await longTasks(panel)).map((t) => ({ ...t, cpu: cpu.cpuMsAt(t.start, t.duration) }));
    const inPhase = (t: LongTask) => phases.find((p) => t.start >= p.from && t.start <= p.to)?.name ?? 'between';
    const cpuOf = (t: LongTask) => (t.cpu == null ? 'cpu ?' : `cpu ${t.cpu.toFixed(0)} ms`);
    report = tasks.map((t) => `${inPhase(t)}: ${t.duration.toFixed(0)} ms (${cpuOf(t)})`);
    // Over budget: a task that really used the thread for over 50 ms (or a long task the trace cannot account for),
    // from choosing the file to the end of the commit. What the panel does afterwards (rescoring the new accounts) is
    // reported, not asserted.
    const during = (t: { start: number }) => inPhase(t as LongTask) !== 'after';
    const cpuLong = cpu.cpuLongTasks();
    overBudget = [
      ...tasks.filter((t) => during(t) && (t.cpu == null || t.cpu > 50)).map((t) => `${inPhase(t)}: ${t.duration.toFixed(0)} ms (${cpuOf(t)})`),
      ...cpuLong.filter(during).map((t) => `${inPhase(t as LongTask)}: a task of ${t.cpu.toFixed(0)} ms CPU`),
    ];
    console.log(
      `main-thread tasks over 50 ms of CPU in the trace: ${cpuLong.map((t) => `${inPhase(t as LongTask)} ${t.cpu.toFixed(0)} ms`).join(', ') || 'none'}`,
    );
    console.log(`phases: ${phases.map((p) => `${p.name} ${(p.to - p.from).toFixed(0)} ms`).join(', ')}`);
    if (cdp) console.log(`tasks: ${JSON.stringify(tasks)}; origin ${await panel.evaluate(() => performance.timeOrigin)}`);
    console.log(`long tasks (${tasks.length}): ${report.join(', ') || 'none'}`);
    console.log(`longest main-thread task during the import: ${Math.max(0, ...tasks.map((t) => t.duration)).toFixed(0)} ms`);
    fs.rmSync(file, { force: true });
  }
  // Chromium reports only tasks over 50 ms of wall time; on this shared 2-core machine a short task can last that
  // long while the thread waits for a core, so the budget is checked against each task's thread time.
  expect(overBudget).toEqual([]);
});
