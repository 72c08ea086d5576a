import { describe, expect, it, afterEach } from 'vitest';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserLang, langSetting } from '../../../lib/i18n';
import { REFERENCE_TABLE } from '../../../lib/currency/convert';
import { ValidationError } from '../../../lib/schema';
import {
  loadReportingSettings,
  rateTable,
  ratesToStore,
  reportingConverter,
  reportingCurrencyNow,
  reportingSettings,
  restoreReferenceRates,
  rowsOf,
  saveReportingSettings,
  stopWatchingReporting,
  tableFromRows,
} from '../../../lib/panel/models/reporting';
import { reportingItem, writeItem } from '../../../lib/storage/items';

const until = async (check: () => boolean, ms = 2000) => {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('reporting currency setting', () => {
  const browser0 = browserLang.value;
  afterEach(() => {
    stopWatchingReporting();
    browserLang.value = browser0;
    langSetting.value = null;
  });

  it('defaults to the locale’s currency and the ECB table', async () => {
    await loadReportingSettings();
    expect(reportingSettings.value).toEqual({ currency: null, rates: null });
    expect(rateTable.value).toBe(REFERENCE_TABLE);
    browserLang.value = 'fr-FR';
    expect(reportingCurrencyNow.value).toBe('EUR');
    browserLang.value = 'en-GB';
    expect(reportingCurrencyNow.value).toBe('GBP');
    browserLang.value = 'en-US';
    expect(reportingCurrencyNow.value).toBe('USD');
    // the UI language chosen in Settings counts, not only the browser's
    langSetting.value = 'fr';
    expect(reportingCurrencyNow.value).toBe('EUR');
    expect(reportingConverter.value.convert(86.83, 'GBP')).toBeCloseTo(100, 9);
  });

  it('stores a choice and edited rates, typed and checked, and reads them back', async () => {
    const table = { asOf: '2026-03-01', source: 'user' as const, perEur: { GBP: 0.85, USD: 1.2 } };
    await saveReportingSettings({ currency: 'GBP', rates: table });
    expect(await fakeBrowser.storage.local.get('reporting')).toEqual({ reporting: { currency: 'GBP', rates: table } });
    reportingSettings.value = { currency: null, rates: null };
    await loadReportingSettings();
    expect(reportingSettings.value).toEqual({ currency: 'GBP', rates: table });
    expect(reportingConverter.value).toMatchObject({ currency: 'GBP', asOf: '2026-03-01', source: 'user' });
    expect(reportingConverter.value.convert(120, 'USD')).toBeCloseTo(85, 9);
  });

  it('refuses bad input with the field named, and a currency it could not convert into', async () => {
    await expect(saveReportingSettings({ currency: 'pounds' })).rejects.toThrow(/currency/);
    await expect(saveReportingSettings({ currency: 'EUR', rates: { asOf: 'yesterday', source: 'user', perEur: {} } })).rejects.toThrow(/rates\.asOf/);
    const e = await saveReportingSettings({ currency: 'XOF' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues[0]!.path).toBe('currency');
    // nothing was stored
    expect(await fakeBrowser.storage.local.get('reporting')).toEqual({});
    // with a rate for it, XOF is fine
    await saveReportingSettings({ currency: 'XOF', rates: { asOf: '2026-01-01', source: 'user', perEur: { XOF: 655.957 } } });
    expect(reportingCurrencyNow.value).toBe('XOF');
  });

  it('fuzz: whatever is in storage, the panel gets valid settings (defaults for a corrupt value)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (raw) => {
        await fakeBrowser.storage.local.set({ reporting: raw });
        const s = await loadReportingSettings();
        expect(s.currency === null || /^[A-Z]{3}$/.test(s.currency)).toBe(true);
        expect(s.rates === null || typeof s.rates.asOf === 'string').toBe(true);
      }),
      { numRuns: 100, seed: 12 },
    );
  });

  it('follows a change made elsewhere (another panel)', async () => {
    await loadReportingSettings();
    await writeItem(reportingItem, { currency: 'USD', rates: null });
    await until(() => reportingSettings.value.currency === 'USD');
    expect(reportingCurrencyNow.value).toBe('USD');
  });

  it('restores the reference rates, keeping a choice they can serve', async () => {
    await saveReportingSettings({ currency: 'XOF', rates: { asOf: '2026-01-01', source: 'user', perEur: { XOF: 655.957 } } });
    await restoreReferenceRates();
    expect(reportingSettings.value).toEqual({ currency: null, rates: null });
    await saveReportingSettings({ currency: 'USD', rates: { asOf: '2026-01-01', source: 'user', perEur: { USD: 1.2 } } });
    await restoreReferenceRates();
    expect(reportingSettings.value).toEqual({ currency: 'USD', rates: null });
  });

  it('edits rows into a table, naming the first bad row', () => {
    expect(
      tableFromRows('2026-02-01', [
        { code: 'usd', rate: '1,2' },
        { code: 'GBP', rate: ' 0.85 ' },
      ]),
    ).toEqual({
      ok: true,
      table: { asOf: '2026-02-01', source: 'user', perEur: { USD: 1.2, GBP: 0.85 } },
    });
    expect(
      tableFromRows('2026-02-01', [
        { code: 'USD', rate: '1.2' },
        { code: 'US', rate: '1' },
      ]),
    ).toMatchObject({ ok: false, row: 1, field: 'code' });
    expect(tableFromRows('2026-02-01', [{ code: 'EUR', rate: '1' }])).toMatchObject({ ok: false, row: 0, field: 'code' });
    expect(
      tableFromRows('2026-02-01', [
        { code: 'USD', rate: '1.2' },
        { code: 'usd', rate: '1.3' },
      ]),
    ).toMatchObject({ ok: false, row: 1, message: 'duplicate' });
    for (const rate of ['', '0', '-1', 'abc', '1e999'])
      expect(tableFromRows('2026-02-01', [{ code: 'USD', rate }])).toMatchObject({ ok: false, row: 0, field: 'rate' });
    expect(tableFromRows('', [{ code: 'USD', rate: '1.2' }])).toMatchObject({ ok: false, field: 'asOf' });
    // the reference table edited back to itself stays "ECB"
    const same = tableFromRows(REFERENCE_TABLE.asOf, rowsOf(REFERENCE_TABLE));
    expect(same.ok && ratesToStore(same.table)).toBeNull();
    const changed = tableFromRows(
      REFERENCE_TABLE.asOf,
      rowsOf(REFERENCE_TABLE).map((r) => (r.code === 'USD' ? { ...r, rate: '1.2' } : r)),
    );
    expect(changed.ok && ratesToStore(changed.table)).toMatchObject({ source: 'user' });
  });
});
