/**
 * Agency alerts as next-best-action candidates (lib/scoring/nba.ts ranks them with the others by expected value).
 * The value at stake is a share of what the client is worth to the agency (its annual value) times the alert's
 * severity — documented judgement, like the catalogue's other value shares, not a fitted figure.
 */
import type { AgencyAlert } from '../schema/agency-alert';

export const AGENCY_ACTION_TYPES = ['performance_review', 'budget_shift', 'investigate_drop'] as const;
export type AgencyActionType = (typeof AGENCY_ACTION_TYPES)[number];

/** Share of the client's annual value at stake per action. */
export const AGENCY_VALUE_SHARE: Record<AgencyActionType, number> = {
  // two months under target: the client's patience (and the retainer) is what is at stake
  performance_review: 0.5,
  // budget off course: money wasted or results left on the table, a smaller share
  budget_shift: 0.25,
  // a sudden drop: internal work first (tracking, landing page, bids), before the client notices
  investigate_drop: 0.3,
};

export const AGENCY_REASON_KEYS = [
  'agency_drop_conversions',
  'agency_drop_roas',
  'agency_drop_cpa',
  'agency_drop_conversionValue',
  'agency_target_roas',
  'agency_target_cpa',
  'agency_target_ctr',
  'agency_target_cpc',
  'agency_target_cpm',
  'agency_target_conversionRate',
  'agency_target_conversions',
  'agency_target_spend',
  'agency_target_conversionValue',
  'agency_pacing_over',
  'agency_pacing_under',
] as const;
export type AgencyReasonKey = (typeof AGENCY_REASON_KEYS)[number];

export interface AgencyCandidate {
  type: AgencyActionType;
  value: number;
  reason: { key: AgencyReasonKey; params: Record<string, string | number> };
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const pct = (x: number) => Math.round(Math.abs(x) * 100);

/** The reason an alert gives, with its figures rounded for display (keys in the scoring.reason.* catalogue). */
export function alertReason(a: AgencyAlert, currency: string): AgencyCandidate['reason'] {
  switch (a.kind) {
    case 'drop':
      return {
        key: `agency_drop_${a.metric}`,
        params: { percent: pct(a.change), current: round(a.current), expected: round(a.expected), from: a.from, to: a.to, currency },
      };
    case 'target_missed': {
      // rates read as percentages ("CTR 1.2 %"), the rest in their own unit
      const f = a.metric === 'ctr' || a.metric === 'conversionRate' ? (x: number) => round(x * 100, 2) : (x: number) => round(x, 2);
      return {
        key: `agency_target_${a.metric}`,
        params: {
          target: f(a.target),
          first: a.values[0] === null || a.values[0] === undefined ? '–' : f(a.values[0]),
          second: a.values[1] === null || a.values[1] === undefined ? '–' : f(a.values[1]),
          months: a.months.join(', '),
          currency,
        },
      };
    }
    case 'pacing':
      return {
        key: `agency_pacing_${a.direction}`,
        params: { percent: pct(a.ratio - 1), budget: Math.round(a.budget), projected: Math.round(a.projected), month: a.month, currency },
      };
  }
}

const ACTION_OF: Record<AgencyAlert['kind'], AgencyActionType> = { drop: 'investigate_drop', target_missed: 'performance_review', pacing: 'budget_shift' };

/** One candidate per action type (the heaviest alert behind it), valued on the client's annual value. */
export function agencyCandidates(alerts: readonly AgencyAlert[], accountValue: number, currency: string): AgencyCandidate[] {
  const best = new Map<AgencyActionType, AgencyCandidate>();
  for (const a of alerts) {
    const type = ACTION_OF[a.kind];
    const value = AGENCY_VALUE_SHARE[type] * Math.max(0, accountValue) * alertSeverity(a);
    const prev = best.get(type);
    if (!prev || value > prev.value) best.set(type, { type, value, reason: alertReason(a, currency) });
  }
  return [...best.values()];
}

/** 0..1: how much an alert weighs (for the value an action puts at stake). */
export function alertSeverity(a: AgencyAlert): number {
  switch (a.kind) {
    case 'drop':
      return Math.min(1, Math.abs(a.change));
    case 'target_missed': {
      const gaps = a.values.map((v) => (v === null || a.target === 0 ? 1 : Math.abs(v - a.target) / a.target));
      return Math.max(0.2, Math.min(1, gaps.reduce((s, g) => s + g, 0) / gaps.length));
    }
    case 'pacing':
      return Math.min(1, Math.abs(a.ratio - 1));
  }
}
