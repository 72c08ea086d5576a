/**
 * Conversion of amounts into one reporting currency through a table of rates against the euro. Pure: the dashboard
 * sums accounts in €, £ and $ only after converting each, and says how many it could not convert (#12).
 */
import * as z from 'zod/mini';
import { Currency, IsoDate } from '../schema/common';
import { ECB_REFERENCE_RATES } from './reference-rates';

/** Units of a currency per 1 EUR (the ECB's convention): a positive, finite number. */
export const RatePerEur = z.number().check(z.gt(0, 'must be a positive number'), z.lte(1e9));

export const RateTable = z.object({
  /** The day the rates are of (YYYY-MM-DD), shown beside every converted amount. */
  asOf: IsoDate,
  /** 'ecb': the built-in reference table as published; 'user': rates edited in Settings. */
  source: z.enum(['ecb', 'user']),
  /** Units of each currency per 1 EUR; EUR itself is 1 and never listed. */
  perEur: z.record(Currency, RatePerEur),
});
export type RateTable = z.infer<typeof RateTable>;

export const REFERENCE_TABLE: RateTable = RateTable.parse(ECB_REFERENCE_RATES);

/** The rate of a currency in a table (EUR is 1), or null when the table has none. */
export function ratePerEur(table: RateTable, currency: string): number | null {
  if (currency === 'EUR') return 1;
  return Object.hasOwn(table.perEur, currency) ? table.perEur[currency]! : null;
}

/** The currencies a table can convert between, EUR first then alphabetical. */
export function tableCurrencies(table: RateTable): string[] {
  return [
    'EUR',
    ...Object.keys(table.perEur)
      .filter((c) => c !== 'EUR')
      .sort(),
  ];
}

export interface Converter {
  /** The reporting currency every amount is converted into. */
  currency: string;
  asOf: string;
  source: RateTable['source'];
  /** `amount` in `from` expressed in the reporting currency; null when `from` has no rate (never a silent 1:1). */
  convert(amount: number, from: string): number | null;
}

export function makeConverter(currency: string, table: RateTable): Converter {
  const to = ratePerEur(table, currency);
  return {
    currency,
    asOf: table.asOf,
    source: table.source,
    convert(amount, from) {
      if (from === currency) return amount;
      const rate = ratePerEur(table, from);
      return rate === null || to === null ? null : (amount / rate) * to;
    },
  };
}

/**
 * Region → currency for the regions Carnet's users are most likely in (Intl has no such lookup). A region not
 * listed gives EUR.
 */
const REGION_CURRENCY: Record<string, string> = {
  GB: 'GBP',
  GG: 'GBP',
  JE: 'GBP',
  IM: 'GBP',
  US: 'USD',
  PR: 'USD',
  GU: 'USD',
  VI: 'USD',
  AS: 'USD',
  MP: 'USD',
  UM: 'USD',
  EC: 'USD',
  SV: 'USD',
  PA: 'USD',
  CH: 'CHF',
  LI: 'CHF',
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  JP: 'JPY',
  CN: 'CNY',
  HK: 'HKD',
  IN: 'INR',
  KR: 'KRW',
  MX: 'MXN',
  BR: 'BRL',
  ZA: 'ZAR',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  PL: 'PLN',
  CZ: 'CZK',
  HU: 'HUF',
  RO: 'RON',
  IS: 'ISK',
  TR: 'TRY',
  IL: 'ILS',
  ID: 'IDR',
  MY: 'MYR',
  PH: 'PHP',
  SG: 'SGD',
  TH: 'THB',
  SN: 'XOF',
  CI: 'XOF',
  ML: 'XOF',
  BF: 'XOF',
  NE: 'XOF',
  TG: 'XOF',
  BJ: 'XOF',
  GW: 'XOF',
  CM: 'XAF',
  GA: 'XAF',
  CG: 'XAF',
  TD: 'XAF',
  CF: 'XAF',
  GQ: 'XAF',
  MA: 'MAD',
  TN: 'TND',
  DZ: 'DZD',
};

/** The currency of a BCP 47 locale's region (fr → FR → EUR, en → US → USD, en-GB → GBP, fr-CH → CHF). */
export function currencyForLocale(locale: string): string {
  let region: string | undefined;
  try {
    region = new Intl.Locale(locale).maximize().region;
  } catch {
    region = undefined;
  }
  return (region && REGION_CURRENCY[region]) ?? 'EUR';
}

/**
 * The reporting currency: the user's choice, else the locale's; either only when the table can convert into it
 * (a locale currency without a rate, e.g. XOF, falls back to EUR).
 */
export function reportingCurrency(chosen: string | null, locale: string, table: RateTable): string {
  const want = chosen ?? currencyForLocale(locale);
  return ratePerEur(table, want) !== null ? want : 'EUR';
}
