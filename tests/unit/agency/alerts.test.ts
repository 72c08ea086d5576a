import { describe, it, expect } from 'vitest';
import { assessAgencyAccount, type PlanLike } from '../../../lib/agency/alerts';
import { agencyCandidates, alertReason, alertSeverity } from '../../../lib/agency/actions';
import { addDays } from '../../../lib/agency/dates';
import type { StatRow } from '../../../lib/agency/series';
import { nextBestActions, learnSuccessRates, type NbaContext, type ContactLike } from '../../../lib/scoring/nba';
import { scorePortfolio, type AccountLike } from '../../../lib/portfolio/score';
import { describeReason } from '../../../lib/panel/view/scoring-labels';
import { translate } from '../../../lib/i18n';
import type { AccountFacts } from '../../../lib/scoring/rules';
import { rng } from './synthetic';

const TODAY = new Date('2026-11-03T09:00:00Z');

/** 120 days of daily rows to 2 Nov; from `dropFrom` on, conversions (and their value) fall to `factor`. */
function history(opts: { dropFrom?: string; factor?: number; spendPerDay?: number; valuePerConv?: number } = {}): StatRow[] {
  const r = rng(7);
  const out: StatRow[] = [];
  for (let i = 0; i < 120; i++) {
    const date = addDays('2026-11-02', -119 + i);
    const f = opts.dropFrom && date >= opts.dropFrom ? (opts.factor ?? 0.4) : 1;
    const conv = Math.round((18 + 6 * r()) * f);
    out.push({
      period: 'day',
      date,
      endDate: date,
      channel: 'google_ads',
      campaign: 'Brand',
      campaignId: '111',
      spend: (opts.spendPerDay ?? 100) * (0.9 + 0.2 * r()),
      impressions: 8000,
      clicks: 300,
      conversions: conv,
      conversionValue: conv * (opts.valuePerConv ?? 30) * (0.9 + 0.2 * r()),
      currency: 'EUR',
    });
  }
  return out;
}

const plan = (o: Partial<PlanLike> = {}): PlanLike => ({ targets: [], monthlyBudget: null, pacingTolerance: 0.1, currency: 'EUR', ...o });

describe('agency alerts', () => {
  it('a steady account raises nothing', () => {
    const a = assessAgencyAccount({
      rows: history(),
      plan: plan({ targets: [{ metric: 'roas', op: 'min', value: 4 }], monthlyBudget: 3100 }),
      accountCurrency: 'EUR',
      today: TODAY,
    });
    expect(a.asOf).toBe('2026-11-02');
    expect(a.alerts).toEqual([]);
  });

  it('a drop in the last week is flagged against the account’s own variation', () => {
    const a = assessAgencyAccount({ rows: history({ dropFrom: '2026-10-27' }), plan: null, accountCurrency: 'EUR', today: TODAY });
    const drop = a.alerts.find((x) => x.kind === 'drop' && x.metric === 'conversions');
    expect(drop).toMatchObject({ kind: 'drop', granularity: 'days', to: '2026-11-02' });
    expect(drop && drop.kind === 'drop' && drop.change).toBeLessThan(-0.3);
  });

  it('a target missed two finished months in a row (not just one)', () => {
    // ROAS ≈ 6 (30 per conversion × 21 / 100): a target of 8 is missed every month, one of 5 never.
    const rows = history();
    const a = assessAgencyAccount({
      rows,
      plan: plan({
        targets: [
          { metric: 'roas', op: 'min', value: 8 },
          { metric: 'roas', op: 'min', value: 5 },
        ],
      }),
      accountCurrency: 'EUR',
      today: TODAY,
    });
    const missed = a.alerts.filter((x) => x.kind === 'target_missed');
    expect(missed).toHaveLength(1);
    expect(missed[0]).toMatchObject({ metric: 'roas', target: 8, months: ['2026-09', '2026-10'] });
    // October alone under target: not yet two periods
    const oct = history({ dropFrom: '2026-10-01', factor: 0.6 });
    const b = assessAgencyAccount({ rows: oct, plan: plan({ targets: [{ metric: 'roas', op: 'min', value: 5 }] }), accountCurrency: 'EUR', today: TODAY });
    expect(b.alerts.filter((x) => x.kind === 'target_missed')).toEqual([]);
  });

  it('spend pacing off budget, as of the last day with figures', () => {
    const a = assessAgencyAccount({ rows: history(), plan: plan({ monthlyBudget: 2000 }), accountCurrency: 'EUR', today: TODAY });
    // 2 November is too early in the month to project; October, finished, spent ~3 100 for 2 000
    expect(a.alerts).toEqual([]);
    const rows = history().filter((r) => r.date <= '2026-10-20');
    const b = assessAgencyAccount({ rows, plan: plan({ monthlyBudget: 2000 }), accountCurrency: 'EUR', today: new Date('2026-10-21T08:00:00Z') });
    expect(b.alerts).toEqual([expect.objectContaining({ kind: 'pacing', direction: 'over', month: '2026-10', complete: false })]);
  });

  it('stale figures raise nothing; figures in another currency than the plan are judged in their own', () => {
    expect(
      assessAgencyAccount({ rows: history({ dropFrom: '2026-10-27' }), plan: null, accountCurrency: 'EUR', today: new Date('2027-03-01T00:00:00Z') }).alerts,
    ).toEqual([]);
    const usd = history().map((r) => ({ ...r, currency: 'USD' }));
    expect(assessAgencyAccount({ rows: usd, plan: plan(), accountCurrency: 'EUR', today: TODAY }).currency).toBe('USD');
  });
});

const ALL = ['sales', 'marketing', 'support', 'surveys', 'account_management'].map((purpose) => ({
  purpose,
  lawfulBasis: 'consent',
  grantedAt: '2025-01-01T00:00:00.000Z',
  source: 'form',
  withdrawnAt: null,
})) as ContactLike['consent'];
const facts = {
  id: 'a1',
  name: 'Client',
  tier: 'key',
  lifecycle: 'active',
  lifecycleStage: 'active',
  owner: null,
  industry: null,
  size: null,
  tags: [],
  annualValue: 24000,
  currency: 'EUR',
  churnProbability: 0.1,
  clv: null,
  valueTier: null,
  rfmR: 3,
  rfmF: 3,
  rfmM: 3,
  rfmLabel: 'promising',
  daysSinceLastInteraction: 5,
  lastInteractionAt: null,
  daysSinceLastOrder: null,
  lastOrderAt: null,
  orderCount: 0,
  interactionsLast90d: 2,
  openTickets: 0,
  lastNps: null,
  lastCsat: null,
  daysToRenewal: null,
  renewalDate: null,
  contractStart: null,
  churnedAt: null,
  segments: [],
  custom: {},
} as AccountFacts;

describe('agency alerts as next best actions', () => {
  const alerts = assessAgencyAccount({
    rows: history({ dropFrom: '2026-10-27' }).filter((r) => r.date <= '2026-10-31'),
    plan: plan({ targets: [{ metric: 'roas', op: 'min', value: 8 }], monthlyBudget: 2000 }),
    accountCurrency: 'EUR',
    today: TODAY,
  }).alerts;
  const ctx = (contacts: ContactLike[]): NbaContext => ({
    now: TODAY,
    facts,
    contacts,
    lastNpsByContact: new Map(),
    lastNpsAt: TODAY.getTime(),
    startedAt: NaN,
    feedback: [],
    tasks: [],
    rates: learnSuccessRates([]),
    accountValue: 24000,
    agency: { alerts, currency: 'EUR' },
    settings: { renewalLeadDays: 60, npsIntervalDays: 90, dismissDays: 30, birthdayLeadDays: 7, promoterMaxAgeDays: 180, maxActions: 5 },
  });
  const claire: ContactLike = {
    id: 'c1',
    firstName: 'Claire',
    lastName: 'Martin',
    emails: ['claire@client.fr'],
    birthday: null,
    consent: ALL,
    doNotContact: false,
  };

  it('the three kinds of alert become the review, the budget shift and the investigation, ranked like every action (by the sampled value of the day)', () => {
    expect(new Set(alerts.map((a) => a.kind))).toEqual(new Set(['drop', 'target_missed', 'pacing']));
    const acts = nextBestActions(ctx([claire]));
    const types = acts.map((a) => a.type);
    expect(types).toEqual(expect.arrayContaining(['performance_review', 'budget_shift', 'investigate_drop']));
    for (let i = 1; i < acts.length; i++) expect(acts[i - 1]!.sampledValue).toBeGreaterThanOrEqual(acts[i]!.sampledValue);
    const review = acts.find((a) => a.type === 'performance_review')!;
    expect(review.contactId).toBe('c1');
    expect(review.reason.key).toBe('agency_target_roas');
    expect(review.valueAtStake).toBeGreaterThan(0);
    expect(acts.find((a) => a.type === 'investigate_drop')!.contactId).toBeNull();
  });

  it('do-not-contact and withdrawn consent hold back the client e-mails, not the internal investigation', () => {
    const dnc = nextBestActions(ctx([{ ...claire, doNotContact: true }])).map((a) => a.type);
    expect(dnc).toContain('investigate_drop');
    expect(dnc).not.toContain('performance_review');
    expect(dnc).not.toContain('budget_shift');
    const withdrawn = ALL.map((c) => (c.purpose === 'account_management' ? { ...c, withdrawnAt: '2026-10-01T00:00:00.000Z' } : c));
    expect(nextBestActions(ctx([{ ...claire, consent: withdrawn }])).map((a) => a.type)).not.toContain('performance_review');
  });

  it('reasons read in both languages with their figures', () => {
    for (const a of alerts) {
      const reason = alertReason(a, 'EUR');
      for (const lang of ['en', 'fr'] as const) {
        const text = describeReason(reason, lang);
        expect(text).not.toMatch(/\{|\}|agency_/);
        expect(text.length).toBeGreaterThan(10);
      }
      expect(alertSeverity(a)).toBeGreaterThan(0);
      expect(alertSeverity(a)).toBeLessThanOrEqual(1);
    }
    expect(translate('fr', 'scoring.action.performance_review')).toBe('Planifier une revue de performance');
    expect(agencyCandidates(alerts, 0, 'EUR').every((c) => c.value === 0)).toBe(true);
  });

  it('the portfolio scoring carries the alerts and the actions of an agency account', () => {
    const account = {
      id: '0190a0a0-0000-7000-8000-00000000000a',
      name: 'Client',
      tier: 'key',
      lifecycleStage: 'active',
      owner: null,
      industry: null,
      tags: [],
      annualValue: 24000,
      currency: 'EUR',
      contractStart: '2024-01-01',
      renewalDate: null,
      churnedAt: null,
      createdAt: '2024-01-01T00:00:00.000Z-0000-n1',
    } as AccountLike;
    const rows = history({ dropFrom: '2026-10-27' }).map((r) => ({ ...r, accountId: account.id }));
    const [score] = scorePortfolio(
      {
        accounts: [account],
        contacts: [{ ...claire, accountId: account.id }],
        interactions: [],
        orders: [],
        surveys: [],
        tasks: [],
        feedback: [],
        segments: [],
        campaignStats: rows,
        agencyPlans: [{ accountId: account.id, ...plan({ targets: [{ metric: 'roas', op: 'min', value: 8 }] }) }],
      },
      TODAY,
    );
    expect(score!.agency?.alerts.map((a) => a.kind)).toEqual(expect.arrayContaining(['drop', 'target_missed']));
    expect(score!.actions.map((a) => a.type)).toEqual(expect.arrayContaining(['investigate_drop']));
    // an account without campaign figures carries no agency block
    const [plain] = scorePortfolio(
      { accounts: [account], contacts: [], interactions: [], orders: [], surveys: [], tasks: [], feedback: [], segments: [] },
      TODAY,
    );
    expect(plain!.agency).toBeUndefined();
  });
});
