/**
 * The euro foreign exchange reference rates of the European Central Bank for 9 October 2025 (units of each currency
 * per 1 EUR, as published in eurofxref-daily.xml that day): the table Carnet starts with, shown with its date,
 * editable in Settings. Transcribed from a copy of that day's file (no network access when this was written); the
 * cross-rates check out against each other (BGN at its fixed 1.9558, DKK inside its ERM II band, GBP/USD 1.337,
 * USD/JPY 152.8 on that day). Refresh it by replacing `asOf` and `perEur` with a newer daily file.
 */
export const ECB_REFERENCE_RATES = {
  asOf: '2025-10-09',
  source: 'ecb',
  perEur: {
    USD: 1.1611,
    JPY: 177.4,
    BGN: 1.9558,
    CZK: 24.326,
    DKK: 7.4668,
    GBP: 0.8683,
    HUF: 390.98,
    PLN: 4.2548,
    RON: 5.0945,
    SEK: 10.987,
    CHF: 0.9309,
    ISK: 141.8,
    NOK: 11.624,
    TRY: 48.4464,
    AUD: 1.76,
    BRL: 6.1877,
    CAD: 1.6198,
    CNY: 8.2698,
    HKD: 9.0334,
    IDR: 19227.64,
    ILS: 3.7684,
    INR: 103.1025,
    KRW: 1647.8,
    MXN: 21.2683,
    MYR: 4.8952,
    NZD: 2.0097,
    PHP: 67.553,
    SGD: 1.5048,
    THB: 37.817,
    ZAR: 19.8575,
  },
} as const;
