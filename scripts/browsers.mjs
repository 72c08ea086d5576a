// Where the browsers the tests and `npm start` drive are, and how they get there. Test tools never download
// browsers here: Debian's packages are installed with apt-get when we can (root and apt-get present).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const BROWSERS = {
  chromium: {
    name: 'Chromium',
    env: 'CHROMIUM_PATH',
    candidates: ['/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
    aptPackage: 'chromium',
    hint: 'Debian/Ubuntu: sudo apt-get install chromium; or set CHROMIUM_PATH to a Chromium or Chrome for Testing binary (branded Chrome ignores --load-extension).',
  },
  firefox: {
    name: 'Firefox',
    env: 'FIREFOX_PATH',
    candidates: ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox'],
    aptPackage: 'firefox-esr',
    hint: 'Debian: sudo apt-get install firefox-esr; or set FIREFOX_PATH to a Firefox 140+ binary.',
  },
};

const system = {
  exists: (p) => fs.existsSync(p),
  env: process.env,
  isRoot: () => process.getuid?.() === 0,
  hasApt: () => spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0,
  run: (cmd, args, env) => spawnSync(cmd, args, { stdio: 'inherit', env }).status,
  log: (m) => console.log(m),
  error: (m) => console.error(m),
};

function find(kind, sys = system) {
  const b = BROWSERS[kind];
  const fromEnv = sys.env[b.env];
  if (fromEnv && sys.exists(fromEnv)) return fromEnv;
  return b.candidates.find((p) => sys.exists(p)) ?? null;
}

/** Debian's Chromium (or CHROMIUM_PATH), or null. */
export const findChromium = () => find('chromium');
/** Debian's Firefox ESR (or FIREFOX_PATH), or null. */
export const findFirefox = () => find('firefox');

export function canInstallWithApt(sys = system) {
  return sys.isRoot() && sys.hasApt();
}

/**
 * The browser's path; when it is missing and we can, installs Debian's package first. Prints what to do when
 * neither works, and returns null.
 */
export function ensureBrowser(kind, { quiet = false, sys = system } = {}) {
  const b = BROWSERS[kind];
  let found = find(kind, sys);
  if (found) return found;
  if (canInstallWithApt(sys)) {
    sys.log(`${b.name} is missing: installing Debian’s ${b.aptPackage} package (apt-get)…`);
    const env = { ...sys.env, DEBIAN_FRONTEND: 'noninteractive' };
    sys.run('apt-get', ['update', '-qq'], env);
    sys.run('apt-get', ['install', '-y', '-qq', b.aptPackage], env);
    found = find(kind, sys);
  }
  if (!found && !quiet) sys.error(`${b.name} not found and it could not be installed.\n  ${b.hint}`);
  return found;
}

export const ensureChromium = (opts) => ensureBrowser('chromium', opts);
export const ensureFirefox = (opts) => ensureBrowser('firefox', opts);
