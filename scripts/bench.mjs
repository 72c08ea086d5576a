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

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, '.bench-build');
const only = process.argv.find((a) => a.startsWith('--suite='))?.slice(8);
// --scale=0.1 runs the data-heavy suites on a tenth of the budget's data (quick checks); figures are for 1.
const scale = process.argv.find((a) => a.startsWith('--scale='))?.slice(8);
// --profile records a CPU profile of each suite's measured phase (bench/profile-<name>.cpuprofile; open it in DevTools).
const profile = process.argv.includes('--profile');

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
  child.stdout.resume();
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
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--js-flags=--expose-gc', '--enable-precise-memory-info', ...(sync ? ['--disable-web-security'] : [])],
});
const page = await browser.newPage();
page.on('console', (m) => m.text().startsWith('[bench]') && console.log(m.text()));
const query = new URLSearchParams({ ...(only && { suite: only }), ...(scale && { scale }) });
if (sync) {
  query.set('syncUrl', sync.url);
  query.set('token', sync.token);
}
if (profile) {
  // Suites wrap their measured phase in profiled(name, fn) (bench/harness.ts): only that phase is recorded.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await page.exposeFunction('__benchProfile', async (what, name) => {
    if (what === 'start') return void (await cdp.send('Profiler.start'));
    const { profile: cpu } = await cdp.send('Profiler.stop');
    const file = path.join(root, `bench/profile-${name}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(cpu));
    console.log(`written: ${path.relative(root, file)}`);
  });
}
await page.goto(`http://localhost:${port}/${query.size ? `?${query}` : ''}`);
const rows = await page.waitForFunction(() => window.__benchDone, null, { timeout: 30 * 60_000, polling: 500 }).then((h) => h.jsonValue());
await browser.close();
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
rows.push({ suite: 'bundle', metric: 'side panel JS at start-up (gzip)', unit: 'KB', carnet: gz(panelStart) / 1024, raw: null, budget: '≤ 120 KB', pass: gz(panelStart) / 1024 <= 120 });
rows.push({ suite: 'bundle', metric: `side panel lazy chunks (gzip, ${lazy.length} files)`, unit: 'KB', carnet: gz(lazy) / 1024, raw: null, budget: 'loaded on demand', pass: true });
for (const f of allJs.filter((f) => f.includes('content-scripts'))) {
  const kb = gz([f]) / 1024;
  rows.push({ suite: 'bundle', metric: `${path.basename(f)} (gzip)`, unit: 'KB', carnet: kb, raw: null, budget: '≤ 15 KB', pass: kb <= 15 });
}

const fmt = (n) => (n == null ? '—' : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
console.log('\n| suite | metric | Carnet | raw | ratio | budget | ok |\n|---|---|---|---|---|---|---|');
for (const r of rows) {
  const ratio = r.raw ? (r.unit === 'rec/s' ? r.carnet / r.raw : r.carnet / r.raw) : null;
  console.log(`| ${r.suite} | ${r.metric} | ${fmt(r.carnet)} ${r.unit} | ${r.raw == null ? '—' : `${fmt(r.raw)} ${r.unit}`} | ${ratio == null ? '—' : `${ratio.toFixed(2)}×`} | ${r.budget} | ${r.pass ? 'yes' : 'NO'} |`);
}
const result = { at: new Date().toISOString(), node: process.version, chromium: chromiumPath, rows };
fs.writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log('\nwritten: bench/results.json');
