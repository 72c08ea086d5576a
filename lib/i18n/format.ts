import { browserLang, locale } from './index';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();
function memo<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

export function formatDate(iso: string | null | undefined, style: 'short' | 'medium' | 'long' = 'medium'): string {
  if (!iso) return '';
  const l = locale.value;
  return memo(`d:${l}:${style}`, () => new Intl.DateTimeFormat(l, { dateStyle: style })).format(new Date(iso));
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const l = locale.value;
  return memo(`dt:${l}`, () => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short' })).format(new Date(iso));
}

/** Hour and minute ("14:05"); the formatter is built once per locale (building one costs far more than using it). */
export function formatTime(iso: string, localeTag: string | undefined = locale.value): string {
  return memo(`t:${localeTag ?? ''}`, () => new Intl.DateTimeFormat(localeTag, { hour: '2-digit', minute: '2-digit' })).format(new Date(iso));
}

export function formatMoney(amount: number | null | undefined, currency: string, digits = 0): string {
  if (amount == null) return '';
  const l = locale.value;
  return memo(
    `m:${l}:${currency}:${digits}`,
    () => new Intl.NumberFormat(l, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }),
  ).format(amount);
}

export function formatNumber(n: number, digits = 0): string {
  const l = locale.value;
  return memo(`n:${l}:${digits}`, () => new Intl.NumberFormat(l, { maximumFractionDigits: digits })).format(n);
}

/** A size in the largest unit under 1 024 of it: "312 MB", "1.4 GB" / "312 Mo", "1,4 Go". */
export function formatBytes(bytes: number): string {
  const l = locale.value;
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let i = 0;
  let n = Math.max(0, bytes);
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  const digits = n < 10 && i > 0 ? 1 : 0;
  return memo(
    `b:${l}:${units[i]}:${digits}`,
    () => new Intl.NumberFormat(l, { style: 'unit', unit: units[i]!, unitDisplay: 'short', maximumFractionDigits: digits }),
  ).format(n);
}

export function formatPercent(p: number, digits = 0): string {
  const l = locale.value;
  return memo(`p:${l}:${digits}`, () => new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: digits })).format(p);
}

/** "3 days ago" / "il y a 3 jours". */
export function formatRelative(iso: string, now = Date.now()): string {
  const l = locale.value;
  const rtf = memo(`r:${l}`, () => new Intl.RelativeTimeFormat(l, { numeric: 'auto' })) as Intl.RelativeTimeFormat;
  const diff = (Date.parse(iso) - now) / 1000;
  const abs = Math.abs(diff);
  if (abs < 60) return rtf.format(Math.round(diff), 'second');
  if (abs < 3600) return rtf.format(Math.round(diff / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(diff / 3600), 'hour');
  if (abs < 86400 * 30) return rtf.format(Math.round(diff / 86400), 'day');
  if (abs < 86400 * 365) return rtf.format(Math.round(diff / (86400 * 30)), 'month');
  return rtf.format(Math.round(diff / (86400 * 365)), 'year');
}

/**
 * Creates the number formatters ahead of need, when the thread is idle: the first Intl formatter of a page loads
 * ICU data (tens of milliseconds), which would otherwise land in the task that first shows a number.
 */
export function warmNumberFormats(): void {
  const warm = () => {
    formatNumber(0);
    formatNumber(0, 1);
    formatPercent(0);
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 2000 });
  else setTimeout(warm, 0);
}

/**
 * A BCP 47 locale for writing in a given language, whatever the UI speaks: the browser's own when it speaks that
 * language (fr-CA stays fr-CA), else fr-FR / en-GB. Message templates are written in the recipient's language.
 */
export function localeForLang(l: 'fr' | 'en', browserLanguage: string = browserLang.value): string {
  return browserLanguage.toLowerCase().startsWith(l) ? browserLanguage : l === 'fr' ? 'fr-FR' : 'en-GB';
}

/**
 * A date in the given locale ("12 mars 2027", "12 March 2027"). A date-only value (YYYY-MM-DD) is a calendar
 * date and is formatted in UTC, so no time zone moves it to the day before.
 */
export function formatDateIn(localeTag: string, iso: string, style: 'medium' | 'long' = 'long'): string {
  const dateOnly = /^\d{4}-\d\d-\d\d$/.test(iso);
  const d = new Date(dateOnly ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  const f = memo(`di:${localeTag}:${style}:${dateOnly}`, () => new Intl.DateTimeFormat(localeTag, { dateStyle: style, ...(dateOnly && { timeZone: 'UTC' }) }));
  return f.format(d);
}

/** An amount in the given locale and currency; cents only when there are some ("1 200 €", "€1,234.50"). */
export function formatMoneyIn(localeTag: string, amount: number, currency: string): string {
  const whole = Number.isInteger(amount);
  return memo(
    `mi:${localeTag}:${currency}:${whole}`,
    () => new Intl.NumberFormat(localeTag, { style: 'currency', currency, ...(whole && { minimumFractionDigits: 0, maximumFractionDigits: 0 }) }),
  ).format(amount);
}

export function formatNumberIn(localeTag: string, n: number): string {
  return memo(`ni:${localeTag}`, () => new Intl.NumberFormat(localeTag, { maximumFractionDigits: 2 })).format(n);
}

/** A calendar day given as 'YYYY-MM-DD' (read in UTC, so no time zone moves it to the day before). */
export function formatDay(isoDate: string, style: 'short' | 'medium' | 'long' = 'medium'): string {
  if (!isoDate) return '';
  const l = locale.value;
  return memo(`dd:${l}:${style}`, () => new Intl.DateTimeFormat(l, { dateStyle: style, timeZone: 'UTC' })).format(
    new Date(`${isoDate.slice(0, 10)}T00:00:00Z`),
  );
}

/** A month given as 'YYYY-MM': "October 2026" / "octobre 2026" (short: "Oct 2026"). */
export function formatMonth(month: string, style: 'long' | 'short' = 'long'): string {
  const l = locale.value;
  return memo(`mo:${l}:${style}`, () => new Intl.DateTimeFormat(l, { month: style, year: 'numeric', timeZone: 'UTC' })).format(
    new Date(`${month.slice(0, 7)}-01T00:00:00Z`),
  );
}
