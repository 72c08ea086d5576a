// The background service worker's start-up, measured in real Chromium with the built extension (npm run bench,
// suite "background"). MV3 stops an idle worker after 30 s and starts it for the next message or alarm, so each
// wake is paid often. Each sample stops every service worker (DevTools protocol), then sends one message from an
// extension page and reads the marks the worker keeps (lib/background/startup.ts). Beside it, the same wake of a
// service worker that does nothing but answer (the physical limit, same browser, same loop).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';

const EMPTY_SW = `self.__carnetEvalStart = performance.now();
chrome.runtime.onMessage.addListener((m, s, reply) => { reply({ ok: true }); self.__carnetStartup = { ready: self.__ready, firstReply: self.__first ??= performance.now() }; });
self.__ready = performance.now();`;

function emptyExtension() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-bench-empty-sw-'));
  fs.writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'empty', version: '1.0', background: { service_worker: 'sw.js' } }),
  );
  fs.writeFileSync(path.join(dir, 'sw.js'), EMPTY_SW);
  fs.writeFileSync(path.join(dir, 'page.html'), '<!doctype html><title>empty</title>');
  return dir;
}

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const median = (xs) => percentile(xs, 50);

export async function benchBackground({ root, chromiumPath, samples = 30 }) {
  const carnetDir = path.join(root, '.output/chrome-mv3');
  const emptyDir = emptyExtension();
  const before = os.loadavg();
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${carnetDir},${emptyDir}`, `--load-extension=${carnetDir},${emptyDir}`, '--no-sandbox', '--disable-gpu'],
  });
  try {
    const deadline = Date.now() + 15_000;
    while (context.serviceWorkers().length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const workers = context.serviceWorkers();
    const idOf = (w) => new URL(w.url()).host;
    const carnetSw = workers.find((w) => w.url().endsWith('/background.js'));
    const emptySw = workers.find((w) => w.url().endsWith('/sw.js'));
    if (!carnetSw || !emptySw) throw new Error('the service workers did not start');
    // Carnet's page (the side panel) and the empty extension's page send the waking messages.
    const carnetPage = await context.newPage();
    await carnetPage.goto(`chrome-extension://${idOf(carnetSw)}/sidepanel.html`);
    const emptyPage = await context.newPage();
    await emptyPage.goto(`chrome-extension://${idOf(emptySw)}/page.html`);
    await carnetPage.waitForTimeout(2000);
    const cdp = await context.newCDPSession(carnetPage);
    await cdp.send('ServiceWorker.enable');

    const wake = async (page, worker, message) => {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await page.waitForTimeout(250);
      const roundTrip = await page.evaluate(async (m) => {
        const t = performance.now();
        await chrome.runtime.sendMessage(m);
        return performance.now() - t;
      }, message);
      const marks = await worker.evaluate(() => ({ evalStart: globalThis.__carnetEvalStart, ...globalThis.__carnetStartup }));
      return { roundTrip, ...marks };
    };
    const carnet = [];
    const empty = [];
    // Two warm-up wakes each (the browser's code cache for the worker script is made on the first runs).
    for (let i = 0; i < samples + 2; i++) {
      const c = await wake(carnetPage, carnetSw, { carnet: 1, name: 'rematchTab', payload: { tabId: 1 } });
      const e = await wake(emptyPage, emptySw, { ping: true });
      if (i >= 2) {
        carnet.push(c);
        empty.push(e);
      }
    }
    const load = { before, after: os.loadavg() };
    const evalToReply = carnet.map((s) => s.firstReply - s.evalStart);
    const emptyEvalToReply = empty.map((s) => s.firstReply - s.evalStart);
    const startToEval = carnet.map((s) => s.evalStart);
    const emptyStartToEval = empty.map((s) => s.evalStart);
    const evaluation = carnet.map((s) => s.ready - s.evalStart);
    const round = carnet.map((s) => s.roundTrip);
    const emptyRound = empty.map((s) => s.roundTrip);
    const command = 'npm run bench -- --suite=background';
    const row = (metric, xs, raw, budget, pass) => ({
      suite: 'background',
      metric: `${metric} (median; p95 ${percentile(xs, 95).toFixed(1)} ms; ${xs.length} wakes)`,
      unit: 'ms',
      carnet: median(xs),
      raw: raw ? median(raw) : null,
      budget,
      pass,
      load,
      command,
    });
    return [
      row('service worker start-up: script evaluation to first message answered', evalToReply, emptyEvalToReply, '≤ 50 ms', percentile(evalToReply, 95) <= 50),
      row('  of which evaluating the background (every module, listeners added)', evaluation, null, 'reported', true),
      row('worker start to script evaluation (the browser loads and compiles the script)', startToEval, emptyStartToEval, 'reported', true),
      row('message round trip waking a stopped worker, seen by the page', round, emptyRound, 'reported', true),
    ];
  } finally {
    await context.close();
    fs.rmSync(emptyDir, { recursive: true, force: true });
  }
}
