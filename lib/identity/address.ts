/**
 * Addresses as pages show them: `Name <a@b.c>`, `"Doe, John" <j@x.com>`, bare `a@b.c`, `Name (a@b.c)`.
 * Small and dependency-free: it runs inside content scripts.
 */

const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LOCAL = `${ATEXT}(?:\\.${ATEXT})*`;
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const ADDR = `${LOCAL}@${LABEL}(?:\\.${LABEL})*`;
const EXACT = new RegExp(`^${ADDR}$`);
const FIND = new RegExp(`(?:^|[^A-Za-z0-9!#$%&'*+/=?^_\`{|}~.-])(${LOCAL}@${LABEL}(?:\\.${LABEL})+)`, 'g');

/** Whether s is a plain addr-spec (dot-atom local part, hostname domain): what CRMs store and mail UIs show. */
export function isEmail(s: string): boolean {
  if (s.length > 254) return false;
  const at = s.lastIndexOf('@');
  return at > 0 && at <= 64 && EXACT.test(s);
}

/** Every address in free text, lower-cased, in order (domains need a dot here: text is noisy). */
export function findEmails(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(FIND)) if (m[1] && isEmail(m[1])) out.push(m[1].toLowerCase());
  return out;
}

export interface ParsedAddress {
  name: string | null;
  email: string | null;
}

function cleanName(raw: string): string | null {
  let s = raw.trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) s = s.slice(1, -1).replace(/\\(.)/g, '$1');
  else if (s.length >= 2 && s.startsWith("'") && s.endsWith("'")) s = s.slice(1, -1);
  s = s.replace(/\s+/g, ' ').trim();
  return s || null;
}

/** One mailbox. A name without an address gives `{ name, email: null }`; nothing usable gives null. */
export function parseAddress(input: string | null | undefined): ParsedAddress | null {
  const s = (input ?? '').replace(/\s+/g, ' ').trim();
  if (!s) return null;
  const angle = /^(.*?)\s*<([^<>]+)>\s*$/.exec(s);
  if (angle) {
    const email = angle[2]!.trim();
    if (isEmail(email)) return { name: cleanName(angle[1]!), email: email.toLowerCase() };
  }
  const paren = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(s);
  if (paren) {
    const inner = paren[2]!.trim();
    const outer = paren[1]!.trim();
    if (isEmail(inner)) return { name: cleanName(outer), email: inner.toLowerCase() };
    if (isEmail(outer)) return { name: cleanName(inner), email: outer.toLowerCase() };
  }
  if (isEmail(s)) return { name: null, email: s.toLowerCase() };
  if (s.includes('@')) {
    const found = findEmails(s);
    if (found.length === 1) return { name: null, email: found[0]! };
    return null;
  }
  return { name: cleanName(s), email: null };
}

/** A header-style list: commas inside quotes or angle brackets do not split. */
export function parseAddressList(input: string | null | undefined): ParsedAddress[] {
  const s = input ?? '';
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  let angle = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && quoted) {
      cur += c + (s[++i] ?? '');
      continue;
    }
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '<') angle++;
    else if (!quoted && c === '>') angle = Math.max(0, angle - 1);
    if ((c === ',' || c === ';') && !quoted && angle === 0) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts.map(parseAddress).filter((p): p is ParsedAddress => !!p);
}
