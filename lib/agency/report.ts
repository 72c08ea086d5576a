/**
 * The client report of one period: KPIs against target and against the period before, daily and monthly trends,
 * top campaigns and channels, what the figures flag, the account manager's notes and next steps. A plain model; the
 * report page renders it and the browser prints it (to PDF).
 */
import type { AgencyAlert } from '../schema/agency-alert';
import type { AgencyPlan } from '../schema/agency-plan';
import { addMonths, monthOf, periodDays, previousPeriod, type Period } from './dates';
import { kpis, relativeChange, type Kpis } from './kpi';
import { byCampaign, byChannel, dailySeries, monthlySeries, prepareRows, totalsIn, type CampaignLine, type StatRow } from './series';
import { evaluateTarget, type TargetResult } from './targets';
import { judgedCurrency } from './alerts';

export type ReportMetric = keyof Kpis;
export const REPORT_METRICS = [
  'spend',
  'impressions',
  'clicks',
  'ctr',
  'cpc',
  'cpm',
  'conversions',
  'conversionRate',
  'cpa',
  'conversionValue',
  'roas',
] as const satisfies readonly ReportMetric[];

export interface ReportKpi {
  metric: ReportMetric;
  value: number | null;
  previous: number | null;
  change: number | null;
  target: TargetResult | null;
}

export interface ClientReport {
  account: { id: string; name: string };
  currency: string;
  period: Period;
  previousPeriod: Period;
  kpis: ReportKpi[];
  /** The headline KPIs: those with a target, else spend, conversions, CPA and ROAS. */
  headline: ReportKpi[];
  daily: { dates: string[]; spend: number[]; conversions: number[]; roas: (number | null)[] } | null;
  monthly: { months: string[]; spend: (number | null)[]; conversions: (number | null)[]; roas: (number | null)[]; cpa: (number | null)[] };
  campaigns: CampaignLine[];
  /** Spend and results of the campaigns beyond the top ones, together. */
  otherCampaigns: { count: number; kpis: Kpis } | null;
  channels: { channel: string; kpis: Kpis }[];
  alerts: readonly AgencyAlert[];
  notes: string | null;
  nextSteps: string[];
  budget: number | null;
  coveredDays: number;
  periodDays: number;
  approximate: boolean;
  otherCurrency: number;
}

export interface ClientReportInput {
  account: { id: string; name: string; currency: string };
  plan: Pick<AgencyPlan, 'targets' | 'monthlyBudget' | 'currency' | 'pacingTolerance'> | null;
  rows: readonly StatRow[];
  period: Period;
  alerts: readonly AgencyAlert[];
  note: { notes: string | null; nextSteps: string | null } | null;
  topCampaigns?: number;
}

export function buildClientReport(input: ClientReportInput): ClientReport {
  const { period } = input;
  const currency = judgedCurrency(input.rows, input.plan, input.account.currency);
  const prepared = prepareRows(input.rows, currency);
  const rows = prepared.rows;
  const prev = previousPeriod(period);
  const now = totalsIn(rows, period);
  const k = kpis(now.totals);
  const p = kpis(totalsIn(rows, prev).totals);
  const targets = input.plan?.targets ?? [];
  const list: ReportKpi[] = REPORT_METRICS.map((metric) => {
    const t = targets.find((x) => x.metric === metric);
    return { metric, value: k[metric], previous: p[metric], change: relativeChange(k[metric], p[metric]), target: t ? evaluateTarget(k, t) : null };
  });
  for (const t of targets)
    if (!(REPORT_METRICS as readonly string[]).includes(t.metric))
      list.push({
        metric: t.metric,
        value: k[t.metric],
        previous: p[t.metric],
        change: relativeChange(k[t.metric], p[t.metric]),
        target: evaluateTarget(k, t),
      });
  const withTarget = list.filter((x) => x.target);
  // lead generation (no conversion value): ROAS says nothing, CPA is the efficiency
  const valued = now.totals.conversionValue > 0 || totalsIn(rows, prev).totals.conversionValue > 0;
  const defaults = valued ? ['spend', 'conversions', 'cpa', 'roas'] : ['spend', 'conversions', 'cpa'];
  const headline = withTarget.length
    ? [...withTarget, ...list.filter((x) => !x.target && (x.metric === 'spend' || x.metric === 'conversions'))]
    : list.filter((x) => defaults.includes(x.metric));

  const d = dailySeries(rows, period.from, period.to);
  const hasDaily = d.hasData.filter(Boolean).length >= Math.min(7, periodDays(period));
  const lastMonth = monthOf(period.to);
  const m = monthlySeries(rows, addMonths(lastMonth, -11), lastMonth);
  const mk = m.totals.map((t, i) => (m.hasData[i] ? kpis(t) : null));
  const campaigns = byCampaign(rows, period);
  const top = input.topCampaigns ?? 8;
  const rest = campaigns.slice(top);
  const restTotals = rest.reduce(
    (acc, c) => ({
      spend: acc.spend + c.totals.spend,
      impressions: acc.impressions + c.totals.impressions,
      clicks: acc.clicks + c.totals.clicks,
      conversions: acc.conversions + c.totals.conversions,
      conversionValue: acc.conversionValue + c.totals.conversionValue,
    }),
    { spend: 0, impressions: 0, clicks: 0, conversions: 0, conversionValue: 0 },
  );
  return {
    account: { id: input.account.id, name: input.account.name },
    currency,
    period,
    previousPeriod: prev,
    kpis: valued ? list : list.filter((x) => x.target || (x.metric !== 'roas' && x.metric !== 'conversionValue')),
    headline,
    daily: hasDaily
      ? { dates: d.dates, spend: d.totals.map((t) => t.spend), conversions: d.totals.map((t) => t.conversions), roas: d.totals.map((t) => kpis(t).roas) }
      : null,
    monthly: {
      months: m.months,
      spend: mk.map((x) => x?.spend ?? null),
      conversions: mk.map((x) => x?.conversions ?? null),
      roas: mk.map((x) => x?.roas ?? null),
      cpa: mk.map((x) => x?.cpa ?? null),
    },
    campaigns: campaigns.slice(0, top),
    otherCampaigns: rest.length ? { count: rest.length, kpis: kpis(restTotals) } : null,
    channels: byChannel(rows, period).map((c) => ({ channel: c.channel, kpis: c.kpis })),
    alerts: input.alerts,
    notes: input.note?.notes?.trim() || null,
    nextSteps: (input.note?.nextSteps ?? '')
      .split(/\r?\n/)
      .map((s) => s.replace(/^\s*[-•*]\s*/, '').trim())
      .filter(Boolean),
    budget: input.plan?.monthlyBudget ?? null,
    coveredDays: now.coveredDays,
    periodDays: periodDays(period),
    approximate: now.approximate,
    otherCurrency: prepared.otherCurrency,
  };
}

/** The address of the printable report page (an extension page) for one client and period. */
export function clientReportPath(accountId: string, period: Period, lang?: 'fr' | 'en'): string {
  const q = new URLSearchParams({ account: accountId, from: period.from, to: period.to });
  if (lang) q.set('lang', lang);
  return `/report.html?${q.toString()}`;
}
