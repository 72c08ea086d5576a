/**
 * The dashboard's model: what it reads, and every figure it shows for a period, a segment and an owner. Amounts over
 * several accounts (average CLV, revenue at risk, the ranking of today's actions) are in the reporting currency,
 * converted account by account; the accounts that could not be converted are counted, never summed 1:1 (#12).
 */
import type { Account, Score, Segment, SurveyResponse } from '../../schema';
import { getDb } from '../../db/db';
import {
  churnStats,
  nps,
  csat,
  ces,
  averageClv,
  revenueAtRisk,
  segmentSizes,
  monthlyTrends,
  canStillBeSaved,
  type AccountFilter,
  type ChurnStats,
  type MoneyTotal,
  type NpsResult,
  type MonthlySeries,
} from '../../scoring/kpi';
import type { Converter } from '../../currency/convert';

export const PERIODS = { month: 1, quarter: 3, year: 12 } as const;
export type PeriodKey = keyof typeof PERIODS;
const DAY = 86_400_000;

export interface DashboardData {
  accounts: Account[];
  surveys: SurveyResponse[];
  scores: Score[];
  segments: Segment[];
}

/** The live records the dashboard reads (a liveQuery re-runs it when any of them changes). */
export async function loadDashboardData(): Promise<DashboardData> {
  const db = getDb();
  const [accounts, surveys, scores, segments] = await Promise.all([db.accounts.toArray(), db.surveys.toArray(), db.scores.toArray(), db.segments.toArray()]);
  return {
    accounts: accounts.filter((a) => !a.deletedAt) as Account[],
    surveys: surveys.filter((s) => !s.deletedAt),
    scores,
    segments: segments.filter((s) => !s.deletedAt),
  };
}

export interface DashboardQuery {
  period: PeriodKey;
  /** Segment key, '' for all. */
  segment: string;
  /** Owner, '' for all. */
  owner: string;
}

export interface TopAction {
  accountId: string;
  action: Score['actions'][number];
  accountName: string | undefined;
  /** The account's own currency: each action's value is shown in it. */
  currency: string | undefined;
}

/** How the amounts were obtained, for the line that says so. */
export interface MoneyNote {
  currency: string;
  asOf: string;
  source: Converter['source'];
  /** Whether any amount was converted from another currency (false: all were already in `currency`). */
  converted: boolean;
  /** Accounts left out of the amounts: their currency has no rate. */
  leftOut: number;
  leftOutCurrencies: string[];
}

export interface DashboardViewModel {
  count: number;
  stats: ChurnStats;
  nps: NpsResult | null;
  csat: number | null;
  ces: number | null;
  clv: MoneyTotal & { average: number | null };
  risk: MoneyTotal;
  money: MoneyNote;
  sizes: { segment: string; count: number }[];
  allSegments: string[];
  owners: string[];
  trends: MonthlySeries;
  top: TopAction[];
  atRisk: { score: Score; account: Account }[];
}

export function dashboardView(data: DashboardData, q: DashboardQuery, now: Date, money: Converter): DashboardViewModel {
  const t = now.getTime();
  const scoreBy = new Map(data.scores.map((s) => [s.accountId, s]));
  const accountBy = new Map(data.accounts.map((a) => [a.id, a]));
  const filter: AccountFilter | undefined =
    q.segment || q.owner
      ? (id) => (!q.segment || !!scoreBy.get(id)?.segments.includes(q.segment)) && (!q.owner || accountBy.get(id)?.owner === q.owner)
      : undefined;
  const p = { from: t - PERIODS[q.period] * 30 * DAY, to: t + 1 };
  const currencyOf = (id: string) => accountBy.get(id)?.currency;

  const clv = averageClv(data.scores, currencyOf, money, filter);
  const risk = revenueAtRisk(data.accounts, data.scores, money, t, filter);
  const top = rankActions(data.scores, accountBy, money, filter).slice(0, 8);
  const leftOut = new Set([...clv.leftOut, ...risk.leftOut]);
  const leftOutCurrencies = [...new Set([...clv.leftOutCurrencies, ...risk.leftOutCurrencies])].sort();

  const atRisk = data.scores
    .filter((s) => s.churnProbability !== null && (!filter || filter(s.accountId)))
    .flatMap((s) => {
      const account = accountBy.get(s.accountId);
      return account && canStillBeSaved(account, s, t) ? [{ score: s, account }] : [];
    })
    .sort((x, y) => y.score.churnProbability! - x.score.churnProbability!)
    .slice(0, 5);

  return {
    count: filter ? data.accounts.filter((a) => filter(a.id)).length : data.accounts.length,
    stats: churnStats(data.accounts, p, filter),
    nps: nps(data.surveys, p, filter),
    csat: csat(data.surveys, p, filter),
    ces: ces(data.surveys, p, filter),
    clv,
    risk,
    money: {
      currency: money.currency,
      asOf: money.asOf,
      source: money.source,
      converted: clv.converted + risk.converted > 0,
      leftOut: leftOut.size,
      leftOutCurrencies,
    },
    sizes: segmentSizes(data.scores, filter),
    allSegments: segmentSizes(data.scores).map((s) => s.segment),
    owners: [...new Set(data.accounts.map((a) => a.owner).filter((o): o is string => !!o))].sort(),
    trends: monthlyTrends({ accounts: data.accounts, surveys: data.surveys }, now, 12, filter),
    top,
    atRisk,
  };
}

/**
 * Today's actions across accounts, best first: each by its ranking value (the day's Thompson draw; the expected
 * value in scores from before it) converted to the reporting currency, so a £ action and a € one compare. Actions
 * of accounts whose currency has no rate come after, in their own order.
 */
export function rankActions(scores: readonly Score[], accountBy: ReadonlyMap<string, Account>, money: Converter, filter?: AccountFilter): TopAction[] {
  const ranked: { item: TopAction; key: number | null }[] = [];
  for (const s of scores) {
    if (filter && !filter(s.accountId)) continue;
    const a = accountBy.get(s.accountId);
    for (const action of s.actions) {
      const value = action.sampledValue ?? action.expectedValue;
      ranked.push({ item: { accountId: s.accountId, action, accountName: a?.name, currency: a?.currency }, key: a ? money.convert(value, a.currency) : null });
    }
  }
  ranked.sort((x, y) => (x.key === null ? (y.key === null ? 0 : 1) : y.key === null ? -1 : y.key - x.key));
  return ranked.map((r) => r.item);
}
