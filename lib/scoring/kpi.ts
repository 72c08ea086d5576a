/**
 * Portfolio KPIs over a period, each computable on a filtered subset of accounts (segment, owner…):
 * churn and retention rates, NPS, CSAT, CES, average CLV, revenue at risk, segment sizes, and monthly series.
 */
import type { Score } from '../schema/score';
import type { SurveyLike } from './engagement';
import type { AccountLike } from './account';
import { ms } from './time';

export type AccountFilter = (accountId: string) => boolean;
type KpiAccount = Pick<AccountLike, 'id' | 'contractStart' | 'churnedAt' | 'annualValue' | 'createdAt'> & { deletedAt?: string | null };

export interface Period {
  /** Inclusive start (ms or ISO). */
  from: number | string;
  /** Exclusive end (ms or ISO). */
  to: number | string;
}

const startOf = (a: KpiAccount) => {
  const s = ms(a.contractStart);
  return Number.isNaN(s) ? ms(a.createdAt.slice(0, 24)) : s;
};

/** Accounts that had started before the period and had not churned before it. */
function activeAt(a: KpiAccount, at: number): boolean {
  const start = startOf(a);
  const churned = ms(a.churnedAt);
  return start < at && !(churned < at);
}

export interface ChurnStats {
  /** Active at the start of the period: the cohort both rates are measured on. */
  atStart: number;
  /** Of those, lost during the period. */
  churned: number;
  /** Of those, still active at the end (atStart − churned). */
  retained: number;
  /** Started during the period (not in the cohort, whether they stayed or left). */
  acquired: number;
  /** Active at the end of the period, new accounts included. */
  atEnd: number;
  /** churned / atStart; null when no account was active at the start. */
  churnRate: number | null;
  /**
   * retained / atStart = 1 − churnRate: the customer retention rate of the same cohort, in [0, 1]. The textbook
   * (atEnd − acquired) / atStart counted accounts won and lost within the period against it and could go negative
   * (#12); null when atStart = 0.
   */
  retentionRate: number | null;
}

export function churnStats(accounts: readonly KpiAccount[], period: Period, filter?: AccountFilter): ChurnStats {
  const from = ms(period.from),
    to = ms(period.to);
  let atStart = 0,
    churned = 0,
    acquired = 0,
    atEnd = 0;
  for (const a of accounts) {
    if (a.deletedAt || (filter && !filter(a.id))) continue;
    const start = startOf(a);
    const lost = ms(a.churnedAt);
    const wasActive = activeAt(a, from);
    if (wasActive) {
      atStart++;
      if (lost >= from && lost < to) churned++;
    }
    if (start >= from && start < to) acquired++;
    if (activeAt(a, to)) atEnd++;
  }
  const retained = atStart - churned;
  return {
    atStart,
    churned,
    retained,
    acquired,
    atEnd,
    churnRate: atStart ? churned / atStart : null,
    retentionRate: atStart ? retained / atStart : null,
  };
}

function responses(surveys: readonly SurveyLike[], kind: SurveyLike['kind'], period?: Period, filter?: AccountFilter): number[] {
  const from = period ? ms(period.from) : -Infinity,
    to = period ? ms(period.to) : Infinity;
  const out: number[] = [];
  for (const s of surveys) {
    if (s.kind !== kind) continue;
    if (filter && !(s.accountId && filter(s.accountId))) continue;
    const at = ms(s.respondedAt);
    if (at >= from && at < to) out.push(s.score);
  }
  return out;
}

export interface NpsResult {
  /** % promoters (9–10) − % detractors (0–6), from −100 to 100. */
  nps: number;
  promoters: number;
  passives: number;
  detractors: number;
  responses: number;
}

export function nps(surveys: readonly SurveyLike[], period?: Period, filter?: AccountFilter): NpsResult | null {
  const xs = responses(surveys, 'nps', period, filter);
  if (!xs.length) return null;
  const promoters = xs.filter((x) => x >= 9).length;
  const detractors = xs.filter((x) => x <= 6).length;
  return { nps: (100 * (promoters - detractors)) / xs.length, promoters, passives: xs.length - promoters - detractors, detractors, responses: xs.length };
}

/** % of CSAT answers that are 4 or 5 (of 5); null without answers. */
export function csat(surveys: readonly SurveyLike[], period?: Period, filter?: AccountFilter): number | null {
  const xs = responses(surveys, 'csat', period, filter);
  return xs.length ? (100 * xs.filter((x) => x >= 4).length) / xs.length : null;
}

/** Mean Customer Effort Score (1–7); null without answers. */
export function ces(surveys: readonly SurveyLike[], period?: Period, filter?: AccountFilter): number | null {
  const xs = responses(surveys, 'ces', period, filter);
  return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null;
}

/**
 * Amounts over several accounts are summed in one reporting currency: each account's amount is converted from its
 * own currency first (#12). `convert` returns null for a currency without a rate: that account is left out and
 * counted as such, never added 1:1.
 */
export interface MoneyContext {
  currency: string;
  convert: (amount: number, from: string) => number | null;
}

export interface MoneyTotal {
  /** Sum in the reporting currency over the accounts counted. */
  sum: number;
  currency: string;
  /** Accounts in the sum. */
  counted: number;
  /** Of those, accounts in another currency (converted). */
  converted: number;
  /** Accounts left out because their currency has no rate. */
  leftOut: string[];
  leftOutCurrencies: string[];
}

function tally(money: MoneyContext) {
  const total: MoneyTotal = { sum: 0, currency: money.currency, counted: 0, converted: 0, leftOut: [], leftOutCurrencies: [] };
  const missing = new Set<string>();
  return {
    add(accountId: string, amount: number, currency: string) {
      const v = money.convert(amount, currency);
      if (v === null || !Number.isFinite(v)) {
        total.leftOut.push(accountId);
        missing.add(currency);
        return;
      }
      total.sum += v;
      total.counted++;
      if (currency !== money.currency) total.converted++;
    },
    done(): MoneyTotal {
      total.leftOutCurrencies = [...missing].sort();
      return total;
    },
  };
}

/**
 * Mean CLV (in the reporting currency) over the accounts that have one; method 'none' (nothing to go on, or an
 * account already lost, scored 0) is left out, as is a value below zero (never a lifetime value); null when none has.
 */
export function averageClv(
  scores: readonly (Pick<Score, 'accountId' | 'clv'> & Partial<Pick<Score, 'clvMethod'>>)[],
  currencyOf: (accountId: string) => string | undefined,
  money: MoneyContext,
  filter?: AccountFilter,
): MoneyTotal & { average: number | null } {
  const t = tally(money);
  for (const s of scores) {
    if (s.clv === null || s.clvMethod === 'none' || !(s.clv >= 0) || (filter && !filter(s.accountId))) continue;
    const currency = currencyOf(s.accountId);
    if (currency !== undefined) t.add(s.accountId, s.clv, currency);
  }
  const total = t.done();
  return { ...total, average: total.counted ? total.sum / total.counted : null };
}

type RiskAccount = Pick<KpiAccount, 'id' | 'annualValue' | 'deletedAt' | 'churnedAt'> & Pick<AccountLike, 'currency' | 'lifecycleStage'>;

/**
 * Whether an account can still be saved: not churned — by its churn date, its stage, or the lifecycle the scoring
 * inferred (`lifecycle:churned`). Revenue already lost is not "at risk" (#12).
 */
export function canStillBeSaved(a: Pick<RiskAccount, 'churnedAt' | 'lifecycleStage'>, score: Pick<Score, 'segments'> | undefined, now: number): boolean {
  if (a.lifecycleStage === 'churned' || ms(a.churnedAt) <= now) return false;
  return !score?.segments.includes('lifecycle:churned');
}

/** Σ churn probability × annual value (in the reporting currency) over the accounts that can still be saved. */
export function revenueAtRisk(
  accounts: readonly RiskAccount[],
  scores: readonly Pick<Score, 'accountId' | 'churnProbability' | 'segments'>[],
  money: MoneyContext,
  now: number,
  filter?: AccountFilter,
): MoneyTotal {
  const by = new Map(scores.map((s) => [s.accountId, s]));
  const t = tally(money);
  for (const a of accounts) {
    if (a.deletedAt || a.annualValue === null || (filter && !filter(a.id))) continue;
    const s = by.get(a.id);
    if (!s || s.churnProbability === null || !canStillBeSaved(a, s, now)) continue;
    t.add(a.id, s.churnProbability * a.annualValue, a.currency);
  }
  return t.done();
}

/** Accounts per segment key, largest first. */
export function segmentSizes(scores: readonly Pick<Score, 'accountId' | 'segments'>[], filter?: AccountFilter): { segment: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const s of scores) {
    if (filter && !filter(s.accountId)) continue;
    for (const seg of s.segments) counts.set(seg, (counts.get(seg) ?? 0) + 1);
  }
  return [...counts].map(([segment, count]) => ({ segment, count })).sort((a, b) => b.count - a.count || a.segment.localeCompare(b.segment));
}

/** Calendar months (UTC) ending with the month of `now`: [{key: 'YYYY-MM', from, to}] oldest first. */
export function lastMonths(now: Date, count: number): { key: string; from: number; to: number }[] {
  const out: { key: string; from: number; to: number }[] = [];
  const y = now.getUTCFullYear(),
    m = now.getUTCMonth();
  for (let k = count - 1; k >= 0; k--) {
    const from = Date.UTC(y, m - k, 1);
    const to = Date.UTC(y, m - k + 1, 1);
    out.push({ key: new Date(from).toISOString().slice(0, 7), from, to });
  }
  return out;
}

export interface MonthlySeries {
  /** 'YYYY-MM' labels, oldest first. */
  months: string[];
  /** null where there is no data that month (the chart leaves a gap). */
  nps: (number | null)[];
  csat: (number | null)[];
  ces: (number | null)[];
  churnRate: (number | null)[];
  retentionRate: (number | null)[];
  activeAccounts: number[];
}

export function monthlyTrends(
  input: { accounts: readonly KpiAccount[]; surveys: readonly SurveyLike[] },
  now: Date,
  months = 12,
  filter?: AccountFilter,
): MonthlySeries {
  const ms_ = lastMonths(now, months);
  const out: MonthlySeries = { months: [], nps: [], csat: [], ces: [], churnRate: [], retentionRate: [], activeAccounts: [] };
  for (const m of ms_) {
    const period = { from: m.from, to: m.to };
    const c = churnStats(input.accounts, period, filter);
    out.months.push(m.key);
    out.nps.push(nps(input.surveys, period, filter)?.nps ?? null);
    out.csat.push(csat(input.surveys, period, filter));
    out.ces.push(ces(input.surveys, period, filter));
    out.churnRate.push(c.churnRate);
    out.retentionRate.push(c.retentionRate);
    out.activeAccounts.push(c.atEnd);
  }
  return out;
}

/** A filter from account facts (e.g. a segment or an owner) for every KPI above. */
export function filterBy<F>(facts: ReadonlyMap<string, F>, predicate: (f: F) => boolean): AccountFilter {
  return (id) => {
    const f = facts.get(id);
    return f !== undefined && predicate(f);
  };
}
