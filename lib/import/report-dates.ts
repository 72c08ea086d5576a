/**
 * Dates as report tools write them in titles, preambles and month columns: "October 1, 2026", "1 oct. 2026",
 * "1er octobre 2026", "October 2026", "oct. 2026", "2026-10", and ranges "October 1, 2026 - October 31, 2026" or
 * "Report Time: 10/1/2026 - 10/31/2026". Numeric dates go through values.ts (day order decided per file).
 */
import { parseDateParts, toIsoDate, type DayOrder } from './values';

const MONTH_WORDS: Record<string, number> = {
  january: 1,
  jan: 1,
  janvier: 1,
  janv: 1,
  february: 2,
  feb: 2,
  février: 2,
  fevrier: 2,
  févr: 2,
  fevr: 2,
  fév: 2,
  fev: 2,
  march: 3,
  mar: 3,
  mars: 3,
  april: 4,
  apr: 4,
  avril: 4,
  avr: 4,
  may: 5,
  mai: 5,
  june: 6,
  jun: 6,
  juin: 6,
  july: 7,
  jul: 7,
  juillet: 7,
  juil: 7,
  august: 8,
  aug: 8,
  août: 8,
  aout: 8,
  aoû: 8,
  september: 9,
  sep: 9,
  sept: 9,
  septembre: 9,
  october: 10,
  oct: 10,
  octobre: 10,
  november: 11,
  nov: 11,
  novembre: 11,
  december: 12,
  dec: 12,
  décembre: 12,
  decembre: 12,
  déc: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): string | null {
  if (!(y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1)) return null;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

const month = (word: string): number | undefined => MONTH_WORDS[word.toLowerCase().replace(/\.$/, '')];

/** "October 1, 2026", "Oct 1, 2026", "1 October 2026", "1 oct. 2026", "1er octobre 2026" → ISO date; else null. */
export function parseLongDate(cell: string): string | null {
  const c = cell.trim().replace(/\s+/g, ' ');
  let m = /^([\p{L}]+\.?) (\d{1,2}),? (\d{4})$/u.exec(c);
  if (m) {
    const mo = month(m[1]!);
    return mo ? validDay(Number(m[3]), mo, Number(m[2])) : null;
  }
  m = /^(\d{1,2})(?:er)?\.? ([\p{L}]+\.?),? (\d{4})$/u.exec(c);
  if (m) {
    const mo = month(m[2]!);
    return mo ? validDay(Number(m[3]), mo, Number(m[1])) : null;
  }
  return null;
}

/** A date cell in any of the report formats: long words, ISO, or numeric under the file's day order. */
export function parseReportDate(cell: string, order: DayOrder): string | null {
  // "10/1/2026, 12:00 AM", "01/10/2026 00:00": the time of day is not the day
  const c = cell.trim().replace(/,?\s+\d{1,2}:\d{2}(:\d{2})?(\s*[AP]M)?$/i, '');
  const long = parseLongDate(c);
  if (long) return long;
  const p = parseDateParts(c, order);
  return p ? toIsoDate(p) : null;
}

/** "2026-10", "2026-10-01", "October 2026", "oct. 2026", "octobre 2026", "10/2026" → 'YYYY-MM'; else null. */
export function parseMonthCell(cell: string): string | null {
  const c = cell.trim().replace(/\s+/g, ' ');
  let m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(c);
  if (m) {
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    if (m[3] && !validDay(Number(m[1]), mo, Number(m[3]))) return null;
    return `${m[1]}-${pad(mo)}`;
  }
  m = /^([\p{L}]+\.?) (\d{4})$/u.exec(c);
  if (m) {
    const mo = month(m[1]!);
    return mo ? `${m[2]}-${pad(mo)}` : null;
  }
  m = /^(\d{1,2})[/.](\d{4})$/.exec(c);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return `${m[2]}-${pad(Number(m[1]))}`;
  return null;
}

export interface DateRange {
  from: string;
  to: string;
}

/**
 * A range written as "<date> - <date>" (or with "–", "to", "au"), the dates in any report format; null when the
 * text is not one (or the end comes before the start).
 */
export function parseDateRange(text: string, order: DayOrder): DateRange | null {
  const c = text
    .trim()
    .replace(/^"|"$/g, '')
    .replace(/^[\p{L} ]+:\s*/u, '');
  const parts = c.split(/\s+(?:-|–|—|to|au|à)\s+/i);
  if (parts.length !== 2) return null;
  const from = parseReportDate(parts[0]!, order);
  const to = parseReportDate(parts[1]!, order);
  return from && to && from <= to ? { from, to } : null;
}
