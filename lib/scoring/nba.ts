/**
 * Next-best-action catalogue. Each action type has: eligibility over the account's facts, a purpose (checked
 * against the contact's consent ledger), a value at stake, a cooldown, and what executing it does. P(success) is a
 * Beta posterior per type learned from feedback (accepted = success, dismissed = failure, snoozed ignored); the
 * shown expected value is its mean × value at stake.
 *
 * The ranking explores (Thompson sampling): each action is ranked by a draw of P(success) from its posterior ×
 * value at stake, not by the mean. Ranked by the mean, an action the prior under-rates is never first, so it never
 * gets the feedback that would correct it (#12). The draw is seeded by day, account, action and contact: the list
 * is the same all day (it does not shuffle on every render or rescoring) and changes from one day to the next.
 */
import type { Contact, Purpose } from '../schema/contact';
import type { ActionFeedback } from '../schema/feedback';
import type { Task } from '../schema/task';
import type { AccountFacts } from './rules';
import { mayContact } from './consent';
import type { AgencyAlert } from '../schema/agency-alert';
import { agencyCandidates, AGENCY_REASON_KEYS } from '../agency/actions';
import { beta, mulberry32 } from './random';
import { DAY_MS, ms } from './time';

export const ACTION_TYPES = [
  'call_at_risk',
  'renewal_proposal',
  'ask_nps',
  'ask_referral',
  'resolve_tickets',
  'reengage_dormant',
  'propose_upsell',
  'birthday_message',
  'welcome_new',
  // from the lifecycle workflows (lib/lifecycle) and the loyalty programme (lib/loyalty)
  'onboarding_checkin',
  'renewal_reminder',
  'win_back',
  'recovery_call',
  'ask_csat',
  'loyalty_tier_drop',
  // agency accounts (lib/agency/actions.ts): from the campaign figures' alerts
  'performance_review',
  'budget_shift',
  'investigate_drop',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export const TEMPLATE_KEYS = [
  'renewal_proposal',
  'nps_request',
  'referral_request',
  'reengage',
  'upsell',
  'birthday',
  'welcome',
  'win_back',
  'csat_request',
  'loyalty_tier',
  'performance_review',
  'budget_shift',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export type ActionExecution =
  | { kind: 'task'; titleKey: `task.${ActionType}`; dueInDays: number }
  | { kind: 'email'; template: TemplateKey }
  | { kind: 'log'; channel: 'call' | 'meeting' | 'email' };

/** Explanations shown with an action (keys the UI translates, params filled in). */
export const ACTION_REASON_KEYS = [
  'churn_risk_high',
  'renewal_in_days',
  'no_nps_days',
  'no_nps_ever',
  'promoter',
  'tickets_open',
  'dormant_days',
  'highly_engaged',
  'birthday_in_days',
  'new_account_days',
  'onboarding_days',
  'lost_days',
  'nps_detractor',
  'ticket_solved',
  'loyalty_tier_drop',
  'promoter_bonus',
  ...AGENCY_REASON_KEYS,
] as const;
export type ActionReasonKey = (typeof ACTION_REASON_KEYS)[number];

export type ContactLike = Pick<Contact, 'id' | 'firstName' | 'lastName' | 'emails' | 'birthday' | 'consent' | 'doNotContact'> &
  Partial<Pick<Contact, 'phones' | 'language' | 'deletedAt'>>;
export type FeedbackLike = Pick<ActionFeedback, 'actionType' | 'outcome' | 'at' | 'snoozeUntil'> & Partial<Pick<ActionFeedback, 'accountId' | 'contactId'>>;
export type TaskLike = Pick<Task, 'actionType' | 'status'> & Partial<Pick<Task, 'doneAt' | 'contactId' | 'accountId'>>;

export interface NbaSettings {
  /** Propose the renewal this many days before the renewal date. */
  renewalLeadDays: number;
  /** Ask for NPS when none answered for this many days. */
  npsIntervalDays: number;
  /** A dismissed action stays hidden this many days. */
  dismissDays: number;
  /** Birthday messages are suggested this many days ahead. */
  birthdayLeadDays: number;
  /** Promoters' referral ask: their 9–10 must be at most this old. */
  promoterMaxAgeDays: number;
  /** Actions shown per account. */
  maxActions: number;
}
export const DEFAULT_NBA_SETTINGS: NbaSettings = {
  renewalLeadDays: 60,
  npsIntervalDays: 90,
  dismissDays: 30,
  birthdayLeadDays: 7,
  promoterMaxAgeDays: 180,
  maxActions: 3,
};

interface ActionDefinition {
  purpose: Purpose;
  /** Same action accepted or done within this many days is not suggested again. */
  cooldownDays: number;
  /** Beta prior on success: accepted / (accepted + dismissed). */
  prior: { alpha: number; beta: number };
  /** Share of the account's annual value at stake (documented judgement, not fitted). */
  valueShare: number;
  /** false = internal work (a task for the user), no contact or consent needed. */
  needsContact: boolean;
  execute: ActionExecution;
}

export const ACTION_CATALOGUE: Record<ActionType, ActionDefinition> = {
  // the churn probability × annual value is at stake; a call saves some of it
  call_at_risk: {
    purpose: 'account_management',
    cooldownDays: 14,
    prior: { alpha: 3, beta: 5 },
    valueShare: 1,
    needsContact: true,
    execute: { kind: 'task', titleKey: 'task.call_at_risk', dueInDays: 2 },
  },
  renewal_proposal: {
    purpose: 'sales',
    cooldownDays: 30,
    prior: { alpha: 4, beta: 4 },
    valueShare: 1,
    needsContact: true,
    execute: { kind: 'email', template: 'renewal_proposal' },
  },
  ask_nps: {
    purpose: 'surveys',
    cooldownDays: 90,
    prior: { alpha: 3, beta: 7 },
    valueShare: 0.02,
    needsContact: true,
    execute: { kind: 'email', template: 'nps_request' },
  },
  ask_referral: {
    purpose: 'marketing',
    cooldownDays: 180,
    prior: { alpha: 2, beta: 8 },
    valueShare: 0.3,
    needsContact: true,
    execute: { kind: 'email', template: 'referral_request' },
  },
  resolve_tickets: {
    purpose: 'support',
    cooldownDays: 7,
    prior: { alpha: 6, beta: 4 },
    valueShare: 0.5,
    needsContact: false,
    execute: { kind: 'task', titleKey: 'task.resolve_tickets', dueInDays: 1 },
  },
  reengage_dormant: {
    purpose: 'marketing',
    cooldownDays: 60,
    prior: { alpha: 2, beta: 8 },
    valueShare: 0.3,
    needsContact: true,
    execute: { kind: 'email', template: 'reengage' },
  },
  propose_upsell: {
    purpose: 'sales',
    cooldownDays: 90,
    prior: { alpha: 2, beta: 8 },
    valueShare: 0.2,
    needsContact: true,
    execute: { kind: 'email', template: 'upsell' },
  },
  birthday_message: {
    purpose: 'marketing',
    cooldownDays: 300,
    prior: { alpha: 5, beta: 5 },
    valueShare: 0.01,
    needsContact: true,
    execute: { kind: 'email', template: 'birthday' },
  },
  welcome_new: {
    purpose: 'account_management',
    cooldownDays: 3650,
    prior: { alpha: 6, beta: 4 },
    valueShare: 0.05,
    needsContact: true,
    execute: { kind: 'email', template: 'welcome' },
  },
  // a call some weeks in: the first problems are cheap to fix then
  onboarding_checkin: {
    purpose: 'account_management',
    cooldownDays: 30,
    prior: { alpha: 4, beta: 6 },
    valueShare: 0.05,
    needsContact: true,
    execute: { kind: 'task', titleKey: 'task.onboarding_checkin', dueInDays: 2 },
  },
  // internal preparation: no one is contacted
  renewal_reminder: {
    purpose: 'account_management',
    cooldownDays: 20,
    prior: { alpha: 6, beta: 4 },
    valueShare: 0.5,
    needsContact: false,
    execute: { kind: 'task', titleKey: 'task.renewal_reminder', dueInDays: 1 },
  },
  win_back: {
    purpose: 'marketing',
    cooldownDays: 60,
    prior: { alpha: 2, beta: 8 },
    valueShare: 0.3,
    needsContact: true,
    execute: { kind: 'email', template: 'win_back' },
  },
  // a detractor heard quickly often stays
  recovery_call: {
    purpose: 'account_management',
    cooldownDays: 14,
    prior: { alpha: 5, beta: 5 },
    valueShare: 0.5,
    needsContact: true,
    execute: { kind: 'task', titleKey: 'task.recovery_call', dueInDays: 1 },
  },
  ask_csat: {
    purpose: 'surveys',
    cooldownDays: 7,
    prior: { alpha: 3, beta: 7 },
    valueShare: 0.02,
    needsContact: true,
    execute: { kind: 'email', template: 'csat_request' },
  },
  loyalty_tier_drop: {
    purpose: 'marketing',
    cooldownDays: 60,
    prior: { alpha: 3, beta: 7 },
    valueShare: 0.1,
    needsContact: true,
    execute: { kind: 'email', template: 'loyalty_tier' },
  },
  // value shares of the agency actions: lib/agency/actions.ts (AGENCY_VALUE_SHARE) times the alert's severity
  performance_review: {
    purpose: 'account_management',
    cooldownDays: 30,
    prior: { alpha: 5, beta: 5 },
    valueShare: 0.5,
    needsContact: true,
    execute: { kind: 'email', template: 'performance_review' },
  },
  budget_shift: {
    purpose: 'account_management',
    cooldownDays: 21,
    prior: { alpha: 4, beta: 6 },
    valueShare: 0.25,
    needsContact: true,
    execute: { kind: 'email', template: 'budget_shift' },
  },
  investigate_drop: {
    purpose: 'account_management',
    cooldownDays: 7,
    prior: { alpha: 6, beta: 4 },
    valueShare: 0.3,
    needsContact: false,
    execute: { kind: 'task', titleKey: 'task.investigate_drop', dueInDays: 1 },
  },
};

export function executionFor(type: string): ActionExecution | null {
  return (ACTION_CATALOGUE as Record<string, ActionDefinition>)[type]?.execute ?? null;
}

export interface SuccessRate {
  alpha: number;
  beta: number;
  mean: number;
}
export type SuccessRates = Record<ActionType, SuccessRate>;

const isActionType = (t: string): t is ActionType => (ACTION_TYPES as readonly string[]).includes(t);

/** Beta posterior per action type from the whole portfolio's feedback. */
export function learnSuccessRates(feedback: readonly Pick<FeedbackLike, 'actionType' | 'outcome'>[]): SuccessRates {
  const out = {} as SuccessRates;
  for (const t of ACTION_TYPES) out[t] = { ...ACTION_CATALOGUE[t].prior, mean: 0 };
  for (const f of feedback) {
    if (!isActionType(f.actionType)) continue;
    if (f.outcome === 'accepted') out[f.actionType].alpha++;
    else if (f.outcome === 'dismissed') out[f.actionType].beta++;
  }
  for (const t of ACTION_TYPES) out[t].mean = out[t].alpha / (out[t].alpha + out[t].beta);
  return out;
}

/** 32-bit FNV-1a of a string, finalised with murmur3's mix so nearby keys give unrelated seeds. */
function hashSeed(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The UTC day of `now` as 'YYYY-MM-DD': the period over which a ranking stays the same. */
export const explorationDay = (now: Date): string => now.toISOString().slice(0, 10);

/**
 * A Thompson draw of P(success) from the action type's Beta posterior, deterministic for a key (day, account,
 * action, contact): the same key always gives the same draw.
 */
export function sampleSuccess(rate: Pick<SuccessRate, 'alpha' | 'beta'>, key: string): number {
  return beta(mulberry32(hashSeed(key)), rate.alpha, rate.beta);
}

/** A lifecycle workflow's proposal (lib/lifecycle/workflows.ts), ranked here with the other actions. */
export interface ProposalLike {
  actionType: ActionType;
  contactId: string | null;
  rule: string;
  key: string;
  period: string;
  reason: { key: ActionReasonKey; params: Record<string, string | number> };
}

/** What the loyalty programme tells the ranking about the account (lib/loyalty). */
export interface LoyaltyFacts {
  /** The tier drops within the programme's warning days unless points come in. */
  drop: { tier: string; to: string | null; days: number; points: number } | null;
  /** Points a referral earns the referrer (0 = no referral bonus). */
  referralBonus: number;
}

export interface NbaContext {
  now: Date;
  facts: AccountFacts;
  /** The account's contacts, most relevant first (the first one allowed is chosen for account-level actions). */
  contacts: readonly ContactLike[];
  /** Latest NPS answer per contact id. */
  lastNpsByContact: ReadonlyMap<string, { score: number; at: number }>;
  /** Time (ms) of the account's latest NPS answer, or null. */
  lastNpsAt: number | null;
  /** Time (ms) the relationship started, or NaN. */
  startedAt: number;
  feedback: readonly FeedbackLike[];
  tasks: readonly TaskLike[];
  rates: SuccessRates;
  /** Annual value at stake for this account (its annual value, or an estimate from CLV / the portfolio). */
  accountValue: number;
  settings?: NbaSettings;
  /**
   * The lifecycle workflows' proposals (those to propose, not to schedule). When given, the workflows own welcome,
   * birthday and win-back: the built-in triggers for them stand down, so turning a workflow off stops its actions.
   */
  proposals?: readonly ProposalLike[];
  loyalty?: LoyaltyFacts;
  /** Agency accounts: alerts from the campaign figures (lib/agency/alerts.ts), and the currency they are in. */
  agency?: { alerts: readonly AgencyAlert[]; currency: string };
}

export interface ActionReason {
  key: ActionReasonKey;
  weight: number;
  params: Record<string, string | number>;
}
export interface NbaAction {
  type: ActionType;
  contactId: string | null;
  purpose: Purpose;
  /** Posterior mean of P(success). */
  probability: number;
  valueAtStake: number;
  /** probability × valueAtStake: what the action is worth on average (shown). */
  expectedValue: number;
  /** Today's Thompson draw of P(success) × valueAtStake: what the list is ranked by. */
  sampledValue: number;
  reason: ActionReason;
  execute: ActionExecution;
  /** Set when a lifecycle workflow proposed it: executing or dismissing it goes into the workflows' ledger. */
  workflow?: { rule: string; key: string; period: string };
}

export type SuppressionReason = 'do_not_contact' | 'no_consent' | 'no_contact' | 'cooldown' | 'snoozed' | 'dismissed' | 'task_open';

/** Days until the next occurrence of a birthday (YYYY-MM-DD or --MM-DD), 0 = today (UTC). */
export function daysUntilBirthday(birthday: string, now: Date): number | null {
  // The schema's regex admits '---MM-DD' while its comment says '--MM-DD'; accept both.
  const m = /^(?:\d{4}-|---?)(\d\d)-(\d\d)$/.exec(birthday);
  if (!m) return null;
  const month = Number(m[1]) - 1,
    day = Number(m[2]);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  let next = Date.UTC(now.getUTCFullYear(), month, day);
  if (next < today) next = Date.UTC(now.getUTCFullYear() + 1, month, day);
  return Math.round((next - today) / DAY_MS);
}

/** Why an action for this account/contact is held back right now, or null. */
/** Actions about one person (their birthday, their referral); every other action is about the account. */
const PERSONAL_ACTIONS: ReadonlySet<ActionType> = new Set(['ask_referral', 'birthday_message']);

export function suppression(type: ActionType, contactId: string | null, ctx: NbaContext): SuppressionReason | null {
  const def = ACTION_CATALOGUE[type];
  // An account-level action done with one contact is done for the account: it is not offered again for the next contact.
  const perContact = PERSONAL_ACTIONS.has(type) ? contactId : null;
  const t = ctx.now.getTime();
  const settings = ctx.settings ?? DEFAULT_NBA_SETTINGS;
  for (const task of ctx.tasks) {
    if (task.actionType !== type) continue;
    if (perContact && task.contactId && task.contactId !== perContact) continue;
    if (task.status === 'open') return 'task_open';
    if ((t - ms(task.doneAt)) / DAY_MS <= def.cooldownDays) return 'cooldown';
  }
  for (const f of ctx.feedback) {
    if (f.actionType !== type) continue;
    if (perContact && f.contactId && f.contactId !== perContact) continue;
    const age = (t - ms(f.at)) / DAY_MS;
    if (f.outcome === 'snoozed' && ms(f.snoozeUntil) > t) return 'snoozed';
    if (f.outcome === 'accepted' && age <= def.cooldownDays) return 'cooldown';
    if (f.outcome === 'dismissed' && age <= settings.dismissDays) return 'dismissed';
  }
  return null;
}

function reachable(c: ContactLike, purpose: Purpose, now: Date): boolean {
  return !c.deletedAt && mayContact(c, purpose, now);
}

interface Candidate {
  type: ActionType;
  contact: ContactLike | 'account' | null;
  value: number;
  reason: Omit<ActionReason, 'weight'>;
  workflow?: NbaAction['workflow'];
}

const name = (c: ContactLike) => `${c.firstName} ${c.lastName}`.trim() || c.emails[0] || '';

/** All eligible, not suppressed actions for one account, ranked by today's sampled value (capped at settings.maxActions). */
export function nextBestActions(ctx: NbaContext): NbaAction[] {
  const s = ctx.settings ?? DEFAULT_NBA_SETTINGS;
  const f = ctx.facts;
  const now = ctx.now;
  const t = now.getTime();
  const value = ctx.accountValue;
  const cands: Candidate[] = [];
  const primary = (type: ActionType): ContactLike | null =>
    ctx.contacts.find((c) => reachable(c, ACTION_CATALOGUE[type].purpose, now) && !suppression(type, c.id, ctx)) ?? null;
  const churnP = f.churnProbability ?? 0;
  const workflows = ctx.proposals !== undefined;
  for (const p of ctx.proposals ?? []) {
    const c = p.contactId ? (ctx.contacts.find((x) => x.id === p.contactId) ?? null) : null;
    const def = ACTION_CATALOGUE[p.actionType];
    // consent is checked again here: the proposal may be older than a withdrawal
    if (def.needsContact && (!c || !reachable(c, def.purpose, now))) continue;
    cands.push({
      type: p.actionType,
      contact: c ?? 'account',
      value: def.valueShare * value,
      reason: p.reason,
      workflow: { rule: p.rule, key: p.key, period: p.period },
    });
  }
  // A lost account gets only what a workflow proposes for it (a win-back).
  if (f.lifecycle === 'churned') return rank(cands, ctx);

  if (f.lifecycle === 'at_risk' || churnP >= 0.5)
    cands.push({
      type: 'call_at_risk',
      contact: primary('call_at_risk'),
      value: churnP * value,
      reason: { key: 'churn_risk_high', params: { percent: Math.round(churnP * 100) } },
    });
  if (f.daysToRenewal !== null && f.daysToRenewal >= 0 && f.daysToRenewal <= s.renewalLeadDays)
    cands.push({
      type: 'renewal_proposal',
      contact: primary('renewal_proposal'),
      value,
      reason: { key: 'renewal_in_days', params: { days: f.daysToRenewal } },
    });
  const npsAge = ctx.lastNpsAt === null ? null : Math.floor((t - ctx.lastNpsAt) / DAY_MS);
  if ((npsAge === null || npsAge > s.npsIntervalDays) && f.lifecycle !== 'dormant')
    cands.push({
      type: 'ask_nps',
      contact: primary('ask_nps'),
      value: ACTION_CATALOGUE.ask_nps.valueShare * value,
      reason: npsAge === null ? { key: 'no_nps_ever', params: {} } : { key: 'no_nps_days', params: { days: npsAge } },
    });
  const bonus = ctx.loyalty?.referralBonus ?? 0;
  for (const c of ctx.contacts) {
    const nps = ctx.lastNpsByContact.get(c.id);
    if (nps && nps.score >= 9 && (t - nps.at) / DAY_MS <= s.promoterMaxAgeDays && reachable(c, 'marketing', now) && !suppression('ask_referral', c.id, ctx)) {
      const reason: Candidate['reason'] =
        bonus > 0
          ? { key: 'promoter_bonus', params: { score: nps.score, name: name(c), points: bonus } }
          : { key: 'promoter', params: { score: nps.score, name: name(c) } };
      cands.push({ type: 'ask_referral', contact: c, value: ACTION_CATALOGUE.ask_referral.valueShare * value, reason });
      break;
    }
  }
  const drop = ctx.loyalty?.drop;
  if (drop)
    cands.push({
      type: 'loyalty_tier_drop',
      contact: primary('loyalty_tier_drop'),
      value: ACTION_CATALOGUE.loyalty_tier_drop.valueShare * value,
      reason: { key: 'loyalty_tier_drop', params: { tier: drop.tier, to: drop.to ?? '', days: drop.days, points: drop.points } },
    });
  if (f.openTickets > 0)
    cands.push({
      type: 'resolve_tickets',
      contact: 'account',
      value: ACTION_CATALOGUE.resolve_tickets.valueShare * Math.max(churnP, 0.1) * value,
      reason: { key: 'tickets_open', params: { count: f.openTickets } },
    });
  if (f.lifecycle === 'dormant' && !workflows)
    cands.push({
      type: 'reengage_dormant',
      contact: primary('reengage_dormant'),
      value: ACTION_CATALOGUE.reengage_dormant.valueShare * value,
      reason: { key: 'dormant_days', params: { days: f.daysSinceLastInteraction ?? -1 } },
    });
  const engaged = f.rfmLabel === 'champions' || f.rfmLabel === 'loyal' || f.interactionsLast90d >= 6 || (f.lastNps ?? 0) >= 9;
  if (f.lifecycle === 'active' && churnP < 0.25 && engaged)
    cands.push({
      type: 'propose_upsell',
      contact: primary('propose_upsell'),
      value: ACTION_CATALOGUE.propose_upsell.valueShare * value,
      reason: { key: 'highly_engaged', params: { interactions: f.interactionsLast90d } },
    });
  for (const c of workflows ? [] : ctx.contacts) {
    if (!c.birthday) continue;
    const days = daysUntilBirthday(c.birthday, now);
    if (days !== null && days <= s.birthdayLeadDays && reachable(c, 'marketing', now) && !suppression('birthday_message', c.id, ctx))
      cands.push({
        type: 'birthday_message',
        contact: c,
        value: ACTION_CATALOGUE.birthday_message.valueShare * value,
        reason: { key: 'birthday_in_days', params: { days, name: name(c) } },
      });
  }
  if (f.lifecycle === 'new' && !workflows)
    cands.push({
      type: 'welcome_new',
      contact: primary('welcome_new'),
      value: ACTION_CATALOGUE.welcome_new.valueShare * value,
      reason: { key: 'new_account_days', params: { days: Number.isNaN(ctx.startedAt) ? 0 : Math.floor((t - ctx.startedAt) / DAY_MS) } },
    });
  if (ctx.agency) {
    for (const c of agencyCandidates(ctx.agency.alerts, value, ctx.agency.currency)) {
      cands.push({ type: c.type, contact: ACTION_CATALOGUE[c.type].needsContact ? primary(c.type) : 'account', value: c.value, reason: c.reason });
    }
  }
  return rank(cands, ctx);
}

/** Candidates with a contact where needed and not held back, ranked by today's sampled value. */
function rank(cands: readonly Candidate[], ctx: NbaContext): NbaAction[] {
  const s = ctx.settings ?? DEFAULT_NBA_SETTINGS;
  const now = ctx.now;
  const f = ctx.facts;
  const out: NbaAction[] = [];
  for (const c of cands) {
    const def = ACTION_CATALOGUE[c.type];
    if (def.needsContact && (c.contact === null || c.contact === 'account')) continue;
    const contactId = c.contact && c.contact !== 'account' ? c.contact.id : null;
    if (suppression(c.type, contactId, ctx)) continue;
    const rate = ctx.rates[c.type];
    const probability = rate.mean;
    const expectedValue = probability * c.value;
    const sampled = sampleSuccess(rate, `${explorationDay(now)}|${f.id}|${c.type}|${contactId ?? ''}`);
    out.push({
      type: c.type,
      contactId,
      purpose: def.purpose,
      probability,
      valueAtStake: c.value,
      expectedValue,
      sampledValue: sampled * c.value,
      reason: { ...c.reason, weight: expectedValue },
      execute: def.execute,
      ...(c.workflow && { workflow: c.workflow }),
    });
  }
  return out.sort((a, b) => b.sampledValue - a.sampledValue || ACTION_TYPES.indexOf(a.type) - ACTION_TYPES.indexOf(b.type)).slice(0, s.maxActions);
}
