/**
 * The in-page hint: a small "Carnet" badge beside each sender Carnet knows, in Gmail. It lives in a closed
 * shadow root, so Gmail's styles cannot reach it and its own cannot leak; its text is set, never parsed.
 */
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

/** Puts a badge after each sender element whose address is known, and removes badges no longer true. */
export function applyBadges(doc: Document, known: readonly string[], title: string): void {
  const wanted = new Set(known.map((e) => e.toLowerCase()));
  for (const old of doc.querySelectorAll(HOST)) {
    if (!wanted.has(old.getAttribute(ATTR) ?? '')) old.remove();
  }
  if (wanted.size === 0) return;
  for (const el of doc.querySelectorAll('span.gD[email]')) {
    const email = (el.getAttribute('email') ?? '').toLowerCase();
    if (!wanted.has(email)) continue;
    const next = el.nextElementSibling;
    if (next?.tagName.toLowerCase() === HOST && next.getAttribute(ATTR) === email) continue;
    el.after(makeBadge(doc, email, title));
  }
}
