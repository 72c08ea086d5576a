/**
 * What an agency account's figures call for: a significant drop (lib/agency/drops.ts), a target missed two months
 * in a row, spend pacing off budget. Computed per account in the scoring worker; pure.
 */
import type { AgencyAlert } from '../schema/agency-alert';
import type { AgencyPlan } from '../schema/agency-plan';
import { addDays, addMonths, daysBetween, isoDay, monthEnd, monthOf, monthPeriod } from './dates';
import { checkDrops, dailyOptionsFor, MONTHLY_DROP_OPTIONS, type DropMetric } from './drops';
import { kpis, sumTotals } from './kpi';
import { pacing } from './pacing';
import { dailySeries, extent, mainCurrency, monthlySeries, prepareRows, totalsIn, type StatRow } from './series';
import { evaluateTarget } from './targets';

export type PlanLike = Pick<AgencyPlan, 'targets' | 'monthlyBudget' | 'pacingTolerance' | 'currency'>;

export interface AgencyAssessment {
  alerts: AgencyAlert[];
  /** Last day with figures (never after today), or null without figures. */
  asOf: string | null;
  currency: string;
}

/** Figures older than this say nothing about today: no alert from them. */
export const STALE_AFTER_DAYS = 62;
/** Days of daily figures, out of the last 28, needed to judge on days rather than months. */
const DAILY_COVERAGE = 21;

/** The currency the account's figures are judged in: the plan's when figures exist in it, else the main one. */
export function judgedCurrency(rows: readonly StatRow[], plan: PlanLike | null, accountCurrency: string): string {
  const live = rows.filter((r) => !r.deletedAt);
  const preferred = plan?.currency ?? accountCurrency;
  return live.some((r) => r.currency === preferred) || live.length === 0 ? preferred : mainCurrency(live, preferred);
}

function dropMetrics(rows: readonly StatRow[]): DropMetric[] {
  // Lead generation has no conversion value: its efficiency is the cost per conversion.
  return rows.some((r) => r.conversionValue > 0) ? ['conversions', 'roas'] : ['conversions', 'cpa'];
}

function dropAlerts(rows: readonly StatRow[], asOf: string): AgencyAlert[] {
  const metrics = dropMetrics(rows);
  const recent = dailySeries(rows, addDays(asOf, -27), asOf);
  if (recent.hasData.filter(Boolean).length >= DAILY_COVERAGE) {
    const first = rows.reduce((m, r) => (r.period === 'day' && r.date < m ? r.date : m), asOf);
    const from = [addDays(asOf, -(84 + 28 - 1)), first].sort().at(-1)!;
    const s = dailySeries(rows, from, asOf).totals;
    const opts = dailyOptionsFor(s);
    return checkDrops(s, opts, metrics)
      .filter((c) => c.alarm)
      .map((c) => ({
        kind: 'drop',
        metric: c.metric,
        granularity: 'days',
        from: addDays(asOf, -(c.window - 1)),
        to: asOf,
        current: c.current,
        expected: c.expected,
        change: c.change,
        z: c.z,
      }));
  }
  // Monthly figures: the last finished month against the months before it.
  const last = asOf >= monthEnd(monthOf(asOf)) ? monthOf(asOf) : addMonths(monthOf(asOf), -1);
  const m = monthlySeries(rows, addMonths(last, -MONTHLY_DROP_OPTIONS.baseline), last);
  const firstWithData = m.hasData.indexOf(true);
  if (firstWithData < 0 || !m.hasData.at(-1)) return [];
  const s = m.totals.slice(firstWithData);
  return checkDrops(s, MONTHLY_DROP_OPTIONS, metrics)
    .filter((c) => c.alarm)
    .map((c) => ({
      kind: 'drop',
      metric: c.metric,
      granularity: 'month',
      from: `${last}-01`,
      to: monthEnd(last),
      current: c.current,
      expected: c.expected,
      change: c.change,
      z: c.z,
    }));
}

/** Targets missed in each of the last two finished months that have figures. */
function targetAlerts(rows: readonly StatRow[], plan: PlanLike, asOf: string): AgencyAlert[] {
  if (plan.targets.length === 0) return [];
  const last = asOf >= monthEnd(monthOf(asOf)) ? monthOf(asOf) : addMonths(monthOf(asOf), -1);
  const months = [addMonths(last, -1), last];
  const monthKpis = months.map((m) => {
    const t = totalsIn(rows, monthPeriod(m));
    return t.coveredDays > 0 ? kpis(t.totals) : null;
  });
  if (monthKpis.some((k) => k === null)) return [];
  const out: AgencyAlert[] = [];
  for (const target of plan.targets) {
    const results = monthKpis.map((k) => evaluateTarget(k!, target));
    if (results.every((r) => r.status === 'missed')) {
      out.push({ kind: 'target_missed', metric: target.metric, op: target.op, target: target.value, months, values: results.map((r) => r.value) });
    }
  }
  return out;
}

export function assessAgencyAccount(input: { rows: readonly StatRow[]; plan: PlanLike | null; accountCurrency: string; today: Date }): AgencyAssessment {
  const currency = judgedCurrency(input.rows, input.plan, input.accountCurrency);
  const { rows } = prepareRows(input.rows, currency);
  const ext = extent(rows);
  if (!ext) return { alerts: [], asOf: null, currency };
  const today = isoDay(input.today);
  const asOf = ext.to > today ? today : ext.to;
  if (daysBetween(asOf, today) > STALE_AFTER_DAYS || sumTotals(rows).spend === 0) return { alerts: [], asOf, currency };
  const alerts: AgencyAlert[] = [...dropAlerts(rows, asOf)];
  if (input.plan) {
    alerts.push(...targetAlerts(rows, input.plan, asOf));
    const p = pacing(rows, input.plan.monthlyBudget, input.plan.pacingTolerance, asOf);
    if (p && p.status !== 'on_track') {
      alerts.push({
        kind: 'pacing',
        direction: p.status,
        month: p.month,
        spend: p.spend,
        budget: p.budget,
        projected: p.projected,
        ratio: p.ratio,
        complete: p.complete,
      });
    }
  }
  return { alerts, asOf, currency };
}
