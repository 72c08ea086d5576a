/**
 * The in-page hint: a small "Carnet" badge beside each sender Carnet knows. It lives in a closed shadow root, so
 * the page's styles cannot reach it and its own cannot leak; its text is set, never parsed.
 */
import type { Alt } from '../sites/dom';
import { defineExtra } from './extra';
import { inPageHintOn, SETTINGS_KEY } from './hint-setting';
import type { Extra } from './runtime';

const HOST = 'carnet-badge';
const ATTR = 'data-carnet-email';

function makeBadge(doc: Document, email: string, title: string): HTMLElement {
  const host = doc.createElement(HOST);
  host.setAttribute(ATTR, email);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent =
    'span{display:inline-block;margin-left:6px;padding:0 6px;border-radius:8px;font:600 11px/16px system-ui,sans-serif;background:#0b5cad;color:#fff;vertical-align:middle}';
  const label = doc.createElement('span');
  label.textContent = 'Carnet';
  label.title = title;
  root.append(style, label);
  return host;
}

/**
 * Puts a badge after each sender element (the first of the site's dated alternatives that finds any; each carries
 * `email=`) whose address is known, and removes badges no longer true.
 */
export function applyBadges(doc: Document, senders: readonly Alt[], known: readonly string[], title: string): void {
  const wanted = new Set(known.map((e) => e.toLowerCase()));
  for (const old of doc.querySelectorAll(HOST)) {
    if (!wanted.has(old.getAttribute(ATTR) ?? '')) old.remove();
  }
  if (wanted.size === 0) return;
  for (const [css] of senders) {
    const found = doc.querySelectorAll(css);
    for (const el of found) {
      const email = (el.getAttribute('email') ?? '').toLowerCase();
      if (!wanted.has(email)) continue;
      const next = el.nextElementSibling;
      if (next?.tagName.toLowerCase() === HOST && next.getAttribute(ATTR) === email) continue;
      el.after(makeBadge(doc, email, title));
    }
    if (found.length) break; // the newest alternative that finds senders is the page's
  }
}

/**
 * The badge as a content-script extra: the background's reply to each page context lists the known addresses;
 * the badges follow it (and the "in-page hint" setting), and come back after every re-render of the page.
 */
export function knownSenderBadges(senders: readonly Alt[]): Extra {
  return defineExtra('known-sender badges', ({ doc, browser }) => {
    let known: readonly string[] = [];
    const title = browser.i18n.getMessage('badgeTitle') || 'Carnet';
    const hintOn = async () => inPageHintOn((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
    return {
      recognized: () => applyBadges(doc, senders, known, title),
      async delivered(reply) {
        const listed = (reply as { known?: unknown } | undefined)?.known;
        known = (await hintOn()) && Array.isArray(listed) ? listed.filter((e): e is string => typeof e === 'string') : [];
        applyBadges(doc, senders, known, title);
      },
    };
  });
}
