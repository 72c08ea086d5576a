/**
 * Engagement signals of one account, as the flat feature record the health model reads, and the documented
 * default model over them (used until the user has labelled enough accounts churned / retained; see shouldRetrain).
 */
import type { Interaction } from '../schema/interaction';
import type { Order } from '../schema/order';
import type { SurveyResponse } from '../schema/survey';
import type { FeatureRecord, HealthModel, ReasonSpec } from './health';
import { DAY_MS, ms } from './time';

export type InteractionLike = Pick<Interaction, 'occurredAt' | 'channel' | 'direction' | 'sentiment' | 'ticketStatus'> &
  Partial<Pick<Interaction, 'accountId' | 'contactIds'>>;
export type OrderLike = Pick<Order, 'occurredAt' | 'amount'> & Partial<Pick<Order, 'accountId' | 'contactId'>>;
export type SurveyLike = Pick<SurveyResponse, 'kind' | 'score' | 'respondedAt'> & Partial<Pick<SurveyResponse, 'accountId' | 'contactId'>>;

export const OPEN_TICKET = new Set(['new', 'open', 'pending', 'on_hold']);

/** An interaction that is contact with the customer (internal notes are not). */
export function isContact(i: Pick<Interaction, 'channel' | 'direction'>): boolean {
  return i.channel !== 'note' && i.direction !== 'internal';
}

export interface EngagementInput {
  renewalDate: string | null;
  interactions: readonly InteractionLike[];
  orders: readonly OrderLike[];
  surveys: readonly SurveyLike[];
}

export const ENGAGEMENT_FEATURES = [
  'days_since_contact',
  'interaction_trend',
  'last_nps',
  'last_csat',
  'open_tickets',
  'negative_share',
  'days_to_renewal',
  'spend_trend',
] as const;

/**
 * The feature record of one account at `now` (plus a few raw values — counts, last contact time in ms — that reason
 * params and callers use; the model reads only ENGAGEMENT_FEATURES). Trends are log((last + 1) / (prior + 1)): 0 = flat, < 0 = falling. */
export function engagementFeatures(input: EngagementInput, now: Date): FeatureRecord {
  const t = now.getTime();
  let lastContact = -Infinity;
  let last90 = 0,
    prior90 = 0,
    last365 = 0,
    openTickets = 0,
    withSentiment = 0,
    negative = 0;
  for (const i of input.interactions) {
    const at = ms(i.occurredAt);
    if (!(at <= t)) continue;
    if (i.channel === 'ticket' && i.ticketStatus && OPEN_TICKET.has(i.ticketStatus)) openTickets++;
    if (!isContact(i)) continue;
    if (at > lastContact) lastContact = at;
    const age = (t - at) / DAY_MS;
    if (age <= 90) last90++;
    else if (age <= 180) prior90++;
    if (age <= 365) last365++;
    if (age <= 180 && i.sentiment) {
      withSentiment++;
      if (i.sentiment === 'negative') negative++;
    }
  }
  let lastNps: { at: number; score: number } | null = null;
  let lastCsat: { at: number; score: number } | null = null;
  for (const s of input.surveys) {
    const at = ms(s.respondedAt);
    if (!(at <= t)) continue;
    if (s.kind === 'nps' && (!lastNps || at > lastNps.at)) lastNps = { at, score: s.score };
    if (s.kind === 'csat' && (!lastCsat || at > lastCsat.at)) lastCsat = { at, score: s.score };
  }
  let spendLast = 0,
    spendPrior = 0,
    orderCount = 0;
  for (const o of input.orders) {
    const at = ms(o.occurredAt);
    if (!(at <= t)) continue;
    orderCount++;
    const age = (t - at) / DAY_MS;
    if (age <= 180) spendLast += o.amount;
    else if (age <= 360) spendPrior += o.amount;
  }
  const renewal = ms(input.renewalDate);
  return {
    days_since_contact: lastContact === -Infinity ? null : Math.floor((t - lastContact) / DAY_MS),
    interaction_trend: Math.log((last90 + 1) / (prior90 + 1)),
    interactions_last_90d: last90,
    interactions_prior_90d: prior90,
    interactions_last_365d: last365,
    last_contact_at: lastContact === -Infinity ? null : lastContact,
    last_nps: lastNps?.score ?? null,
    last_csat: lastCsat?.score ?? null,
    open_tickets: openTickets,
    negative_share: withSentiment ? negative / withSentiment : null,
    // a renewal date already past says nothing about the next one: unknown, not "renewal in -600 days"
    days_to_renewal: Number.isNaN(renewal) || renewal < t ? null : Math.ceil((renewal - t) / DAY_MS),
    spend_trend: orderCount ? Math.log((Math.max(0, spendLast) + 1) / (Math.max(0, spendPrior) + 1)) : null,
    spend_last_180d: Math.round(spendLast),
    spend_prior_180d: Math.round(spendPrior),
  };
}

export const ENGAGEMENT_REASONS: Record<string, ReasonSpec> = {
  days_since_contact: { up: 'no_contact_days', down: 'recent_contact', missing: 'never_contacted', param: 'days' },
  interaction_trend: { up: 'interaction_drop', down: 'interaction_rise', param: 'trend', extra: ['interactions_last_90d', 'interactions_prior_90d'] },
  last_nps: { up: 'low_nps', down: 'high_nps', missing: 'no_nps', param: 'score' },
  last_csat: { up: 'low_csat', down: 'high_csat', missing: 'no_csat', param: 'score' },
  open_tickets: { up: 'open_tickets', param: 'count' },
  negative_share: { up: 'negative_sentiment', down: 'positive_sentiment', param: 'share' },
  days_to_renewal: { up: 'renewal_soon', param: 'days' },
  spend_trend: { up: 'spend_drop', down: 'spend_rise', param: 'trend', extra: ['spend_last_180d', 'spend_prior_180d'] },
};

export const ENGAGEMENT_TRANSFORMS: Record<string, 'none' | 'log1p'> = { days_since_contact: 'log1p', open_tickets: 'log1p' };
export const ENGAGEMENT_CLIPS: Record<string, [number, number]> = { days_to_renewal: [0, 365], days_since_contact: [0, 730] };
export const ENGAGEMENT_KINDS: Record<string, 'numeric'> = Object.fromEntries(ENGAGEMENT_FEATURES.map((k) => [k, 'numeric']));

/**
 * Default weights, on standardised values (z = (transform(x) − mean) / std), chosen by judgement from the churn
 * literature, not fitted: base rate 12% (intercept logit(0.12) ≈ −2); each weight is the change in log-odds per
 * standard deviation:
 * - days since last contact (log1p, centre 30 days): +0.9; never contacted: +0.8
 * - interaction trend last 90 d vs prior 90 d (log ratio): −0.6 (falling contact raises risk)
 * - last NPS (centre 7, sd 2.5): −0.7; no NPS: +0.2
 * - last CSAT (centre 4, sd 1): −0.5; no CSAT: +0.1
 * - open tickets (log1p, centre 0.3, sd 0.6): +0.5
 * - share of negative sentiment in the last 180 d (centre 0.15, sd 0.2): +0.6
 * - days to renewal (clipped 0–365, centre 180, sd 100): −0.3 (a near renewal is a decision point)
 * - spend trend last 180 d vs prior 180 d (log ratio, sd 0.8): −0.5
 */
export const DEFAULT_HEALTH_MODEL: HealthModel = {
  version: 1,
  intercept: -2,
  trainedOn: 0,
  l2: 0,
  reasons: ENGAGEMENT_REASONS,
  features: [
    { key: 'days_since_contact', kind: 'numeric', transform: 'log1p', clip: [0, 730], mean: Math.log1p(30), std: 1, weight: 0.9, missingWeight: 0.8 },
    { key: 'interaction_trend', kind: 'numeric', transform: 'none', mean: 0, std: 0.7, weight: -0.6, missingWeight: 0 },
    { key: 'last_nps', kind: 'numeric', transform: 'none', mean: 7, std: 2.5, weight: -0.7, missingWeight: 0.2 },
    { key: 'last_csat', kind: 'numeric', transform: 'none', mean: 4, std: 1, weight: -0.5, missingWeight: 0.1 },
    { key: 'open_tickets', kind: 'numeric', transform: 'log1p', mean: 0.3, std: 0.6, weight: 0.5, missingWeight: 0 },
    { key: 'negative_share', kind: 'numeric', transform: 'none', mean: 0.15, std: 0.2, weight: 0.6, missingWeight: 0 },
    { key: 'days_to_renewal', kind: 'numeric', transform: 'none', clip: [0, 365], mean: 180, std: 100, weight: -0.3, missingWeight: 0 },
    { key: 'spend_trend', kind: 'numeric', transform: 'none', mean: 0, std: 0.8, weight: -0.5, missingWeight: 0 },
  ],
};

/** Options to retrain the engagement model on the user's labels with the same reasons and transforms. */
export const ENGAGEMENT_TRAIN_OPTIONS = {
  transforms: ENGAGEMENT_TRANSFORMS,
  clips: ENGAGEMENT_CLIPS,
  reasons: ENGAGEMENT_REASONS,
  kinds: ENGAGEMENT_KINDS,
  l2: 2,
};

/** Only the model's own inputs: the extra counts ride along for reason params but are not features. */
export function modelFeatures(rec: FeatureRecord): FeatureRecord {
  const out: FeatureRecord = {};
  for (const k of ENGAGEMENT_FEATURES) out[k] = rec[k];
  return out;
}
