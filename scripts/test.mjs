#!/usr/bin/env node
// npm test: typecheck, lint, unit tests (vitest), both builds, the store checks, end-to-end tests in real Chromium and
// in Firefox ESR (Playwright runs both projects; Firefox is driven over WebDriver BiDi, see tests/e2e-firefox/),
// then one plain line "tests: N passed, N failed" summed from the reports.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { ensureChromium, ensureFirefox } from './browsers.mjs';

const OUT = '.ci-out';
fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(OUT, { recursive: true });

function run(label, cmd, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

let ok = true;
ok = run('typecheck', 'npx', ['tsc', '--noEmit']) && ok;
ok = run('typecheck (server, Node only: no DOM types)', 'npx', ['tsc', '--noEmit', '-p', 'server']) && ok;
ok =
  run('lint and format (Biome check, warnings are errors; rules and why some are off: biome.jsonc)', 'npx', ['biome', 'check', '--error-on-warnings', '.']) &&
  ok;
const unitOk = run('unit tests (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${OUT}/vitest.json`]);
ok = unitOk && ok;
// The same server tests against a real PostgreSQL when one is given (CI starts one; see .ci/run).
const pgUrl = process.env.TEST_DATABASE_URL;
if (pgUrl) {
  ok =
    run(
      'server tests against PostgreSQL',
      'npx',
      ['vitest', 'run', 'server', 'tests/unit/sync', '--reporter=default', '--reporter=json', `--outputFile.json=${OUT}/vitest-pg.json`],
      { DATABASE_URL: pgUrl },
    ) && ok;
} else {
  console.log('\n(server tests ran on embedded PGlite only: set TEST_DATABASE_URL=postgres://… to run them against PostgreSQL too)');
}
const built = run('build (Chrome MV3)', 'npx', ['wxt', 'build']) && run('build (Firefox)', 'npx', ['wxt', 'build', '-b', 'firefox']);
ok = built && ok;
// Store readiness: both packages against the stores' rules, and Mozilla's linter on the Firefox one.
ok = built && run('store rules (both packages, docs/)', 'node', ['scripts/check-packages.mjs']) && ok;
ok =
  built &&
  run('web-ext lint (Firefox package)', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--warnings-as-errors', '--no-config-discovery'], {
    NO_UPDATE_NOTIFIER: '1',
  }) &&
  ok;
const chromium = ensureChromium();
// Firefox ESR like Chromium: Debian's package, installed when we can. Without it the Firefox suite is skipped,
// loudly (the Chromium one is required).
const firefox = ensureFirefox({ quiet: true });
if (!firefox)
  console.log(
    '\n(Firefox ESR not found and not installable here: the Firefox end-to-end tests do not run. Debian: sudo apt-get install firefox-esr, or set FIREFOX_PATH)',
  );
if (built && chromium) {
  const projects = ['--project=chromium', ...(firefox ? ['--project=firefox'] : [])];
  ok =
    run(
      `end-to-end tests (Playwright: real Chromium${firefox ? ' and Firefox ESR' : ''})`,
      'npx',
      ['playwright', 'test', ...projects, '--reporter=list,json'],
      {
        PLAYWRIGHT_JSON_OUTPUT_NAME: `${OUT}/playwright.json`,
        CHROMIUM_PATH: chromium,
        ...(firefox ? { FIREFOX_PATH: firefox } : {}),
      },
    ) && ok;
} else {
  ok = false;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}
let passed = 0;
let failed = 0;
for (const [file, required] of [
  [`${OUT}/vitest.json`, true],
  [`${OUT}/vitest-pg.json`, !!pgUrl],
]) {
  const vitest = readJson(file);
  if (vitest) {
    passed += vitest.numPassedTests ?? 0;
    // A file that fails to load has no failed test of its own: count it once.
    failed += Math.max(vitest.numFailedTests ?? 0, vitest.success === false ? 1 : 0);
  } else if (required) failed += 1;
}
const pw = readJson(`${OUT}/playwright.json`);
if (pw?.stats) {
  passed += (pw.stats.expected ?? 0) + (pw.stats.flaky ?? 0);
  failed += pw.stats.unexpected ?? 0;
} else failed += 1;
if (!ok && failed === 0) failed = 1;
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
