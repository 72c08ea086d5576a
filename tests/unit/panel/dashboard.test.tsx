/**
 * The dashboard of a portfolio in €, £ and $ (#12): totals converted account by account into the reporting currency,
 * said so with the rates' date; an account in a currency without a rate left out and counted.
 */
import { describe, expect, it, afterEach, vi } from 'vitest';
import { render } from 'preact';
import { insert, getDb } from '../../../lib/db';
import type { Score } from '../../../lib/schema';
import { makeConverter, REFERENCE_TABLE } from '../../../lib/currency/convert';
import { dashboardView, loadDashboardData, rankActions } from '../../../lib/panel/queries/dashboard';
import { saveReportingSettings, stopWatchingReporting } from '../../../lib/panel/models/reporting';
import { langSetting } from '../../../lib/i18n';
import { DashboardView } from '../../../components/DashboardView';

// A chart that draws nothing but can be resized and destroyed like uPlot (the effect's cleanup calls both).
vi.mock('uplot', () => ({
  default: class {
    setSize() {}
    destroy() {}
  },
}));

const NOW = new Date();
const score = (accountId: string, over: Partial<Score>): Score => ({
  accountId,
  churnProbability: null,
  churnModel: 'health',
  reasons: [],
  clv: null,
  clvMethod: 'annual_value',
  segments: ['lifecycle:active'],
  actions: [],
  computedAt: NOW.toISOString(),
  ...over,
});
const action = (expectedValue: number, sampledValue: number) => ({
  type: 'call_at_risk',
  contactId: null,
  expectedValue,
  sampledValue,
  probability: 0.4,
  reason: { key: 'churn_risk_high', weight: expectedValue },
});

/** Four accounts: Paris in €, London in £, Boston in $, Tokyo in ¥ (no rate in the table below), and a lost one. */
async function portfolio() {
  const paris = await insert('accounts', { name: 'Paris SA', currency: 'EUR', annualValue: 10_000 });
  const london = await insert('accounts', { name: 'London Ltd', currency: 'GBP', annualValue: 8_683 });
  const boston = await insert('accounts', { name: 'Boston Inc', currency: 'USD', annualValue: 11_611 });
  const tokyo = await insert('accounts', { name: 'Tokyo KK', currency: 'JPY', annualValue: 1_774_000 });
  const lost = await insert('accounts', { name: 'Gone GmbH', currency: 'EUR', annualValue: 50_000, lifecycleStage: 'churned', churnedAt: '2025-01-15' });
  await getDb().scores.bulkPut([
    score(paris.id, { churnProbability: 0.5, clv: 20_000, actions: [action(2_000, 1_500)] }),
    score(london.id, { churnProbability: 0.2, clv: 17_366, actions: [action(1_737, 1_737)] }), // 1 737 £ = 2 000 €
    score(boston.id, { churnProbability: 0.1, clv: 23_222, actions: [action(2_322, 2_322)] }), // 2 322 $ = 2 000 €
    score(tokyo.id, { churnProbability: 0.9, clv: 3_548_000, actions: [action(100_000, 100_000)] }),
    score(lost.id, { churnProbability: 1, clv: 0, clvMethod: 'none', segments: ['lifecycle:churned'] }),
  ]);
  return { paris, london, boston, tokyo, lost };
}

// the ECB rates of 2025-10-09 without JPY: 1 EUR = 0.8683 GBP = 1.1611 USD
const { JPY: _jpy, ...noYen } = REFERENCE_TABLE.perEur;
const TABLE = { ...REFERENCE_TABLE, perEur: noYen };

describe('dashboard of a portfolio in three currencies', () => {
  it('converts every total into the reporting currency, and says what it left out', async () => {
    const ids = await portfolio();
    const data = await loadDashboardData();
    const q = { period: 'quarter' as const, segment: '', owner: '' };
    const v = dashboardView(data, q, NOW, makeConverter('EUR', TABLE));
    // revenue at risk: 0.5 × 10 000 € + 0.2 × 8 683 £ (= 10 000 €) + 0.1 × 11 611 $ (= 10 000 €) = 8 000 €;
    // the lost account's 50 000 € is not at risk any more; Tokyo has no rate
    expect(v.risk.sum).toBeCloseTo(8_000, 6);
    expect(v.risk).toMatchObject({ currency: 'EUR', counted: 3, converted: 2, leftOut: [ids.tokyo.id], leftOutCurrencies: ['JPY'] });
    // average CLV over Paris, London and Boston (20 000 € each); the lost account (method 'none') and Tokyo left out
    expect(v.clv.average).toBeCloseTo(20_000, 6);
    expect(v.money).toEqual({ currency: 'EUR', asOf: '2025-10-09', source: 'ecb', converted: true, leftOut: 1, leftOutCurrencies: ['JPY'] });
    // the same in £ and in $
    const gbp = dashboardView(data, q, NOW, makeConverter('GBP', TABLE));
    expect(gbp.risk.sum).toBeCloseTo(8_000 * 0.8683, 6);
    expect(gbp.clv.average).toBeCloseTo(20_000 * 0.8683, 6);
    const usd = dashboardView(data, q, NOW, makeConverter('USD', TABLE));
    expect(usd.risk.sum).toBeCloseTo(8_000 * 1.1611, 6);
    // the riskiest accounts list leaves the lost one out too
    expect(v.atRisk.map((x) => x.account.name)).toEqual(['Tokyo KK', 'Paris SA', 'London Ltd', 'Boston Inc']);
  });

  it('ranks today’s actions across currencies by converted value, unconvertible ones last', async () => {
    const ids = await portfolio();
    const data = await loadDashboardData();
    const byId = new Map(data.accounts.map((a) => [a.id, a]));
    const top = rankActions(data.scores, byId, makeConverter('EUR', TABLE));
    // London's 1 737 £ (2 000.46 €) and Boston's 2 322 $ (1 999.83 €) come before Paris's 1 500 €; Tokyo's ¥ cannot be
    // compared (without conversion its 100 000 would have come first)
    expect(top.map((x) => x.accountId)).toEqual([ids.london.id, ids.boston.id, ids.paris.id, ids.tokyo.id]);
    // each action's value stays in its account's currency
    expect(top.find((x) => x.accountId === ids.london.id)!.currency).toBe('GBP');
  });
});

describe('DashboardView', () => {
  const host = document.createElement('div');
  afterEach(() => {
    render(null, host);
    stopWatchingReporting();
    langSetting.value = null;
  });
  const until = async (check: () => boolean, ms = 5000) => {
    const t0 = Date.now();
    while (!check()) {
      if (Date.now() - t0 > ms) throw new Error(`timed out: ${host.textContent?.slice(0, 300)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  it('shows converted totals and the line that says at which rates', async () => {
    await portfolio();
    langSetting.value = 'en';
    await saveReportingSettings({ currency: 'EUR', rates: { asOf: '2025-10-09', source: 'user', perEur: noYen } });
    document.body.append(host);
    render(<DashboardView />, host);
    const text = (id: string) => host.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
    await until(() => text('money-note').includes('converted'));
    expect(text('kpi-risk').replace(/\D/g, '')).toBe('8000');
    expect(text('kpi-clv').replace(/\D/g, '')).toBe('20000');
    expect(text('kpi-risk')).toContain('€');
    expect(text('money-note')).toMatch(/Amounts converted to EUR at your exchange rates of .*2025/);
    expect(text('money-left-out')).toContain('(JPY): 1.');
    // in French
    langSetting.value = 'fr';
    await until(() => text('money-note').includes('convertis'));
    expect(text('money-note')).toMatch(/Montants convertis en EUR à vos taux de change du .*2025/);
  });
});
