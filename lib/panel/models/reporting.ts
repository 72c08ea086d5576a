import { signal, computed } from '@preact/signals';
import { readItem, reportingItem, watchItem, writeItem, ReportingSettings } from '../../storage/items';
import { Currency } from '../../schema/common';
import { ValidationError } from '../../schema/errors';
import { locale } from '../../i18n';
import { makeConverter, ratePerEur, RateTable, RatePerEur, REFERENCE_TABLE, reportingCurrency, type Converter } from '../../currency/convert';

export { ReportingSettings } from '../../storage/items';
const DEFAULTS: ReportingSettings = reportingItem.fallback;

export const reportingSettings = signal<ReportingSettings>(DEFAULTS);
/** The rates in use: the user's, else the ECB reference table. */
export const rateTable = computed<RateTable>(() => reportingSettings.value.rates ?? REFERENCE_TABLE);
/** The currency totals are shown in, resolved (the locale's when none is chosen, EUR when that one has no rate). */
export const reportingCurrencyNow = computed(() => reportingCurrency(reportingSettings.value.currency, locale.value, rateTable.value));
export const reportingConverter = computed<Converter>(() => makeConverter(reportingCurrencyNow.value, rateTable.value));

let unwatch: (() => void) | null = null;

/** Reads the setting into the signals, and follows changes made elsewhere (another panel, a restore). */
export async function loadReportingSettings(): Promise<ReportingSettings> {
  // A stored value that no longer parses (edited by hand, an older shape) gives the defaults, never a broken panel.
  reportingSettings.value = await readItem(reportingItem);
  unwatch ??= watchItem(reportingItem, (v) => {
    reportingSettings.value = v;
  });
  return reportingSettings.value;
}

/** Tests: stop following the storage item. */
export function stopWatchingReporting(): void {
  unwatch?.();
  unwatch = null;
}

/**
 * Validates (the error names the field) and stores. A chosen currency must be one the rates can convert into:
 * otherwise every total would have to leave every account out.
 */
export async function saveReportingSettings(input: unknown): Promise<ReportingSettings> {
  const parsed = ReportingSettings.safeParse(input);
  if (!parsed.success) throw ValidationError.from('reporting', parsed.error);
  const value = parsed.data;
  if (value.currency !== null && ratePerEur(value.rates ?? REFERENCE_TABLE, value.currency) === null)
    throw new ValidationError('reporting', [{ path: 'currency', message: `${value.currency} has no exchange rate` }]);
  await writeItem(reportingItem, value);
  reportingSettings.value = value;
  return value;
}

/** Forgets the user's rates: the ECB reference table again. */
export function restoreReferenceRates(): Promise<ReportingSettings> {
  const current = reportingSettings.value;
  const keep = current.currency !== null && ratePerEur(REFERENCE_TABLE, current.currency) !== null ? current.currency : null;
  return saveReportingSettings({ currency: keep, rates: null });
}

/** One editable line of the rate table: a code and its rate per EUR as typed. */
export interface RateRow {
  code: string;
  rate: string;
}

export function rowsOf(table: RateTable): RateRow[] {
  return Object.keys(table.perEur)
    .sort()
    .map((code) => ({ code, rate: String(table.perEur[code]) }));
}

/** The user's table from edited rows, or the first problem (row index, field, message); codes are upper-cased. */
export function tableFromRows(
  asOf: string,
  rows: readonly RateRow[],
): { ok: true; table: RateTable } | { ok: false; row: number | null; field: 'asOf' | 'code' | 'rate'; message: string } {
  const perEur: Record<string, number> = {};
  for (let i = 0; i < rows.length; i++) {
    const code = rows[i]!.code.trim().toUpperCase();
    if (!Currency.safeParse(code).success || code === 'EUR') return { ok: false, row: i, field: 'code', message: 'code' };
    if (Object.hasOwn(perEur, code)) return { ok: false, row: i, field: 'code', message: 'duplicate' };
    const rate = RatePerEur.safeParse(Number(rows[i]!.rate.trim().replace(',', '.')));
    if (rows[i]!.rate.trim() === '' || !rate.success) return { ok: false, row: i, field: 'rate', message: 'rate' };
    perEur[code] = rate.data;
  }
  const table = RateTable.safeParse({ asOf, source: 'user', perEur });
  if (!table.success) return { ok: false, row: null, field: 'asOf', message: 'asOf' };
  return { ok: true, table: table.data };
}

/** What to store for an edited table: null when it is the reference table unchanged (it then stays "ECB"). */
export function ratesToStore(table: RateTable): RateTable | null {
  const ref = REFERENCE_TABLE.perEur;
  const same =
    table.asOf === REFERENCE_TABLE.asOf &&
    Object.keys(table.perEur).length === Object.keys(ref).length &&
    Object.entries(table.perEur).every(([code, rate]) => ref[code] === rate);
  return same ? null : table;
}
