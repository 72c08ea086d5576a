import { isEmail } from './address';

/** Lower-cased addr-spec from what a page or user gave (`mailto:`, angle brackets, spaces), or null. */
export function normalizeEmail(raw: string | null | undefined): string | null {
  let s = (raw ?? '').trim();
  if (/^mailto:/i.test(s)) s = (s.slice(7).split('?')[0] ?? '').trim();
  try {
    if (s.includes('%')) s = decodeURIComponent(s);
  } catch {
    /* keep as is */
  }
  s = s
    .replace(/^<(.*)>$/, '$1')
    .trim()
    .replace(/\.$/, '');
  return isEmail(s) ? s.toLowerCase() : null;
}

/** The domain of an address, lower-cased, or null when it is not an address. */
export function emailDomain(email: string | null | undefined): string | null {
  const e = normalizeEmail(email);
  return e ? e.slice(e.lastIndexOf('@') + 1) : null;
}
