import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { currencyForLocale, makeConverter, ratePerEur, RateTable, REFERENCE_TABLE, reportingCurrency, tableCurrencies } from '../../../lib/currency/convert';
import { ECB_REFERENCE_RATES } from '../../../lib/currency/reference-rates';

describe('the ECB reference table', () => {
  it('parses, is dated, and holds the currencies a portfolio in €, £ and $ needs', () => {
    expect(RateTable.safeParse(ECB_REFERENCE_RATES).success).toBe(true);
    expect(REFERENCE_TABLE.asOf).toBe('2025-10-09');
    expect(REFERENCE_TABLE.source).toBe('ecb');
    expect(ratePerEur(REFERENCE_TABLE, 'EUR')).toBe(1);
    expect(ratePerEur(REFERENCE_TABLE, 'GBP')).toBe(0.8683);
    expect(ratePerEur(REFERENCE_TABLE, 'USD')).toBe(1.1611);
    expect(ratePerEur(REFERENCE_TABLE, 'XOF')).toBeNull();
    expect(tableCurrencies(REFERENCE_TABLE)[0]).toBe('EUR');
    expect(tableCurrencies(REFERENCE_TABLE)).toHaveLength(31);
    // BGN is pegged at 1.95583: the published rate is that, rounded
    expect(Math.abs(REFERENCE_TABLE.perEur.BGN! - 1.95583)).toBeLessThan(1e-4);
  });
});

describe('conversion', () => {
  const table: RateTable = { asOf: '2026-01-02', source: 'user', perEur: { GBP: 0.8, USD: 1.25 } };
  it('goes through the euro, and never 1:1 for a currency without a rate', () => {
    const toEur = makeConverter('EUR', table);
    expect(toEur.convert(80, 'GBP')).toBeCloseTo(100, 12);
    expect(toEur.convert(125, 'USD')).toBeCloseTo(100, 12);
    expect(toEur.convert(7, 'EUR')).toBe(7);
    expect(toEur.convert(100, 'JPY')).toBeNull();
    const toUsd = makeConverter('USD', table);
    expect(toUsd.convert(80, 'GBP')).toBeCloseTo(125, 12);
    expect(toUsd.convert(5, 'USD')).toBe(5);
    // a reporting currency without a rate converts only its own amounts
    const toJpy = makeConverter('JPY', table);
    expect(toJpy.convert(100, 'EUR')).toBeNull();
    expect(toJpy.convert(100, 'JPY')).toBe(100);
  });
  it('property: a round trip through any two currencies of the table gives the amount back', () => {
    const codes = tableCurrencies(REFERENCE_TABLE);
    fc.assert(
      fc.property(fc.constantFrom(...codes), fc.constantFrom(...codes), fc.double({ min: 0, max: 1e9, noNaN: true }), (a, b, x) => {
        const there = makeConverter(b, REFERENCE_TABLE).convert(x, a)!;
        const back = makeConverter(a, REFERENCE_TABLE).convert(there, b)!;
        expect(Math.abs(back - x)).toBeLessThanOrEqual(1e-9 * Math.max(1, x));
      }),
      { numRuns: 300, seed: 12 },
    );
  });
  it('fuzz: a rate table with a bad code, rate or date is refused', () => {
    const bad = fc.oneof(
      fc.record({ asOf: fc.constant('2026-01-02'), source: fc.constant('user'), perEur: fc.constant({ usd: 1.1 }) }),
      fc.record({
        asOf: fc.constant('2026-01-02'),
        source: fc.constant('user'),
        perEur: fc.record({ USD: fc.oneof(fc.constant(0), fc.double({ max: 0 }), fc.constant(Number.NaN), fc.constant(Infinity)) }),
      }),
      fc.record({ asOf: fc.string(), source: fc.constant('user'), perEur: fc.constant({ USD: 1.1 }) }).filter((r) => !/^\d{4}-\d\d-\d\d$/.test(r.asOf)),
      fc.record({ asOf: fc.constant('2026-01-02'), source: fc.string().filter((s) => s !== 'ecb' && s !== 'user'), perEur: fc.constant({}) }),
    );
    fc.assert(
      fc.property(bad, (t) => {
        expect(RateTable.safeParse(t).success).toBe(false);
      }),
      { numRuns: 200, seed: 12 },
    );
  });
});

describe('the reporting currency from the locale', () => {
  it('fr → EUR, en-GB → GBP, en-US → USD, and the like', () => {
    expect(currencyForLocale('fr')).toBe('EUR');
    expect(currencyForLocale('fr-FR')).toBe('EUR');
    expect(currencyForLocale('fr-BE')).toBe('EUR');
    expect(currencyForLocale('fr-CH')).toBe('CHF');
    expect(currencyForLocale('fr-CA')).toBe('CAD');
    expect(currencyForLocale('en-GB')).toBe('GBP');
    expect(currencyForLocale('en-US')).toBe('USD');
    expect(currencyForLocale('en')).toBe('USD');
    expect(currencyForLocale('en-IE')).toBe('EUR');
    expect(currencyForLocale('de-AT')).toBe('EUR');
    expect(currencyForLocale('not a locale')).toBe('EUR');
  });
  it('a chosen currency wins; one without a rate falls back to EUR', () => {
    expect(reportingCurrency(null, 'en-GB', REFERENCE_TABLE)).toBe('GBP');
    expect(reportingCurrency('USD', 'en-GB', REFERENCE_TABLE)).toBe('USD');
    expect(reportingCurrency(null, 'fr-SN', REFERENCE_TABLE)).toBe('EUR'); // XOF: not in the ECB table
    expect(reportingCurrency('XOF', 'fr', { ...REFERENCE_TABLE, perEur: { ...REFERENCE_TABLE.perEur, XOF: 655.957 } })).toBe('XOF');
  });
});
