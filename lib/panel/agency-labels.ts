/** Human text for the agency screens and the client report: KPI values, changes, targets, alerts, periods. */
import { t, translate, type Lang, type MessageKey } from '../i18n';
import { formatDay, formatMoney, formatMonth, formatNumber, formatPercent } from '../i18n/format';
import type { AgencyAlert } from '../schema/agency-alert';
import type { AdChannel, KpiTarget } from '../schema';
import { alertReason } from '../agency/actions';
import { isWholeMonths, monthOf, monthsBetween, type Period } from '../agency/dates';
import { METRIC_DIRECTION } from '../agency/kpi';
import type { ReportMetric } from '../agency/report';
import { describeReason } from './view/scoring-labels';
import { issueText as importIssueText } from './view/import-issues';
import type { RowIssue } from '../import/plan';

const tr = (key: MessageKey, lang?: Lang, params?: Record<string, string | number>) => (lang ? translate(lang, key, params) : t(key, params));

export function metricLabel(metric: ReportMetric, lang?: Lang): string {
  return tr(`agency.metric.${metric}` as MessageKey, lang);
}

export function channelLabel(channel: AdChannel | string, lang?: Lang): string {
  return tr(`agency.channel.${channel}` as MessageKey, lang);
}

const MONEY: ReadonlySet<string> = new Set(['spend', 'cpc', 'cpm', 'cpa', 'conversionValue']);
const RATE: ReadonlySet<string> = new Set(['ctr', 'conversionRate']);

/** A KPI's value in its unit: money in the account's currency, rates as percentages, ROAS with two decimals. */
export function formatKpi(metric: ReportMetric, value: number | null, currency: string): string {
  if (value === null) return '–';
  if (MONEY.has(metric)) return formatMoney(value, currency, Math.abs(value) < 1000 && metric !== 'spend' && metric !== 'conversionValue' ? 2 : 0);
  if (RATE.has(metric)) return formatPercent(value, 2);
  if (metric === 'roas') return formatNumber(value, 2);
  if (metric === 'conversions') return formatNumber(value, value < 100 && !Number.isInteger(value) ? 1 : 0);
  return formatNumber(value);
}

/** "+12 %", "−8 %", or "–" without a base. */
export function formatChange(change: number | null): string {
  if (change === null || !Number.isFinite(change)) return '–';
  const p = formatPercent(Math.abs(change), Math.abs(change) < 0.1 ? 1 : 0);
  return change > 0 ? `+${p}` : change < 0 ? `−${p}` : p;
}

/** Whether a change is good news for this KPI. */
export function changeTone(metric: ReportMetric, change: number | null): 'good' | 'bad' | 'neutral' {
  const dir = metric in METRIC_DIRECTION ? METRIC_DIRECTION[metric as keyof typeof METRIC_DIRECTION] : 'higher';
  if (change === null || Math.abs(change) < 0.005 || dir === 'neutral') return 'neutral';
  return change > 0 === (dir === 'higher') ? 'good' : 'bad';
}

/** "ROAS ≥ 4", "CPA ≤ 30,00 €". */
export function targetLabel(target: KpiTarget, currency: string, lang?: Lang): string {
  return `${metricLabel(target.metric, lang)} ${target.op === 'min' ? '≥' : '≤'} ${formatKpi(target.metric, target.value, currency)}`;
}

export function alertText(alert: AgencyAlert, currency: string, lang?: Lang): string {
  return describeReason(alertReason(alert, currency), lang);
}

/** "October 2026", "Aug – Oct 2026", or "3 Oct 2026 – 17 Oct 2026". */
export function periodLabel(p: Period): string {
  if (isWholeMonths(p)) {
    const months = monthsBetween(monthOf(p.from), monthOf(p.to));
    if (months.length === 1) return formatMonth(months[0]!);
    return `${formatMonth(months[0]!, 'short')} – ${formatMonth(months.at(-1)!, 'short')}`;
  }
  return p.from === p.to ? formatDay(p.from) : `${formatDay(p.from)} – ${formatDay(p.to)}`;
}

const METRIC_FIELDS: ReadonlySet<string> = new Set(['spend', 'impressions', 'clicks', 'conversions', 'conversionValue']);

/** A dry-run issue in the UI's language when it has a message key, else its English reason. */
export function issueText(issue: Pick<RowIssue, 'reason' | 'key' | 'params'>, lang?: Lang): string {
  const params = { ...issue.params };
  if (typeof params.field === 'string' && METRIC_FIELDS.has(params.field)) params.field = metricLabel(params.field as ReportMetric, lang);
  return importIssueText({ ...issue, params }, lang);
}
