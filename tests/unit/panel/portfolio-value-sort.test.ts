import { describe, expect, it } from 'vitest';
import { sortRows, type PortfolioRow } from '../../../lib/panel/queries/portfolio';
import { makeConverter } from '../../../lib/currency/convert';

const row = (name: string, value: number | null, currency: string): PortfolioRow => ({
  id: name, name, owner: null, tier: 'standard', stage: 'active', value, currency, churn: null, segments: [], lastContact: null,
});

describe('portfolio sorted by value', () => {
  it('compares accounts in €, £ and $ in one currency; a value without a rate goes with the missing ones', () => {
    const money = makeConverter('EUR', { asOf: '2026-01-02', source: 'user', perEur: { GBP: 0.8, USD: 1.25 } });
    // 90 000 £ = 112 500 €, 130 000 $ = 104 000 €, 100 000 €; the yen has no rate
    const rows = [row('Paris', 100_000, 'EUR'), row('London', 90_000, 'GBP'), row('Boston', 130_000, 'USD'), row('Tokyo', 9_000_000, 'JPY'), row('None', null, 'EUR')];
    expect(sortRows(rows, 'value', 'desc', money).map((r) => r.name)).toEqual(['London', 'Boston', 'Paris', 'None', 'Tokyo']);
    expect(sortRows(rows, 'value', 'asc', money).map((r) => r.name)).toEqual(['Paris', 'Boston', 'London', 'None', 'Tokyo']);
    // without a converter, as before: the figures as they are
    expect(sortRows(rows, 'value', 'desc').map((r) => r.name)).toEqual(['Tokyo', 'Boston', 'Paris', 'London', 'None']);
  });
});
