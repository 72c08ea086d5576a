// What the Chrome Web Store and addons.mozilla.org require of a package, as pure checks over a built extension
// (its manifest and files). scripts/check-packages.mjs runs them on .output/ in npm test; web-ext lint adds
// Mozilla's own linter on the Firefox package.

/** Every size either store asks for: Chrome 16, 32, 48, 128; Firefox 48 and 96 (high-density toolbars). */
export const ICON_SIZES = [16, 32, 48, 96, 128];
/** Chrome Web Store limits (characters). */
export const NAME_MAX = 75;
export const DESCRIPTION_MAX = 132;
/** The first Firefox that understands data_collection_permissions. */
export const FIREFOX_MIN = 140;

/** Width and height of a PNG file, or null when it is not a PNG. */
export function pngSize(buf) {
  if (!buf || buf.length < 24) return null;
  const sig = [137, 80, 78, 71, 13, 10, 26, 10];
  if (!sig.every((b, i) => buf[i] === b) || buf.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** The names a justification page covers: every `code` span in the first column of its tables. */
export function justifiedNames(markdown) {
  const names = new Set();
  for (const line of markdown.split('\n')) {
    const cell = /^\|\s*([^|]+)\|/.exec(line)?.[1];
    if (!cell) continue;
    for (const m of cell.matchAll(/`([^`]+)`/g)) names.add(m[1]);
  }
  return names;
}

const MSG = /^__MSG_(\w+)__$/;

/** The manifest string in each locale (`__MSG_key__` resolved), or the string itself. */
function localized(value, locales) {
  const key = typeof value === 'string' ? MSG.exec(value)?.[1] : null;
  if (!key) return [{ locale: null, text: value }];
  return Object.entries(locales).map(([locale, messages]) => ({ locale, text: messages[key]?.message }));
}

/** Code that would run something not in the package, or turn text into markup. */
const CODE_RULES = [
  [/\beval\s*\(/, 'eval()'],
  [/\bnew\s+Function\s*\(/, 'new Function()'],
  [/\bimportScripts\s*\(\s*['"`]https?:/, 'importScripts() of a remote script'],
  [/\bimport\s*\(\s*['"`]https?:/, 'import() of a remote module'],
  [/\.innerHTML\s*=(?!=)/, 'an innerHTML assignment'],
  [/\.outerHTML\s*=(?!=)/, 'an outerHTML assignment'],
  [/\binsertAdjacentHTML\s*\(/, 'insertAdjacentHTML()'],
  [/\bdocument\.write(ln)?\s*\(/, 'document.write()'],
];
const HTML_RULES = [
  [/<script\b[^>]*\bsrc\s*=\s*["']?(https?:)?\/\//i, 'a remote <script>'],
  [/<script\b(?![^>]*\bsrc\s*=)[^>]*>\s*\S/i, 'an inline <script> (blocked by the extension CSP)'],
];

/**
 * The problems that would get a package rejected (or flagged) by its store. `files` maps each path of the
 * package to its bytes; `justified` is what docs/permissions.md justifies.
 * @param {{ browser: 'chrome' | 'firefox', manifest: any, files: Map<string, Buffer>, justified: Set<string> }} pkg
 * @returns {string[]}
 */
export function checkPackage({ browser, manifest: m, files, justified }) {
  const problems = [];
  const has = (p) => typeof p === 'string' && files.has(p.replace(/^\//, ''));
  const locales = {};
  for (const [path, buf] of files) {
    const l = /^_locales\/([^/]+)\/messages\.json$/.exec(path)?.[1];
    if (!l) continue;
    try {
      locales[l] = JSON.parse(buf.toString('utf8'));
    } catch {
      problems.push(`${path} is not valid JSON`);
    }
  }

  // Identity and listing
  if (browser === 'chrome' && m.manifest_version !== 3) problems.push('Chrome Web Store takes Manifest V3 only');
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(String(m.version ?? ''))) problems.push(`version "${m.version}" is not 1 to 4 dot-separated integers`);
  if (MSG.test(m.name ?? '') || MSG.test(m.description ?? '')) {
    if (!m.default_locale) problems.push('__MSG_ strings need a default_locale');
    else if (!locales[m.default_locale]) problems.push(`default_locale "${m.default_locale}" has no _locales/${m.default_locale}/messages.json`);
  }
  for (const [field, max] of [
    ['name', NAME_MAX],
    ['description', DESCRIPTION_MAX],
  ]) {
    if (!m[field]) problems.push(`no ${field}`);
    for (const { locale, text } of localized(m[field], locales)) {
      const where = locale ? ` (${locale})` : '';
      if (!text) problems.push(`${field}${where} is missing`);
      else if (text.length > max) problems.push(`${field}${where} is ${text.length} characters, over the store's ${max}`);
    }
  }
  for (const [locale, messages] of Object.entries(locales)) {
    for (const value of [m.name, m.description, m.action?.default_title, m.browser_action?.default_title]) {
      const key = typeof value === 'string' ? MSG.exec(value)?.[1] : null;
      if (key && !messages[key]?.message) problems.push(`_locales/${locale} has no "${key}"`);
    }
  }

  // Icons: every size, each a PNG of that size
  for (const size of ICON_SIZES) {
    const path = m.icons?.[size];
    if (!path) {
      problems.push(`no ${size}×${size} icon in "icons"`);
      continue;
    }
    const dims = pngSize(files.get(path.replace(/^\//, '')));
    if (!dims) problems.push(`icon ${path} is missing or not a PNG`);
    else if (dims.width !== size || dims.height !== size) problems.push(`icon ${path} is ${dims.width}×${dims.height}, not ${size}×${size}`);
  }

  // Entry points
  if (browser === 'chrome') {
    if (!has(m.background?.service_worker)) problems.push('no background service worker in the package');
    if (!has(m.side_panel?.default_path)) problems.push('no side panel page in the package');
  } else {
    if (!(m.background?.scripts ?? []).every(has) && !has(m.background?.service_worker)) problems.push('a background script is missing from the package');
    if (!has(m.sidebar_action?.default_panel)) problems.push('no sidebar page in the package');
    const gecko = m.browser_specific_settings?.gecko;
    if (!gecko?.id) problems.push('no browser_specific_settings.gecko.id (AMO needs a stable add-on id)');
    if (!gecko?.data_collection_permissions?.required?.length)
      problems.push('no gecko.data_collection_permissions.required (AMO asks for it; "none" when nothing is collected)');
    const min = parseFloat(gecko?.strict_min_version ?? '0');
    if (min < FIREFOX_MIN)
      problems.push(
        `gecko.strict_min_version ${gecko?.strict_min_version ?? '(none)'} is older than ${FIREFOX_MIN}, the first Firefox that knows data_collection_permissions`,
      );
  }
  for (const cs of m.content_scripts ?? []) for (const js of cs.js ?? []) if (!has(js)) problems.push(`content script ${js} is missing from the package`);

  // Minimum permissions: each one justified, no blanket host access granted at install
  const asked = [
    ...(m.permissions ?? []).map((p) => ['permission', p]),
    ...(m.host_permissions ?? []).map((p) => ['host permission', p]),
    ...(m.optional_permissions ?? []).map((p) => ['optional permission', p]),
    ...(m.optional_host_permissions ?? []).map((p) => ['optional host permission', p]),
  ];
  for (const [kind, p] of asked) if (!justified.has(p)) problems.push(`${kind} "${p}" is not justified in docs/permissions.md`);
  const required = [...(m.permissions ?? []), ...(m.host_permissions ?? [])];
  for (const p of required)
    if (['<all_urls>', '*://*/*', 'https://*/*', 'http://*/*'].includes(p))
      problems.push(`"${p}" at install: ask for broad host access only when needed (optional)`);

  // No remote code: the default CSP or a stricter one, no eval or remote scripts, no markup sinks
  const csp = typeof m.content_security_policy === 'string' ? m.content_security_policy : m.content_security_policy?.extension_pages;
  if (csp && (/unsafe-eval|unsafe-inline/.test(csp) || /script-src[^;]*\bhttps?:/.test(csp)))
    problems.push(`content_security_policy allows remote or evaluated code: ${csp}`);
  for (const [path, buf] of files) {
    const rules = path.endsWith('.js') || path.endsWith('.mjs') ? CODE_RULES : path.endsWith('.html') ? HTML_RULES : null;
    if (!rules) continue;
    const text = buf.toString('utf8');
    for (const [re, what] of rules) if (re.test(text)) problems.push(`${path} contains ${what}`);
  }
  return problems;
}
