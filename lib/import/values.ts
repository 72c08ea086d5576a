import { isFreeMailDomain } from '../identity/domain';

/** Cell-level parsers shared by the import mapping: dates, numbers, domains, names, LinkedIn URLs. */

export { isFreeMailDomain };

export function clean(cell: string | undefined): string {
  const c = (cell ?? '').trim();
  return c === 'null' || c === 'NULL' ? '' : c;
}

export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  return at > 0 ? email.slice(at + 1).toLowerCase() : null;
}

/** "https://www.Acme.fr/contact" → "acme.fr"; null when it is not a host name. */
export function domainFromWebsite(value: string): string | null {
  const v = clean(value);
  if (!v) return null;
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(v) ? v : `https://${v}`);
    const host = url.hostname.toLowerCase().replace(/^www\./, '');
    return /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(host) ? host : null;
  } catch {
    return null;
  }
}

/** Canonical https://www.linkedin.com/in/<slug>, or null when it is not a profile URL. */
export function canonicalLinkedin(value: string): string | null {
  const m = /linkedin\.com\/(in|company)\/([^/?#\s]+)/i.exec(value);
  if (!m) return null;
  let slug = m[2]!;
  try {
    slug = decodeURIComponent(slug);
  } catch {
    /* keep as is */
  }
  return `https://www.linkedin.com/${m[1]!.toLowerCase()}/${slug.toLowerCase()}`;
}

export function splitFullName(full: string): { firstName: string; lastName: string } {
  const parts = clean(full).split(/\s+/).filter(Boolean);
  if (parts.length === 0) return { firstName: '', lastName: '' };
  if (parts.length === 1) return { firstName: parts[0]!, lastName: '' };
  return { firstName: parts.slice(0, -1).join(' '), lastName: parts[parts.length - 1]! };
}

/** Splits multi-value cells: Google's " ::: ", semicolons, commas between addresses. */
export function splitMulti(cell: string): string[] {
  return clean(cell)
    .split(/\s*:::\s*|\s*;\s*|\s*,\s*(?=\S+@)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

// ---------- numbers ----------

const CURRENCY_SYMBOLS: Record<string, string> = { '€': 'EUR', $: 'USD', '£': 'GBP', '¥': 'JPY', CHF: 'CHF', R$: 'BRL' };

export function currencyOf(cell: string): string | null {
  const c = clean(cell);
  const code = /\b([A-Z]{3})\b/.exec(c)?.[1];
  if (code && !/^\d/.test(code)) return code;
  for (const [sym, iso] of Object.entries(CURRENCY_SYMBOLS)) if (c.includes(sym)) return iso;
  return null;
}

/**
 * "1 234,56" / "1.234,56" / "1,234.56" / "€ 12" / "-3.5" → number; null when empty or not a number.
 * `decimalComma` decides the lone-comma case "1,234" (thousands in US files, decimal in FR files).
 */
export function parseNumber(cell: string, decimalComma = false): number | null {
  let c = clean(cell)
    .replace(/[A-Z]{3}/g, '')
    .replace(/[€$£¥\s\u00a0\u202f']/g, '');
  if (c === '') return null;
  let negative = false;
  if (/^\(.*\)$/.test(c)) {
    negative = true;
    c = c.slice(1, -1);
  }
  const lastComma = c.lastIndexOf(',');
  const lastDot = c.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    c = lastComma > lastDot ? c.replace(/\./g, '').replace(',', '.') : c.replace(/,/g, '');
  } else if (lastComma >= 0) {
    const thousands = /^-?\d{1,3}(,\d{3})+$/.test(c) && !decimalComma;
    c = thousands ? c.replace(/,/g, '') : c.replace(/,(?=\d*$)/, '.').replace(/,/g, '');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(c)) return null;
  const n = Number(c);
  return Number.isFinite(n) ? (negative ? -n : n) : null;
}

// ---------- dates ----------

export type DayOrder = 'dmy' | 'mdy';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  fév: 2,
  fev: 2,
  mar: 3,
  mär: 3,
  apr: 4,
  avr: 4,
  may: 5,
  mai: 5,
  jun: 6,
  juin: 6,
  jul: 7,
  juil: 7,
  aug: 8,
  aoû: 8,
  aou: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  déc: 12,
  dez: 12,
};

interface DateParts {
  y: number;
  m: number;
  d: number;
  time: string | null;
  /** The source gave a zone (Z or offset): keep the instant. */
  instant: string | null;
}

function valid(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 9999) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? (n < 70 ? 2000 + n : 1900 + n) : n;
}

function normTime(t: string | undefined): string | null {
  if (!t) return null;
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([ap]m)?$/i.exec(t.trim());
  if (!m) return null;
  let h = Number(m[1]);
  if (m[4]) h = (h % 12) + (m[4].toLowerCase() === 'pm' ? 12 : 0);
  if (h > 23 || Number(m[2]) > 59) return null;
  return `${String(h).padStart(2, '0')}:${m[2]}:${m[3] ?? '00'}`;
}

/** Parses one date cell under a day order; null when it is not a valid date that way. */
export function parseDateParts(cell: string, order: DayOrder): DateParts | null {
  const c = clean(cell);
  if (!c) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?)\s*(Z|[+-]\d{2}:?\d{2})?)?$/.exec(c);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!valid(y, mo, d)) return null;
    const time = normTime(m[4]);
    if (m[4] && !time) return null;
    let instant: string | null = null;
    if (m[5] && time) {
      const t = Date.parse(
        `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}T${time}${m[5] === 'Z' ? 'Z' : m[5].replace(/(\d{2})(\d{2})$/, '$1:$2')}`,
      );
      if (Number.isNaN(t)) return null;
      instant = new Date(t).toISOString();
    }
    return { y, m: mo, d, time, instant };
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T]+(\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]m)?))?$/i.exec(c);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = fullYear(m[3]!);
    const [d, mo] = order === 'dmy' ? [a, b] : [b, a];
    if (!valid(y, mo, d)) return null;
    const time = normTime(m[4]);
    if (m[4] && !time) return null;
    return { y, m: mo, d, time, instant: null };
  }
  m = /^(\d{1,2})[ -]([\p{L}]{3,5})\.?[ -](\d{4})(?:\s+(\d{1,2}:\d{2}(?::\d{2})?))?$/u.exec(c);
  if (m) {
    const mo = MONTHS[m[2]!.toLowerCase()];
    const y = Number(m[3]);
    const d = Number(m[1]);
    if (!mo || !valid(y, mo, d)) return null;
    return { y, m: mo, d, time: normTime(m[4]), instant: null };
  }
  return null;
}

/**
 * The day order under which every value parses; `preferDmy` breaks ties (French files, `;` delimiter).
 * Null when neither order fits all values.
 */
export function detectDayOrder(values: string[], preferDmy: boolean): DayOrder | null {
  const order: DayOrder[] = preferDmy ? ['dmy', 'mdy'] : ['mdy', 'dmy'];
  const filled = values.map(clean).filter(Boolean);
  for (const o of order) if (filled.every((v) => parseDateParts(v, o))) return o;
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function toIsoDate(p: DateParts): string {
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

/** Local times without a zone are read as UTC, so the same file gives the same records everywhere. */
export function toIsoDateTime(p: DateParts): string {
  return p.instant ?? `${toIsoDate(p)}T${p.time ?? '00:00:00'}.000Z`;
}
