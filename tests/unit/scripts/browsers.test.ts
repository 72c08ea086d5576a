import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { ensureBrowser, type BrowserSystem } from '../../../scripts/browsers.mjs';

/** A machine with the given files, root or not, apt-get or not; apt-get install "creates" the package's binary. */
function machine(opts: { files?: string[]; root?: boolean; apt?: boolean; installs?: Record<string, string>; env?: Record<string, string> }) {
  const files = new Set(opts.files ?? []);
  const runs: string[] = [];
  const errors: string[] = [];
  const sys: BrowserSystem = {
    exists: (p) => files.has(p),
    env: opts.env ?? {},
    isRoot: () => opts.root ?? false,
    hasApt: () => opts.apt ?? false,
    run: (cmd, args) => {
      runs.push([cmd, ...args].join(' '));
      const pkg = args[args.length - 1]!;
      if (args[0] === 'install' && opts.installs?.[pkg]) files.add(opts.installs[pkg]!);
      return 0;
    },
    log: () => {},
    error: (m) => errors.push(m),
  };
  return { sys, runs, errors };
}

describe('ensureBrowser (shared by npm start, npm test and npm run bench)', () => {
  it('returns an installed browser without touching apt-get', () => {
    const m = machine({ files: ['/usr/bin/chromium'], root: true, apt: true });
    expect(ensureBrowser('chromium', { sys: m.sys })).toBe('/usr/bin/chromium');
    expect(m.runs).toEqual([]);
  });

  it('prefers CHROMIUM_PATH / FIREFOX_PATH when they exist', () => {
    const m = machine({
      files: ['/opt/c/chrome', '/usr/bin/chromium', '/opt/ff/firefox'],
      env: { CHROMIUM_PATH: '/opt/c/chrome', FIREFOX_PATH: '/opt/ff/firefox' },
    });
    expect(ensureBrowser('chromium', { sys: m.sys })).toBe('/opt/c/chrome');
    expect(ensureBrowser('firefox', { sys: m.sys })).toBe('/opt/ff/firefox');
  });

  it('installs Debian’s package when the browser is missing and it runs as root with apt-get', () => {
    const m = machine({ root: true, apt: true, installs: { chromium: '/usr/bin/chromium', 'firefox-esr': '/usr/bin/firefox-esr' } });
    expect(ensureBrowser('chromium', { sys: m.sys })).toBe('/usr/bin/chromium');
    expect(ensureBrowser('firefox', { sys: m.sys })).toBe('/usr/bin/firefox-esr');
    expect(m.runs.filter((r) => r.includes('install'))).toEqual(['apt-get install -y -qq chromium', 'apt-get install -y -qq firefox-esr']);
  });

  it('says what to do, and returns null, when it cannot install', () => {
    const m = machine({ root: false, apt: true });
    expect(ensureBrowser('firefox', { sys: m.sys })).toBeNull();
    expect(m.runs).toEqual([]);
    expect(m.errors.join('\n')).toMatch(/apt-get install firefox-esr/);
  });

  it('npm start, npm test and the bench all set the browser up through it', () => {
    for (const script of ['start.mjs', 'test.mjs', 'bench.mjs']) {
      const src = fs.readFileSync(path.resolve(import.meta.dirname, '../../../scripts', script), 'utf8');
      expect(src, script).toMatch(/import \{[^}]*ensureChromium[^}]*\} from '\.\/browsers\.mjs'/);
      expect(src, script).toMatch(/ensureChromium\(\)/);
      expect(src, script).not.toMatch(/findChromium/);
    }
  });
});
