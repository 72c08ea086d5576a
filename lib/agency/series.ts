/**
 * From stored campaign rows to the figures of a period, a daily series or a monthly one. Rows may be daily,
 * monthly or a range within a month, and a month may hold both (a monthly report imported, then the daily one):
 * per campaign and month, daily rows win over the others, and a month row over ranges, so nothing is counted twice.
 */
import type { AdChannel, CampaignStat } from '../schema/campaign-stat';
import { addDays, dayNumber, daysBetween, monthOf, monthsBetween, overlapDays, periodDays, type Period } from './dates';
import { addTotals, kpis, sumTotals, ZERO_TOTALS, type Kpis, type Totals } from './kpi';

export type StatRow = Pick<
  CampaignStat,
  'period' | 'date' | 'endDate' | 'channel' | 'campaign' | 'campaignId' | 'spend' | 'impressions' | 'clicks' | 'conversions' | 'conversionValue' | 'currency'
> &
  Partial<Pick<CampaignStat, 'id' | 'accountId' | 'deletedAt'>>;

/** The identity of a campaign across rows: its platform id when known, else its name (case-insensitive). */
export function campaignKey(r: Pick<StatRow, 'channel' | 'campaign' | 'campaignId'>): string {
  return `${r.channel}|${r.campaignId ? `#${r.campaignId}` : r.campaign.trim().toLowerCase()}`;
}

/** The key that makes a row unique in an account: campaign, period kind and first day. */
export function rowKey(r: Pick<StatRow, 'channel' | 'campaign' | 'campaignId' | 'period' | 'date'>): string {
  return `${campaignKey(r)}|${r.period}|${r.date}`;
}

/** The currency most of the spend is in (the account's own when there is no spend yet). */
export function mainCurrency(rows: readonly StatRow[], fallback: string): string {
  const by = new Map<string, number>();
  for (const r of rows) by.set(r.currency, (by.get(r.currency) ?? 0) + r.spend + 1e-9);
  let best = fallback;
  let max = -1;
  for (const [c, v] of by) if (v > max || (v === max && c === fallback)) [best, max] = [c, v];
  return best;
}

export interface Prepared {
  /** Rows kept after precedence, in the currency given. */
  rows: StatRow[];
  currency: string;
  /** Rows left out because they are in another currency (not added to a different money). */
  otherCurrency: number;
}

/** Live rows in one currency, with daily rows preferred over monthly ones and month rows over ranges. */
export function prepareRows(all: readonly StatRow[], currency?: string): Prepared {
  const live = all.filter((r) => !r.deletedAt);
  const cur = currency ?? mainCurrency(live, 'EUR');
  const same = live.filter((r) => r.currency === cur);
  const rank = { day: 3, month: 2, range: 1 } as const;
  const best = new Map<string, number>();
  for (const r of same) {
    const k = `${campaignKey(r)}|${monthOf(r.date)}`;
    best.set(k, Math.max(best.get(k) ?? 0, rank[r.period]));
  }
  const rows = same.filter((r) => rank[r.period] === best.get(`${campaignKey(r)}|${monthOf(r.date)}`));
  return { rows, currency: cur, otherCurrency: live.length - same.length };
}

export interface PeriodTotals {
  totals: Totals;
  /** Some monthly or range rows only partly inside the period were prorated by days. */
  approximate: boolean;
  /** Days of the period with at least one row covering them. */
  coveredDays: number;
}

/** Totals of prepared rows over a period; a row partly inside counts for the share of its days inside. */
export function totalsIn(rows: readonly StatRow[], p: Period): PeriodTotals {
  let t: Totals = { ...ZERO_TOTALS };
  let approximate = false;
  const covered = new Set<number>();
  for (const r of rows) {
    if (r.endDate < p.from || r.date > p.to) continue;
    const span = { from: r.date, to: r.endDate };
    const inside = overlapDays(span, p);
    if (inside === 0) continue;
    const share = inside / periodDays(span);
    if (share < 1) approximate = true;
    t = addTotals(t, r, share);
    const from = dayNumber(r.date > p.from ? r.date : p.from);
    for (let i = 0; i < inside && covered.size <= 3660; i++) covered.add(from + i);
  }
  return { totals: t, approximate, coveredDays: covered.size };
}

export interface DailySeries {
  dates: string[];
  totals: Totals[];
  /** Whether the day has daily rows (a month known only as a monthly total has no daily figures). */
  hasData: boolean[];
}

/** One entry per day from `from` to `to`, from daily rows only. */
export function dailySeries(rows: readonly StatRow[], from: string, to: string): DailySeries {
  const n = Math.max(0, daysBetween(from, to) + 1);
  const dates = Array.from({ length: n }, (_, i) => addDays(from, i));
  const totals = dates.map(() => ({ ...ZERO_TOTALS }));
  const hasData = dates.map(() => false);
  for (const r of rows) {
    if (r.period !== 'day') continue;
    const i = daysBetween(from, r.date);
    if (i < 0 || i >= n) continue;
    totals[i] = addTotals(totals[i]!, r);
    hasData[i] = true;
  }
  return { dates, totals, hasData };
}

export interface MonthlySeries {
  months: string[];
  totals: Totals[];
  hasData: boolean[];
  /** Days of each month covered by the rows (a month in progress has fewer than its length). */
  coveredDays: number[];
}

export function monthlySeries(rows: readonly StatRow[], fromMonth: string, toMonth: string): MonthlySeries {
  const months = monthsBetween(fromMonth, toMonth);
  const index = new Map(months.map((m, i) => [m, i]));
  const totals = months.map(() => ({ ...ZERO_TOTALS }));
  const days = months.map(() => new Set<number>());
  for (const r of rows) {
    const i = index.get(monthOf(r.date));
    if (i === undefined) continue;
    totals[i] = addTotals(totals[i]!, r);
    const first = dayNumber(r.date);
    const n = dayNumber(r.endDate) - first + 1;
    for (let d = 0; d < n; d++) days[i]!.add(first + d);
  }
  return { months, totals, hasData: days.map((d) => d.size > 0), coveredDays: days.map((d) => d.size) };
}

export interface CampaignLine {
  key: string;
  channel: AdChannel;
  campaign: string;
  totals: Totals;
  kpis: Kpis;
}

/** Campaigns with figures in the period, most spend first. */
export function byCampaign(rows: readonly StatRow[], p: Period): CampaignLine[] {
  const groups = new Map<string, { channel: AdChannel; campaign: string; rows: StatRow[] }>();
  for (const r of rows) {
    if (overlapDays({ from: r.date, to: r.endDate }, p) === 0) continue;
    const k = campaignKey(r);
    const g = groups.get(k) ?? { channel: r.channel, campaign: r.campaign, rows: [] };
    // the newest name of a renamed campaign
    if (r.date >= (g.rows.at(-1)?.date ?? '')) g.campaign = r.campaign || g.campaign;
    g.rows.push(r);
    groups.set(k, g);
  }
  return [...groups.entries()]
    .map(([key, g]) => {
      const totals = totalsIn(g.rows, p).totals;
      return { key, channel: g.channel, campaign: g.campaign, totals, kpis: kpis(totals) };
    })
    .filter((c) => c.totals.spend > 0 || c.totals.impressions > 0 || c.totals.conversions > 0)
    .sort((a, b) => b.totals.spend - a.totals.spend || a.campaign.localeCompare(b.campaign));
}

export function byChannel(rows: readonly StatRow[], p: Period): { channel: AdChannel; totals: Totals; kpis: Kpis }[] {
  const by = new Map<AdChannel, StatRow[]>();
  for (const r of rows) {
    const list = by.get(r.channel);
    if (list) list.push(r);
    else by.set(r.channel, [r]);
  }
  return [...by.entries()]
    .map(([channel, rs]) => {
      const totals = totalsIn(rs, p).totals;
      return { channel, totals, kpis: kpis(totals) };
    })
    .filter((c) => c.totals.spend > 0 || c.totals.impressions > 0)
    .sort((a, b) => b.totals.spend - a.totals.spend);
}

/** First and last day any row covers, or null without rows. */
export function extent(rows: readonly StatRow[]): Period | null {
  if (rows.length === 0) return null;
  let from = rows[0]!.date;
  let to = rows[0]!.endDate;
  for (const r of rows) {
    if (r.date < from) from = r.date;
    if (r.endDate > to) to = r.endDate;
  }
  return { from, to };
}

export { sumTotals };
