/**
 * Identifiers a spreadsheet damaged. Excel (and LibreOffice) re-saving a CSV turns a long numeric id into
 * scientific notation ("1.2315E+11") or keeps 15 significant digits and zeros the rest
 * ("1234567890123456789" → "1234567890123450000"). Such a value no longer names one record: two different ids
 * can become the same text. It must never be used to match rows or records.
 */
export type IdDamage = 'scientific' | 'truncated';

const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$/;

/** How an identifier cell was damaged, or null when it may be exact. */
export function idDamage(cell: string): IdDamage | null {
  const c = cell.trim();
  if (SCIENTIFIC.test(c)) return 'scientific';
  // "13085.0" is a float-formatted integer (pandas, some exports): exact once the ".0" goes.
  const digits = c.replace(/\.0+$/, '');
  // More digits than a double holds, and every one past the 15th a zero: what Excel writes back.
  if (/^\d{16,}$/.test(digits) && /^0+$/.test(digits.slice(15)) && !/^0+$/.test(digits.slice(0, 15))) return 'truncated';
  return null;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();

export interface PersonKey {
  emails: string[];
  name: string;
}

/**
 * Whether two records sharing an identifier are nonetheless two people: both have e-mails and none in common,
 * and both have names and they differ. One of the two agreeing (a new address, a changed name) is the same person.
 */
export function differentPeople(a: PersonKey, b: PersonKey): boolean {
  const ea = a.emails.map((e) => e.toLowerCase());
  const eb = new Set(b.emails.map((e) => e.toLowerCase()));
  const emailsDisagree = ea.length > 0 && eb.size > 0 && !ea.some((e) => eb.has(e));
  const na = fold(a.name);
  const nb = fold(b.name);
  return emailsDisagree && na !== '' && nb !== '' && na !== nb;
}
