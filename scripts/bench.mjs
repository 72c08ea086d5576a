#!/usr/bin/env node
// npm run bench: builds the extension and the benchmark page, runs every suite in real Chromium, compares
// Carnet's paths with the raw engines measured in the same run, prints a table and writes bench/results.json.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'vite';
import { chromium } from '@playwright/test';
import { ensureChromium } from './browsers.mjs';
import { benchBackground } from './bench-background.mjs';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, '.bench-build');
const only = process.argv.find((a) => a.startsWith('--suite='))?.slice(8);
// --scale=0.1 runs the data-heavy suites on a tenth of the budget's data (quick checks); figures are for 1.
const scale = process.argv.find((a) => a.startsWith('--scale='))?.slice(8);
// --profile records a CPU profile of each suite's measured phase (bench/profile-<name>.cpuprofile; open it in DevTools).
const profile = process.argv.includes('--profile');
// --repeats=N: how many interleaved raw/Carnet pairs the bulk suites run (each suite has its own default).
const repeats = process.argv.find((a) => a.startsWith('--repeats='))?.slice(10);
/** The command that gives back a suite's figures (printed beside each of them). */
const commandOf = (suite) => `npm run bench -- --suite=${suite}${scale ? ` --scale=${scale}` : ''}${repeats ? ` --repeats=${repeats}` : ''}`;

const chromiumPath = ensureChromium();
if (!chromiumPath) process.exit(1);
if (spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);

await build({
  root: path.join(root, 'bench/page'),
  logLevel: 'warn',
  resolve: { alias: { '@': root } },
  build: { outDir, emptyOutDir: true, target: 'es2022', minify: !profile },
});

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const file = path.join(outDir, url.pathname === '/' ? 'index.html' : url.pathname);
  if (!file.startsWith(outDir) || !fs.existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.html') ? 'text/html' : 'application/octet-stream';
  res.writeHead(200, { 'content-type': type }).end(fs.readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;

// The sync server for the sync suite: embedded PGlite in a temp folder, a team, a user and a token made with the
// admin CLI first (PGlite is single-process), then the server on a free loopback port.
async function startSyncServer() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-bench-sync-'));
  const { DATABASE_URL: _pg, ...base } = process.env;
  const env = { ...base, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', RATE_LIMIT_BURST: '1000000', RATE_LIMIT_PER_SEC: '1000000' };
  const admin = (...args) => {
    const r = spawnSync('npx', ['tsx', 'server/main.ts', 'admin', ...args], { cwd: root, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`sync server admin ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout.trim().split('\n');
  };
  admin('create-team', 'bench');
  admin('create-user', 'bench', 'bench@example.com');
  const token = admin('create-token', 'bench@example.com').at(-1);
  const child = spawn('npx', ['tsx', 'server/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`sync server exited (${code}) before listening: ${out}`)));
  });
  if (process.env.BENCH_SERVER_LOG) child.stdout.pipe(fs.createWriteStream(process.env.BENCH_SERVER_LOG));
  else child.stdout.resume();
  const stop = async () => {
    const exited = new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    process.kill(-child.pid, 'SIGTERM'); // its own process group: npx, tsx and the server
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, token, stop };
}
const sync = !only || only === 'sync' ? await startSyncServer() : null;

const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  // The bench page (localhost) calls the sync server (127.0.0.1) cross-origin, as the extension does with its host
  // permission; the server sends no CORS headers, so the page's same-origin check is off when the suite runs.
  // gc() and precise performance.memory let suites measure the heap a view keeps.
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--js-flags=--expose-gc',
    '--enable-precise-memory-info',
    ...(sync ? ['--disable-web-security'] : []),
  ],
});
const page = await browser.newPage();
page.on('console', (m) => m.text().startsWith('[bench]') && console.log(m.text()));
// The machine's load average (1, 5, 15 min), read by the page before and after each suite: figures from a busy
// machine are printed as such.
await page.exposeFunction('__benchLoad', () => os.loadavg());
const query = new URLSearchParams({ ...(only && { suite: only }), ...(scale && { scale }), ...(repeats && { repeats }) });
if (sync) {
  query.set('syncUrl', sync.url);
  query.set('token', sync.token);
}
if (profile) {
  // Suites wrap their measured phase in profiled(name, fn) (bench/harness.ts): only that phase is recorded, on the
  // page and in every dedicated worker alive during it (the import worker, the sync worker), each to its own file.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const workers = new Map(); // CDP session id → { url, running }
  let active = null;
  let nextId = 0;
  const replies = new Map();
  const toWorker = (sessionId, method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      replies.set(id, { resolve, reject });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const m = JSON.parse(message);
    const r = m.id && replies.get(m.id);
    if (!r) return;
    replies.delete(m.id);
    if (m.error) r.reject(new Error(m.error.message));
    else r.resolve(m.result);
  });
  const startWorker = async (sessionId) => {
    await toWorker(sessionId, 'Profiler.enable');
    await toWorker(sessionId, 'Profiler.setSamplingInterval', { interval: 100 });
    await toWorker(sessionId, 'Profiler.start');
    workers.get(sessionId).running = true;
  };
  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
    if (targetInfo.type !== 'worker') return;
    workers.set(sessionId, { url: targetInfo.url, running: false });
    if (active) startWorker(sessionId).catch(() => {});
  });
  cdp.on('Target.detachedFromTarget', ({ sessionId }) => {
    if (workers.get(sessionId)?.running) console.log(`profile: a worker ended before its profile was read (${workers.get(sessionId).url})`);
    workers.delete(sessionId);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const write = (name, cpu) => {
    const file = path.join(root, `bench/profile-${name}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(cpu));
    console.log(`written: ${path.relative(root, file)}`);
  };
  await page.exposeFunction('__benchProfile', async (what, name) => {
    if (what === 'start') {
      active = name;
      await cdp.send('Profiler.start');
      await Promise.all([...workers.keys()].map((id) => startWorker(id).catch(() => {})));
      return;
    }
    active = null;
    write(name, (await cdp.send('Profiler.stop')).profile);
    let n = 0;
    for (const [id, w] of workers) {
      if (!w.running) continue;
      w.running = false;
      const res = await toWorker(id, 'Profiler.stop').catch(() => null);
      if (res) write(`${name}-worker${n++ ? n : ''}-${path.basename(new URL(w.url).pathname).replace(/[^\w.-]/g, '_')}`, res.profile);
    }
  });
}
// "background" is measured on the built extension (scripts/bench-background.mjs), not on the bench page.
const rows =
  only === 'background'
    ? []
    : await page
        .goto(`http://localhost:${port}/${query.size ? `?${query}` : ''}`)
        .then(() => page.waitForFunction(() => window.__benchDone, null, { timeout: 30 * 60_000, polling: 500 }).then((h) => h.jsonValue()));
await browser.close();
if (!only || only === 'background') rows.push(...(await benchBackground({ root, chromiumPath })));
server.close();
await sync?.stop();

// Bundle sizes of the built extension (gzip), against their budgets.
const ext = path.join(root, '.output/chrome-mv3');
const gz = (files) => files.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(f)).length, 0);
const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]));
const allJs = walk(ext).filter((f) => f.endsWith('.js'));
const panelHtml = fs.readFileSync(path.join(ext, 'sidepanel.html'), 'utf8');
// What the panel loads at start-up (the scripts its page names); lazily loaded chunks (demo, charts) come after.
const panelStart = allJs.filter((f) => panelHtml.includes(path.basename(f)));
const lazy = allJs.filter((f) => /chunks\//.test(f) && !panelStart.includes(f));
rows.push({
  suite: 'bundle',
  metric: 'side panel JS at start-up (gzip)',
  unit: 'KB',
  carnet: gz(panelStart) / 1024,
  raw: null,
  budget: '≤ 120 KB',
  pass: gz(panelStart) / 1024 <= 120,
});
rows.push({
  suite: 'bundle',
  metric: `side panel lazy chunks (gzip, ${lazy.length} files)`,
  unit: 'KB',
  carnet: gz(lazy) / 1024,
  raw: null,
  budget: 'loaded on demand',
  pass: true,
});
for (const f of allJs.filter((f) => f.includes('content-scripts'))) {
  const kb = gz([f]) / 1024;
  rows.push({ suite: 'bundle', metric: `${path.basename(f)} (gzip)`, unit: 'KB', carnet: kb, raw: null, budget: '≤ 15 KB', pass: kb <= 15 });
}

const fmt = (n) => (n == null ? '—' : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const loadText = (l) => (l ? `${l.before.map((x) => x.toFixed(2)).join(' ')} → ${l.after.map((x) => x.toFixed(2)).join(' ')}` : '—');
/** Ratio to raw: the median of the interleaved pairs with their min–max, or the one measured ratio. */
const ratioText = (r) => {
  if (r.ratios) return `${r.ratios.median.toFixed(2)}× (${r.ratios.min.toFixed(2)}–${r.ratios.max.toFixed(2)}, ${r.ratios.n} pairs)`;
  if (!r.raw) return '—';
  return `${(r.carnet / r.raw).toFixed(2)}×`;
};
console.log(`\nload average (1 / 5 / 15 min) before → after each suite; ${os.cpus().length} cores`);
for (const suite of [...new Set(rows.map((r) => r.suite))]) {
  const l = rows.find((r) => r.suite === suite && r.load)?.load;
  if (l) console.log(`  ${suite}: ${loadText(l)}`);
}
console.log('\n| suite | metric | Carnet | raw | ratio (median, min–max) | budget | ok | command |\n|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  r.command ??= r.suite === 'bundle' ? 'npm run bench (any suite)' : commandOf(r.suite);
  console.log(
    `| ${r.suite} | ${r.metric} | ${fmt(r.carnet)} ${r.unit} | ${r.raw == null ? '—' : `${fmt(r.raw)} ${r.unit}`} | ${ratioText(r)} | ${r.budget} | ${r.pass ? 'yes' : 'NO'} | \`${r.command}\` |`,
  );
}
const result = { at: new Date().toISOString(), node: process.version, chromium: chromiumPath, cores: os.cpus().length, argv: process.argv.slice(2), rows };
fs.writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log('\nwritten: bench/results.json');
