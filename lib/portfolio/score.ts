import { CHURNED_REASON_KEY } from '../scoring/reasons';
/**
 * Scores a whole portfolio: churn probability (BG/NBD on the portfolio's own order history when enough accounts
 * have orders, the engagement health model otherwise), CLV, segments and ranked next-best-actions per account.
 * Pure: plain arrays in, Score[] out; all grouping is done once (O(n log n) overall).
 */
import type { RuleGroup } from '../schema/segment';
import type { Score } from '../schema/score';
import { fitBgNbd, pAlive, type BgNbdFit, type BgNbdParams, type BgNbdRow } from '../scoring/bgnbd';
import { fitGammaGamma, type GammaGammaFit } from '../scoring/gammagamma';
import { clvFromAnnualValue, clvFromModels, DEFAULT_CLV_SETTINGS, type ClvResult, type ClvSettings } from '../scoring/clv';
import {
  DEFAULT_HEALTH_MODEL,
  ENGAGEMENT_TRAIN_OPTIONS,
  engagementFeatures,
  modelFeatures,
  type InteractionLike,
  type OrderLike,
  type SurveyLike,
} from '../scoring/engagement';
import { predictChurn, shouldRetrain, trainHealthModel, type ChurnReason, type FeatureRecord, type HealthModel } from '../scoring/health';
import { DEFAULT_LIFECYCLE_THRESHOLDS, lifecycleStage, valueTier, valueTierCuts, type LifecycleThresholds, type ValueTierCuts } from '../scoring/lifecycle';
import {
  learnSuccessRates,
  nextBestActions,
  DEFAULT_NBA_SETTINGS,
  type ContactLike,
  type FeedbackLike,
  type NbaSettings,
  type SuccessRates,
  type TaskLike,
} from '../scoring/nba';
import { rfmLabel, type RfmScore } from '../scoring/rfm';
import { segmentsFor, type AccountFacts } from '../scoring/rules';
import { DAY_MS, ms, WEEK_MS } from '../scoring/time';
import type { LoyaltyRules } from '../schema/loyalty';
import { accountStanding, type LoyaltyStatus } from '../loyalty/status';
import type { RateTable } from '../currency/convert';
import { workflowProposals, type WorkflowProposal } from '../lifecycle/workflows';
import type { WorkflowSettings } from '../lifecycle/settings';
import { assessAgencyAccount, type PlanLike } from '../agency/alerts';
import type { StatRow } from '../agency/series';

/** Agency accounts' campaign figures and plan (lib/agency): optional, most accounts have none. */
type AgencyStat = StatRow & { accountId: string };
type AgencyPlanRow = PlanLike & { accountId: string; updatedAt?: string; deletedAt?: string | null };

import type { AccountLike } from '../scoring/account';
export type { AccountLike };
type Live = { deletedAt?: string | null };
type WithAccount = { accountId?: string | null };

export interface PortfolioInput {
  accounts: readonly AccountLike[];
  contacts: readonly (ContactLike & WithAccount & Live)[];
  interactions: readonly (InteractionLike & WithAccount & Live)[];
  orders: readonly (OrderLike & WithAccount & Live)[];
  surveys: readonly (SurveyLike & WithAccount & Live)[];
  tasks: readonly (TaskLike & WithAccount & Live)[];
  feedback: readonly (FeedbackLike & WithAccount & Live)[];
  segments: readonly { id: string; rule: RuleGroup; deletedAt?: string | null }[];
  /** Referrals (lib/schema/loyalty): each counts for its referrer's account. */
  referrals?: readonly (ReferralLike & Live)[];
  /** The lifecycle workflows' ledger: keys already scheduled, accepted or dismissed. */
  workflowRuns?: readonly (RunLike & Live)[];
  /** The loyalty programme's rules; null or absent = no programme. */
  loyalty?: LoyaltyRules | null;
  campaignStats?: readonly (AgencyStat & Live)[];
  agencyPlans?: readonly AgencyPlanRow[];
}

export interface ReferralLike {
  id?: string;
  referrerAccountId?: string | null;
  referrerContactId?: string | null;
  referredAt: string;
}
export interface RunLike {
  key: string;
  accountId?: string | null;
  contactId?: string | null;
}

export interface ScoringSettings {
  clv: ClvSettings;
  lifecycle: LifecycleThresholds;
  nba: NbaSettings;
  /** Accounts with orders needed before BG/NBD is fitted on the portfolio. */
  minAccountsForBgNbd: number;
  /** Accounts with repeat purchases needed for Gamma-Gamma. */
  minAccountsForGammaGamma: number;
  /** BG/NBD and Gamma-Gamma are fitted on at most this many accounts (a deterministic subsample), which keeps the fit fast. */
  maxFitRows: number;
  /** A user-trained health model; otherwise the portfolio's labels train one when there are enough, else the default. */
  healthModel: HealthModel | null;
  /** Parameters of the previous fit: the new fit starts there (fewer iterations); null = cold start. */
  warmStart: BgNbdParams | null;
  /**
   * Fitted models to reuse instead of refitting (BG/NBD, Gamma-Gamma, health model), e.g. refit once a day and
   * rescore with these in between; RFM references, success rates and value cuts are still recomputed.
   */
  reuseModels: Pick<PortfolioModels, 'bgnbd' | 'gammaGamma' | 'health' | 'healthSource'> | null;
  /**
   * The user's lifecycle workflows (lib/lifecycle): their proposals join the next-best-actions and the built-in
   * welcome, birthday and dormant triggers stand down. null = no workflows (the built-in triggers).
   */
  workflows: WorkflowSettings | null;
  /** Exchange rates for loyalty points on orders in another currency than the programme's; null = the reference table. */
  loyaltyRates: RateTable | null;
}
export const DEFAULT_SCORING_SETTINGS: ScoringSettings = {
  clv: DEFAULT_CLV_SETTINGS,
  lifecycle: DEFAULT_LIFECYCLE_THRESHOLDS,
  nba: DEFAULT_NBA_SETTINGS,
  minAccountsForBgNbd: 30,
  minAccountsForGammaGamma: 20,
  maxFitRows: 2000,
  healthModel: null,
  warmStart: null,
  reuseModels: null,
  workflows: null,
  loyaltyRates: null,
};

/** What scoreAccount needs to rescore one account without refitting. */
export interface PortfolioModels {
  bgnbd: BgNbdFit | null;
  gammaGamma: GammaGammaFit | null;
  health: HealthModel;
  healthSource: 'default' | 'user' | 'portfolio';
  rates: SuccessRates;
  valueCuts: ValueTierCuts | null;
  /** Sorted reference values for RFM quintiles, per basis. */
  rfmReference: { orders: RfmReference; interactions: RfmReference };
  /** Fallback annual value (portfolio median) for accounts with none, for action values. */
  medianAnnualValue: number;
}
interface RfmReference {
  recency: Float64Array;
  frequency: Float64Array;
  monetary: Float64Array;
}

export interface AccountRecords {
  contacts: PortfolioInput['contacts'][number][];
  interactions: PortfolioInput['interactions'][number][];
  orders: PortfolioInput['orders'][number][];
  surveys: PortfolioInput['surveys'][number][];
  tasks: PortfolioInput['tasks'][number][];
  feedback: PortfolioInput['feedback'][number][];
  /** Referrals this account made (as the referrer). */
  referralsMade?: ReferralLike[];
  /** Ledger entries of the workflows about this account or its contacts. */
  workflowRuns?: RunLike[];
  campaignStats?: AgencyStat[];
  agencyPlan?: AgencyPlanRow | null;
}

const emptyRecords = (): AccountRecords => ({
  contacts: [],
  interactions: [],
  orders: [],
  surveys: [],
  tasks: [],
  feedback: [],
  referralsMade: [],
  workflowRuns: [],
});
const alive = <T extends Live>(r: T) => !r.deletedAt;

/** Groups every record by account once; interactions without an account follow their first contact's account. */
export function groupByAccount(input: PortfolioInput): Map<string, AccountRecords> {
  const by = new Map<string, AccountRecords>();
  for (const a of input.accounts) if (alive(a)) by.set(a.id, emptyRecords());
  const contactAccount = new Map<string, string>();
  for (const c of input.contacts) {
    if (!alive(c) || !c.accountId) continue;
    contactAccount.set(c.id, c.accountId);
    by.get(c.accountId)?.contacts.push(c);
  }
  for (const i of input.interactions) {
    if (!alive(i)) continue;
    const acc = i.accountId ?? (i.contactIds?.length ? contactAccount.get(i.contactIds[0]!) : undefined);
    if (acc) by.get(acc)?.interactions.push(i);
  }
  const push = <K extends 'orders' | 'surveys' | 'tasks' | 'feedback'>(
    key: K,
    rows: readonly (AccountRecords[K][number] & { contactId?: string | null })[],
  ) => {
    for (const r of rows) {
      if (!alive(r)) continue;
      const acc = r.accountId ?? (r.contactId ? contactAccount.get(r.contactId) : undefined);
      if (acc) (by.get(acc)?.[key] as AccountRecords[K][number][] | undefined)?.push(r);
    }
  };
  push('orders', input.orders);
  push('surveys', input.surveys);
  push('tasks', input.tasks);
  push('feedback', input.feedback);
  for (const r of input.referrals ?? []) {
    if (!alive(r)) continue;
    const acc = r.referrerAccountId ?? (r.referrerContactId ? contactAccount.get(r.referrerContactId) : undefined);
    if (acc) by.get(acc)?.referralsMade?.push(r);
  }
  for (const r of input.workflowRuns ?? []) {
    if (!alive(r)) continue;
    const acc = r.accountId ?? (r.contactId ? contactAccount.get(r.contactId) : undefined);
    if (acc) by.get(acc)?.workflowRuns?.push(r);
  }
  for (const r of input.campaignStats ?? []) {
    if (!alive(r)) continue;
    const rec = by.get(r.accountId);
    if (rec) (rec.campaignStats ??= []).push(r);
  }
  for (const plan of input.agencyPlans ?? []) {
    const rec = by.get(plan.accountId);
    if (!rec || !alive(plan)) continue;
    if (!rec.agencyPlan || (plan.updatedAt ?? '') > (rec.agencyPlan.updatedAt ?? '')) rec.agencyPlan = plan;
  }
  return by;
}

interface OrderSummary {
  /** BG/NBD history in weeks: repeat purchase days, age at last, age now. */
  row: BgNbdRow;
  /** Mean value of the repeat purchase days (lifetimes' monetary_value), 0 without repeats. */
  monetaryValue: number;
  firstAt: number;
  lastAt: number;
  count: number;
  total: number;
  last12Months: number;
}

/** Orders up to `now` merged per UTC day (as lifetimes does); null when no positive purchase day. */
export function summariseOrders(orders: readonly OrderLike[], now: Date): OrderSummary | null {
  const t = now.getTime();
  const n = orders.length;
  if (n === 0) return null;
  const dayOf = new Float64Array(n);
  const amount = new Float64Array(n);
  let k = 0;
  let last12Months = 0;
  for (const o of orders) {
    const at = ms(o.occurredAt);
    if (!(at <= t)) continue;
    dayOf[k] = Math.floor(at / DAY_MS);
    amount[k++] = o.amount;
    if (t - at <= 365 * DAY_MS) last12Months += o.amount;
  }
  const idx = Array.from({ length: k }, (_, i) => i).sort((i, j) => dayOf[i]! - dayOf[j]!);
  // merge same-day orders, keep the days with a positive total
  const days: number[] = [];
  const sums: number[] = [];
  for (let i = 0; i < k; ) {
    const day = dayOf[idx[i]!]!;
    let sum = 0;
    while (i < k && dayOf[idx[i]!] === day) sum += amount[idx[i++]!]!;
    if (sum > 0) {
      days.push(day);
      sums.push(sum);
    }
  }
  if (days.length === 0) return null;
  const first = days[0]!;
  const last = days[days.length - 1]!;
  const nowDay = Math.floor(t / DAY_MS);
  let total = 0;
  for (const v of sums) total += v;
  const repeats = days.length - 1;
  return {
    row: { frequency: repeats, recency: (last - first) / 7, T: Math.max(nowDay - first, 1) / 7 },
    monetaryValue: repeats ? (total - sums[0]!) / repeats : 0,
    firstAt: first * DAY_MS,
    lastAt: last * DAY_MS,
    count: days.length,
    total,
    last12Months: Math.max(0, last12Months),
  };
}

const hlcIso = (hlc: string) => hlc.slice(0, 24);

interface Prepared {
  account: AccountLike;
  records: AccountRecords;
  orders: OrderSummary | null;
  /** Engagement features at `now`, computed once (each timestamp parsed once). */
  features: FeatureRecord;
  lastContactAt: number;
  contacts365: number;
}

function prepare(account: AccountLike, records: AccountRecords, now: Date): Prepared {
  const features = engagementFeatures(
    { renewalDate: account.renewalDate, interactions: records.interactions, orders: records.orders, surveys: records.surveys },
    now,
  );
  const last = features.last_contact_at;
  return {
    account,
    records,
    orders: summariseOrders(records.orders, now),
    features,
    lastContactAt: typeof last === 'number' ? last : NaN,
    contacts365: Number(features.interactions_last_365d ?? 0),
  };
}

function sortedRef(values: number[]): Float64Array {
  return Float64Array.from(values).sort();
}
function lowerBound(a: Float64Array, v: number): number {
  let lo = 0,
    hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function upperBound(a: Float64Array, v: number): number {
  let lo = 0,
    hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
/** Same mid-rank quintile as rfm.quintileScores, against a sorted reference (a value not in it counts as one more). */
function quintileAgainst(ref: Float64Array, v: number): number {
  if (ref.length === 0) return 3;
  const below = lowerBound(ref, v);
  const equal = upperBound(ref, v) - below;
  const p = (below + Math.max(equal, 1) / 2) / ref.length;
  return Math.min(5, 1 + Math.floor(p * 5));
}

function rfmInputs(p: Prepared, now: Date): { basis: 'orders' | 'interactions'; recency: number; frequency: number; monetary: number; never: boolean } {
  const t = now.getTime();
  if (p.orders) return { basis: 'orders', recency: -(t - p.orders.lastAt) / DAY_MS, frequency: p.orders.count, monetary: p.orders.total, never: false };
  const never = Number.isNaN(p.lastContactAt);
  return {
    basis: 'interactions',
    recency: never ? -Number.MAX_SAFE_INTEGER : -Math.floor((t - p.lastContactAt) / DAY_MS),
    frequency: p.contacts365,
    monetary: p.account.annualValue ?? 0,
    never,
  };
}

function rfmFor(p: Prepared, ref: PortfolioModels['rfmReference'], now: Date): RfmScore {
  const x = rfmInputs(p, now);
  const r0 = ref[x.basis];
  const r = x.never ? 1 : quintileAgainst(r0.recency, x.recency);
  const f = quintileAgainst(r0.frequency, x.frequency);
  return { r, f, m: quintileAgainst(r0.monetary, x.monetary), label: rfmLabel(r, f) };
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Labels for retraining: churned = has a churn date (features as of that date, so the silence after leaving does not
 * leak in); retained = not churned and started at least a year ago (features as of now).
 */
export function healthTrainingRows(prepared: readonly Prepared[], now: Date) {
  const t = now.getTime();
  const rows: { features: ReturnType<typeof modelFeatures>; churned: boolean }[] = [];
  for (const p of prepared) {
    const churnedAt = ms(p.account.churnedAt);
    const started = ms(p.account.contractStart) || ms(hlcIso(p.account.createdAt));
    let at: Date;
    if (churnedAt <= t) at = new Date(churnedAt);
    else if (t - started >= 365 * DAY_MS) at = now;
    else continue;
    const f =
      at === now
        ? p.features
        : engagementFeatures(
            { renewalDate: p.account.renewalDate, interactions: p.records.interactions, orders: p.records.orders, surveys: p.records.surveys },
            at,
          );
    rows.push({ features: modelFeatures(f), churned: at !== now });
  }
  return rows;
}

export function fitPortfolioModels(prepared: readonly Prepared[], now: Date, settings: ScoringSettings): PortfolioModels {
  const fitted = settings.reuseModels ?? fitModels(prepared, now, settings);
  return { ...fitted, ...portfolioReferences(prepared, now) };
}

function fitModels(
  prepared: readonly Prepared[],
  now: Date,
  settings: ScoringSettings,
): Pick<PortfolioModels, 'bgnbd' | 'gammaGamma' | 'health' | 'healthSource'> {
  const withOrders = prepared.filter((p) => p.orders);
  let bgnbd: BgNbdFit | null = null;
  let gammaGamma: GammaGammaFit | null = null;
  if (withOrders.length >= settings.minAccountsForBgNbd) {
    const stride = Math.max(1, withOrders.length / settings.maxFitRows);
    const rows: BgNbdRow[] = [];
    for (let k = 0; k < withOrders.length; k += stride) rows.push(withOrders[Math.floor(k)]!.orders!.row);
    try {
      const w = settings.warmStart;
      const fit = fitBgNbd(rows, w ? { starts: [[w.r, w.alpha, w.a, w.b]] } : {});
      // a ≈ 1 makes the conditional expectation singular; such a fit is not used
      if ([fit.r, fit.alpha, fit.a, fit.b].every(Number.isFinite) && Math.abs(fit.a - 1) > 1e-3) bgnbd = fit;
    } catch {
      bgnbd = null;
    }
    const repeaters = withOrders.filter((p) => p.orders!.row.frequency > 0 && p.orders!.monetaryValue > 0);
    if (bgnbd && repeaters.length >= settings.minAccountsForGammaGamma) {
      try {
        const step = Math.max(1, repeaters.length / settings.maxFitRows);
        const rows = [];
        for (let k = 0; k < repeaters.length; k += step) {
          const o = repeaters[Math.floor(k)]!.orders!;
          rows.push({ frequency: o.row.frequency, monetaryValue: o.monetaryValue });
        }
        const gg = fitGammaGamma(rows);
        if (gg.q > 1 && [gg.p, gg.q, gg.v].every(Number.isFinite)) gammaGamma = gg;
      } catch {
        gammaGamma = null;
      }
    }
  }
  let health = DEFAULT_HEALTH_MODEL;
  let healthSource: PortfolioModels['healthSource'] = 'default';
  if (settings.healthModel) {
    health = settings.healthModel;
    healthSource = 'user';
  } else {
    const rows = healthTrainingRows(prepared, now);
    const churned = rows.filter((r) => r.churned).length;
    if (shouldRetrain({ churned, retained: rows.length - churned })) {
      health = trainHealthModel(rows, ENGAGEMENT_TRAIN_OPTIONS);
      healthSource = 'portfolio';
    }
  }
  return { bgnbd, gammaGamma, health, healthSource };
}

function portfolioReferences(prepared: readonly Prepared[], now: Date): Omit<PortfolioModels, 'bgnbd' | 'gammaGamma' | 'health' | 'healthSource'> {
  const ref = {
    orders: { recency: [] as number[], frequency: [] as number[], monetary: [] as number[] },
    interactions: { recency: [] as number[], frequency: [] as number[], monetary: [] as number[] },
  };
  for (const p of prepared) {
    const x = rfmInputs(p, now);
    ref[x.basis].recency.push(x.recency);
    ref[x.basis].frequency.push(x.frequency);
    ref[x.basis].monetary.push(x.monetary);
  }
  const toRef = (r: (typeof ref)['orders']): RfmReference => ({
    recency: sortedRef(r.recency),
    frequency: sortedRef(r.frequency),
    monetary: sortedRef(r.monetary),
  });
  return {
    rates: learnSuccessRates(prepared.flatMap((p) => p.records.feedback)),
    valueCuts: null,
    rfmReference: { orders: toRef(ref.orders), interactions: toRef(ref.interactions) },
    medianAnnualValue: median(prepared.map((p) => p.account.annualValue).filter((v): v is number => v !== null && v > 0)),
  };
}

interface Scored {
  score: Score;
  facts: AccountFacts;
}

interface Assessment {
  churnProbability: number | null;
  churnModel: Score['churnModel'];
  reasons: ChurnReason[];
  clv: ClvResult;
}

/** Churn and CLV: the first pass (value tiers need every account's CLV before segments and actions). */
function assess(p: Prepared, models: PortfolioModels, now: Date, settings: ScoringSettings): Assessment {
  const t = now.getTime();
  const a = p.account;
  const features = p.features;
  let churnProbability: number | null;
  let churnModel: Score['churnModel'];
  let reasons: ChurnReason[];
  const churnedAt = ms(a.churnedAt);
  if (a.lifecycleStage === 'churned' || churnedAt <= t) {
    const date = a.churnedAt ?? '';
    return { churnProbability: 1, churnModel: 'none', reasons: [{ key: CHURNED_REASON_KEY, weight: 1, params: { date } }], clv: { clv: 0, method: 'none' } };
  }
  const health = predictChurn(models.health, features, 3);
  if (models.bgnbd && p.orders) {
    const o = p.orders;
    const alive = pAlive(models.bgnbd, o.row.frequency, o.row.recency, o.row.T);
    churnProbability = 1 - alive;
    churnModel = 'bgnbd';
    const weeks = Math.floor((t - o.lastAt) / WEEK_MS);
    const own: ChurnReason =
      churnProbability >= 0.3
        ? { key: 'purchase_gap_weeks', weight: churnProbability, params: { weeks, orders: o.count, alive: Math.round(alive * 100) } }
        : { key: 'buying_regularly', weight: -alive, params: { weeks, orders: o.count, alive: Math.round(alive * 100) } };
    reasons = [own, ...health.reasons.slice(0, 2)];
  } else {
    churnProbability = health.probability;
    churnModel = 'health';
    reasons = health.reasons;
  }

  let clv: ClvResult = { clv: null, method: 'none' };
  if (models.bgnbd && models.gammaGamma && p.orders) {
    clv = clvFromModels(models.bgnbd, models.gammaGamma, { ...p.orders.row, monetaryValue: p.orders.monetaryValue }, settings.clv);
  }
  if (clv.method === 'none') {
    // contract value, else the last 12 months of orders as the annual value
    const annual = a.annualValue ?? (p.orders && p.orders.last12Months > 0 ? p.orders.last12Months : null);
    clv = clvFromAnnualValue(annual, churnProbability, settings.clv);
  }
  return { churnProbability, churnModel, reasons, clv };
}

/** What the loyalty programme and the workflows add to an account's facts and actions. */
interface Extras {
  loyalty: LoyaltyRules | null;
}

/** The account's loyalty standing under the programme (null when there is none or it is off). */
function loyaltyOf(p: Prepared, loyalty: LoyaltyRules | null, now: Date, settings: ScoringSettings): LoyaltyStatus | null {
  return accountStanding({ orders: p.records.orders, referralsMade: p.records.referralsMade ?? [] }, loyalty, now, settings.loyaltyRates);
}

/** The workflows' proposals for this account, minus what the ledger holds. */
function proposalsOf(
  p: Prepared,
  facts: AccountFacts,
  startedAt: number,
  lastActivity: number | null,
  now: Date,
  workflows: WorkflowSettings,
): WorkflowProposal[] {
  const a = p.account;
  const r = p.records;
  return workflowProposals(
    {
      account: { id: a.id, lifecycle: facts.lifecycle, startedAt, lastActivityAt: lastActivity, churnedAt: a.churnedAt, renewalDate: a.renewalDate },
      contacts: r.contacts,
      surveys: r.surveys.map((s, i) => ({
        id: (s as { id?: string }).id ?? `s${i}:${s.respondedAt}`,
        kind: s.kind,
        score: s.score,
        contactId: s.contactId ?? null,
        respondedAt: s.respondedAt,
      })),
      interactions: r.interactions
        .filter((i) => i.channel === 'ticket')
        .map((i, k) => {
          const x = i as { id?: string; updatedAt?: string };
          return {
            id: x.id ?? `i${k}:${i.occurredAt}`,
            channel: i.channel,
            ticketStatus: i.ticketStatus,
            contactIds: i.contactIds ?? [],
            occurredAt: i.occurredAt,
            updatedAt: x.updatedAt ?? i.occurredAt,
          };
        }),
      done: new Set((r.workflowRuns ?? []).map((x) => x.key)),
    },
    workflows,
    now,
  );
}

function finish(
  p: Prepared,
  { churnProbability, churnModel, reasons, clv }: Assessment,
  models: PortfolioModels,
  segments: PortfolioInput['segments'],
  now: Date,
  settings: ScoringSettings,
  computedAt: string,
  extras: Extras = { loyalty: null },
): Scored {
  const t = now.getTime();
  const a = p.account;
  const features = p.features;
  const rfm = rfmFor(p, models.rfmReference, now);
  const startedAt = ms(a.contractStart) <= t ? ms(a.contractStart) : (p.orders?.firstAt ?? ms(hlcIso(a.createdAt)));
  const lastActivity = Math.max(Number.isNaN(p.lastContactAt) ? -Infinity : p.lastContactAt, p.orders?.lastAt ?? -Infinity);
  const lifecycle = lifecycleStage(
    {
      churnedAt: a.churnedAt,
      startedAt: Number.isNaN(startedAt) ? null : startedAt,
      lastActivityAt: lastActivity === -Infinity ? null : lastActivity,
      churnProbability,
    },
    now,
    settings.lifecycle,
  );
  const tier = valueTier(clv.clv, models.valueCuts);
  const builtIn = [`rfm:${rfm.label}`, `lifecycle:${lifecycle}`, `tier:${a.tier}`, ...(tier ? [`value:${tier}`] : []), ...a.tags.map((tag) => `tag:${tag}`)];
  const facts: AccountFacts = {
    id: a.id,
    name: a.name,
    tier: a.tier,
    lifecycle,
    lifecycleStage: a.lifecycleStage,
    owner: a.owner,
    industry: a.industry,
    size: a.size ?? null,
    tags: a.tags,
    annualValue: a.annualValue,
    currency: a.currency,
    churnProbability,
    clv: clv.clv,
    valueTier: tier,
    rfmR: rfm.r,
    rfmF: rfm.f,
    rfmM: rfm.m,
    rfmLabel: rfm.label,
    daysSinceLastInteraction: Number.isNaN(p.lastContactAt) ? null : Math.floor((t - p.lastContactAt) / DAY_MS),
    lastInteractionAt: Number.isNaN(p.lastContactAt) ? null : new Date(p.lastContactAt).toISOString(),
    daysSinceLastOrder: p.orders ? Math.floor((t - p.orders.lastAt) / DAY_MS) : null,
    lastOrderAt: p.orders ? new Date(p.orders.lastAt).toISOString() : null,
    orderCount: p.orders?.count ?? 0,
    interactionsLast90d: Number(features.interactions_last_90d ?? 0),
    openTickets: Number(features.open_tickets ?? 0),
    lastNps: typeof features.last_nps === 'number' ? features.last_nps : null,
    lastCsat: typeof features.last_csat === 'number' ? features.last_csat : null,
    daysToRenewal: typeof features.days_to_renewal === 'number' ? features.days_to_renewal : null,
    renewalDate: a.renewalDate,
    contractStart: a.contractStart,
    churnedAt: a.churnedAt,
    segments: builtIn,
    custom: a.custom ?? {},
  };
  const loyalty = loyaltyOf(p, extras.loyalty, now, settings);
  if (loyalty) {
    facts.loyaltyTier = loyalty.tier?.name ?? null;
    facts.loyaltyTierRank = loyalty.tier?.rank ?? 0;
    facts.loyaltyPoints = loyalty.qualifyingPoints;
    facts.loyaltyBadges = loyalty.badges.map((b) => b.key);
    facts.referrals = loyalty.referralsMade;
  }
  facts.segments = [...builtIn, ...segmentsFor(segments, facts, now)];

  const lastNpsByContact = new Map<string, { score: number; at: number }>();
  let lastNpsAt: number | null = null;
  for (const s of p.records.surveys) {
    if (s.kind !== 'nps') continue;
    const at = ms(s.respondedAt);
    if (!(at <= t)) continue;
    if (lastNpsAt === null || at > lastNpsAt) lastNpsAt = at;
    if (s.contactId) {
      const prev = lastNpsByContact.get(s.contactId);
      if (!prev || at > prev.at) lastNpsByContact.set(s.contactId, { score: s.score, at });
    }
  }
  const annualised = a.annualValue ?? (clv.clv !== null ? (clv.clv * 12) / settings.clv.horizonMonths : models.medianAnnualValue);
  const agency =
    p.records.campaignStats?.length || p.records.agencyPlan
      ? assessAgencyAccount({ rows: p.records.campaignStats ?? [], plan: p.records.agencyPlan ?? null, accountCurrency: a.currency, today: now })
      : null;
  const actions = nextBestActions({
    now,
    facts,
    contacts: p.records.contacts,
    lastNpsByContact,
    lastNpsAt,
    startedAt,
    feedback: p.records.feedback,
    tasks: p.records.tasks,
    rates: models.rates,
    accountValue: annualised,
    settings: settings.nba,
    ...(settings.workflows && {
      proposals: proposalsOf(p, facts, startedAt, lastActivity === -Infinity ? null : lastActivity, now, settings.workflows).filter(
        (x) => x.mode === 'propose',
      ),
    }),
    ...(loyalty && {
      loyalty: {
        drop: loyalty.drop
          ? { tier: loyalty.drop.from.name, to: loyalty.drop.to?.name ?? null, days: loyalty.drop.daysLeft, points: loyalty.drop.pointsNeeded }
          : null,
        referralBonus: (extras.loyalty?.bonuses ?? []).filter((b) => b.kind === 'referral').reduce((n, b) => n + b.points, 0),
      },
    }),
    agency: agency ? { alerts: agency.alerts, currency: agency.currency } : undefined,
  });
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  return {
    facts,
    score: {
      accountId: a.id,
      churnProbability: churnProbability === null ? null : Math.min(1, Math.max(0, churnProbability)),
      churnModel,
      reasons: reasons.map((r) => ({ key: r.key, weight: round(r.weight), params: r.params })),
      clv: clv.clv === null ? null : Math.round(clv.clv * 100) / 100,
      clvMethod: clv.method,
      segments: facts.segments,
      actions: actions.map((x) => ({
        type: x.type,
        contactId: x.contactId,
        expectedValue: Math.round(x.expectedValue * 100) / 100,
        sampledValue: Math.round(x.sampledValue * 100) / 100,
        probability: round(x.probability),
        reason: { key: x.reason.key, weight: Math.round(x.reason.weight * 100) / 100, params: x.reason.params },
        ...(x.workflow && { workflow: x.workflow }),
      })),
      ...(agency ? { agency: { alerts: agency.alerts, asOf: agency.asOf, currency: agency.currency } } : {}),
      computedAt,
    },
  };
}

export interface PortfolioResult {
  scores: Score[];
  models: PortfolioModels;
  /** Milliseconds per phase, for benchmarks. */
  timings: Record<'group' | 'prepare' | 'fit' | 'assess' | 'finish', number>;
  /** Facts per account id, for KPI filters and rule previews. */
  facts: Map<string, AccountFacts>;
}

function mergeSettings(s?: Partial<ScoringSettings>): ScoringSettings {
  return { ...DEFAULT_SCORING_SETTINGS, ...s };
}

export function scorePortfolioDetailed(input: PortfolioInput, now: Date, settings?: Partial<ScoringSettings>): PortfolioResult {
  const st = mergeSettings(settings);
  let clock = performance.now();
  const lap = () => {
    const t = performance.now();
    const d = t - clock;
    clock = t;
    return d;
  };
  const grouped = groupByAccount(input);
  const group = lap();
  const prepared: Prepared[] = [];
  for (const a of input.accounts) if (alive(a)) prepared.push(prepare(a, grouped.get(a.id)!, now));
  const prep = lap();
  const models = fitPortfolioModels(prepared, now, st);
  const fit = lap();
  const assessed = prepared.map((p) => assess(p, models, now, st));
  models.valueCuts = valueTierCuts(assessed.map((x) => x.clv.clv));
  const assessMs = lap();
  const scores: Score[] = [];
  const facts = new Map<string, AccountFacts>();
  const computedAt = now.toISOString();
  prepared.forEach((p, i) => {
    const r = finish(p, assessed[i]!, models, input.segments, now, st, computedAt, { loyalty: input.loyalty ?? null });
    scores.push(r.score);
    facts.set(p.account.id, r.facts);
  });
  return { scores, models, facts, timings: { group, prepare: prep, fit, assess: assessMs, finish: lap() } };
}

export function scorePortfolio(input: PortfolioInput, now: Date, settings?: Partial<ScoringSettings>): Score[] {
  return scorePortfolioDetailed(input, now, settings).scores;
}

/** Rescores one account (after an edit) with the models fitted by the last scorePortfolioDetailed. */
export function scoreAccount(
  account: AccountLike,
  records: AccountRecords,
  segments: PortfolioInput['segments'],
  models: PortfolioModels,
  now: Date,
  settings?: Partial<ScoringSettings>,
  loyalty: LoyaltyRules | null = null,
): { score: Score; facts: AccountFacts } {
  const st = mergeSettings(settings);
  const p = prepare(account, records, now);
  return finish(p, assess(p, models, now, st), models, segments, now, st, now.toISOString(), { loyalty });
}
