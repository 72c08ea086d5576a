import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import fc from 'fast-check';
import { checkPackage, justifiedNames, pngSize, ICON_SIZES } from '../../../scripts/store-rules.mjs';
import { dataInventory } from '../../../lib/gdpr/inventory';
import { CONTENT_MATCHES } from '../../../lib/sites/matches';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const JUSTIFIED = justifiedNames(fs.readFileSync(path.join(ROOT, 'docs/permissions.md'), 'utf8'));

/** A minimal valid PNG of the given size (one transparent row per line). */
function png(w: number, h: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    return Buffer.concat([len, Buffer.from(type), data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.alloc(h * (w * 4 + 1)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const messages = (name = 'Carnet', description = 'Your customers, beside your inbox.') =>
  Buffer.from(JSON.stringify({ extName: { message: name }, extDescription: { message: description }, actionTitle: { message: 'Open Carnet' } }));

function files(extra: Record<string, Buffer | string> = {}) {
  const f = new Map<string, Buffer>([
    ['background.js', Buffer.from('self.addEventListener("install",()=>{})')],
    ['sidepanel.html', Buffer.from('<!doctype html><script type="module" src="/chunks/a.js"></script>')],
    ['chunks/a.js', Buffer.from('document.body.textContent = "x"; if (a.innerHTML == b) {}')],
    ['content-scripts/gmail.js', Buffer.from('(()=>{})()')],
    ['_locales/en/messages.json', messages()],
    ['_locales/fr/messages.json', messages('Carnet', 'Vos clients, à côté de votre messagerie.')],
  ]);
  for (const s of ICON_SIZES) f.set(`icon/${s}.png`, png(s, s));
  for (const [k, v] of Object.entries(extra)) f.set(k, Buffer.from(v));
  return f;
}

const icons = () => Object.fromEntries(ICON_SIZES.map((s) => [s, `icon/${s}.png`]));
const chrome = () => ({
  manifest_version: 3,
  name: '__MSG_extName__',
  description: '__MSG_extDescription__',
  version: '0.1.0',
  default_locale: 'en',
  icons: icons(),
  permissions: ['storage', 'alarms', 'notifications', 'sidePanel'],
  host_permissions: [...CONTENT_MATCHES],
  optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
  action: { default_title: '__MSG_actionTitle__' },
  background: { service_worker: 'background.js' },
  side_panel: { default_path: 'sidepanel.html' },
  content_scripts: [{ matches: ['https://mail.google.com/*'], js: ['content-scripts/gmail.js'] }],
});
const firefox = () => ({
  manifest_version: 2,
  name: '__MSG_extName__',
  description: '__MSG_extDescription__',
  version: '0.1.0',
  default_locale: 'en',
  icons: icons(),
  permissions: ['storage', 'alarms', 'notifications', ...CONTENT_MATCHES],
  optional_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
  browser_action: { default_title: '__MSG_actionTitle__' },
  background: { scripts: ['background.js'] },
  sidebar_action: { default_panel: 'sidepanel.html' },
  browser_specific_settings: { gecko: { id: 'carnet@carnet.invalid', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } } },
});

describe('store rules', () => {
  it('a package like Carnet’s passes, in both browsers', () => {
    expect(checkPackage({ browser: 'chrome', manifest: chrome(), files: files(), justified: JUSTIFIED })).toEqual([]);
    expect(checkPackage({ browser: 'firefox', manifest: firefox(), files: files(), justified: JUSTIFIED })).toEqual([]);
  });

  it('flags what Carnet’s manifests carried before: an unjustified "tabs", no 96 px icon, a Firefox minimum below 140', () => {
    const m = chrome();
    m.permissions.push('tabs');
    delete (m.icons as Record<string, string>)['96'];
    expect(checkPackage({ browser: 'chrome', manifest: m, files: files(), justified: JUSTIFIED })).toEqual([
      'no 96×96 icon in "icons"',
      'permission "tabs" is not justified in docs/permissions.md',
    ]);
    const f = firefox();
    f.browser_specific_settings.gecko.strict_min_version = '115.0';
    expect(checkPackage({ browser: 'firefox', manifest: f, files: files(), justified: JUSTIFIED })).toEqual([
      'gecko.strict_min_version 115.0 is older than 140, the first Firefox that knows data_collection_permissions',
    ]);
  });

  it('flags remote and evaluated code, markup sinks and inline scripts', () => {
    const bad = files({
      'chunks/b.js': 'const f = new Function("return 1"); el.innerHTML = text;',
      'chunks/c.js': 'import("https://cdn.example.com/x.js")',
      'page.html': '<script src="https://cdn.example.com/lib.js"></script><script>alert(1)</script>',
    });
    const p = checkPackage({
      browser: 'chrome',
      manifest: { ...chrome(), content_security_policy: { extension_pages: "script-src 'self' 'unsafe-eval'" } },
      files: bad,
      justified: JUSTIFIED,
    });
    expect(p).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/content_security_policy allows/),
        'chunks/b.js contains new Function()',
        'chunks/b.js contains an innerHTML assignment',
        'chunks/c.js contains import() of a remote module',
        'page.html contains a remote <script>',
        'page.html contains an inline <script> (blocked by the extension CSP)',
      ]),
    );
  });

  it('flags blanket host access at install, a missing gecko id, wrong icon sizes, and names too long in any locale', () => {
    const m = chrome();
    m.host_permissions.push('<all_urls>');
    const f = files({ '_locales/fr/messages.json': messages('C'.repeat(76)), 'icon/48.png': png(64, 64) });
    expect(checkPackage({ browser: 'chrome', manifest: m, files: f, justified: new Set([...JUSTIFIED, '<all_urls>']) })).toEqual([
      "name (fr) is 76 characters, over the store's 75",
      'icon icon/48.png is 64×64, not 48×48',
      '"<all_urls>" at install: ask for broad host access only when needed (optional)',
    ]);
    const ff = firefox();
    delete (ff.browser_specific_settings.gecko as { id?: string }).id;
    expect(checkPackage({ browser: 'firefox', manifest: ff, files: files(), justified: JUSTIFIED })).toEqual([
      'no browser_specific_settings.gecko.id (AMO needs a stable add-on id)',
    ]);
  });

  it('never throws on odd manifests and files (fuzz)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.dictionary(fc.string({ maxLength: 12 }), fc.uint8Array({ maxLength: 40 })), (manifest, raw) => {
        const f = new Map(Object.entries(raw).map(([k, v]) => [k, Buffer.from(v)]));
        for (const browser of ['chrome', 'firefox'] as const)
          expect(Array.isArray(checkPackage({ browser, manifest: manifest ?? {}, files: f, justified: JUSTIFIED }))).toBe(true);
      }),
    );
  });

  it('reads PNG sizes and refuses what is not a PNG', () => {
    expect(pngSize(png(96, 96))).toEqual({ width: 96, height: 96 });
    expect(pngSize(Buffer.from('GIF89a................'))).toBeNull();
    expect(pngSize(undefined)).toBeNull();
    for (const s of ICON_SIZES) expect(pngSize(fs.readFileSync(path.join(ROOT, `public/icon/${s}.png`)))).toEqual({ width: s, height: s });
  });
});

describe('store documents', () => {
  it('docs/permissions.md justifies every permission and host the manifests can carry', () => {
    for (const p of ['storage', 'alarms', 'notifications', 'sidePanel', ...CONTENT_MATCHES, 'https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'])
      expect(JUSTIFIED, p).toContain(p);
    expect(JUSTIFIED).not.toContain('tabs');
  });

  it('the privacy policy lists every table the Privacy page lists, with the same storage', async () => {
    const policy = fs.readFileSync(path.join(ROOT, 'docs/privacy-policy.md'), 'utf8');
    const rows = new Map([...policy.matchAll(/^\| `(\w+)` \| [^|]+ \| ([^|]+) \|/gm)].map((m) => [m[1]!, m[2]!.trim()]));
    const inv = await dataInventory();
    expect([...rows.keys()].sort()).toEqual(inv.rows.map((r) => r.table).sort());
    for (const r of inv.rows) {
      // Local-only tables say so; the others follow sync (the Privacy page shows "and your team server" when on).
      const localOnly = r.storage === 'this_browser' && rows.get(r.table) === 'this browser only';
      const synced = rows.get(r.table)!.startsWith('this browser (and your team server');
      expect(localOnly || synced, r.table).toBe(true);
    }
  });
});
