/**
 * The agency view of a period: per client, the KPIs against target and against the period before, and for the
 * portfolio the spend under management, the blended ROAS and the clients below target. Money is never added across
 * currencies: totals are per currency, and in one reporting currency only when a converter is given.
 */
import type { AgencyAlert } from '../schema/agency-alert';
import type { AgencyPlan, KpiMetric } from '../schema/agency-plan';
import { previousPeriod, type Period } from './dates';
import { addTotals, kpis, relativeChange, ZERO_TOTALS, type Kpis, type Totals } from './kpi';
import { prepareRows, totalsIn, type StatRow } from './series';
import { anyMissed, evaluateTargets, type TargetResult } from './targets';
import { judgedCurrency } from './alerts';

export interface ClientInput {
  account: { id: string; name: string; currency: string; owner?: string | null };
  plan: Pick<AgencyPlan, 'targets' | 'monthlyBudget' | 'pacingTolerance' | 'currency'> | null;
  /** The client's rows (at least those of the period and the one before). */
  rows: readonly StatRow[];
  alerts: readonly AgencyAlert[];
}

export const CHANGE_METRICS = ['spend', 'conversions', 'roas', 'cpa'] as const satisfies readonly KpiMetric[];

export interface ClientSummary {
  accountId: string;
  name: string;
  owner: string | null;
  currency: string;
  totals: Totals;
  kpis: Kpis;
  previous: Kpis;
  /** Relative change from the period before, per KPI (null without a base). */
  change: Record<(typeof CHANGE_METRICS)[number], number | null>;
  targets: TargetResult[];
  belowTarget: boolean;
  alerts: readonly AgencyAlert[];
  /** Days of the period with figures. */
  coveredDays: number;
  /** Rows left out because they are in another currency. */
  otherCurrency: number;
  approximate: boolean;
}

export function clientSummary(input: ClientInput, period: Period): ClientSummary {
  const currency = judgedCurrency(input.rows, input.plan, input.account.currency);
  const prepared = prepareRows(input.rows, currency);
  const now = totalsIn(prepared.rows, period);
  const before = totalsIn(prepared.rows, previousPeriod(period));
  const k = kpis(now.totals);
  const p = kpis(before.totals);
  const targets = input.plan ? evaluateTargets(k, input.plan.targets) : [];
  return {
    accountId: input.account.id,
    name: input.account.name,
    owner: input.account.owner ?? null,
    currency,
    totals: now.totals,
    kpis: k,
    previous: p,
    change: Object.fromEntries(CHANGE_METRICS.map((m) => [m, relativeChange(k[m], p[m])])) as ClientSummary['change'],
    targets,
    belowTarget: anyMissed(targets),
    alerts: input.alerts,
    coveredDays: now.coveredDays,
    otherCurrency: prepared.otherCurrency,
    approximate: now.approximate,
  };
}

export interface CurrencyTotals {
  currency: string;
  clients: number;
  totals: Totals;
  previous: Totals;
  /** Σ conversion value / Σ spend of every client in this currency. */
  roas: number | null;
  previousRoas: number | null;
}

export interface AgencyOverview {
  /** Below target first, then with alerts, then by spend. */
  clients: ClientSummary[];
  byCurrency: CurrencyTotals[];
  /** All currencies in one, when a converter was given and knows every rate. */
  converted: { currency: string; spend: number; roas: number | null; previousSpend: number } | null;
  belowTarget: number;
  withAlerts: number;
  /** Clients with figures in the period. */
  active: number;
}

/** Converts an amount into the reporting currency, or null when the rate is unknown. */
export type Converter = { currency: string; convert: (amount: number, from: string) => number | null };

export function agencyOverview(clients: readonly ClientSummary[], converter?: Converter): AgencyOverview {
  const sorted = [...clients].sort(
    (a, b) =>
      Number(b.belowTarget) - Number(a.belowTarget) ||
      Number(b.alerts.length > 0) - Number(a.alerts.length > 0) ||
      b.totals.spend - a.totals.spend ||
      a.name.localeCompare(b.name),
  );
  const by = new Map<string, CurrencyTotals>();
  for (const c of clients) {
    if (c.coveredDays === 0 && c.previous.spend === 0) continue;
    const cur = by.get(c.currency) ?? {
      currency: c.currency,
      clients: 0,
      totals: { ...ZERO_TOTALS },
      previous: { ...ZERO_TOTALS },
      roas: null,
      previousRoas: null,
    };
    cur.clients++;
    cur.totals = addTotals(cur.totals, c.totals);
    cur.previous = addTotals(cur.previous, c.previous);
    by.set(c.currency, cur);
  }
  const byCurrency = [...by.values()]
    .map((c) => ({ ...c, roas: kpis(c.totals).roas, previousRoas: kpis(c.previous).roas }))
    .sort((a, b) => b.totals.spend - a.totals.spend);
  let converted: AgencyOverview['converted'] = null;
  if (converter && byCurrency.length) {
    let spend = 0;
    let value = 0;
    let previousSpend = 0;
    let ok = true;
    for (const c of byCurrency) {
      const s = converter.convert(c.totals.spend, c.currency);
      const v = converter.convert(c.totals.conversionValue, c.currency);
      const p = converter.convert(c.previous.spend, c.currency);
      if (s === null || v === null || p === null) ok = false;
      else {
        spend += s;
        value += v;
        previousSpend += p;
      }
    }
    if (ok) converted = { currency: converter.currency, spend, roas: spend > 0 ? value / spend : null, previousSpend };
  }
  return {
    clients: sorted,
    byCurrency,
    converted,
    belowTarget: clients.filter((c) => c.belowTarget).length,
    withAlerts: clients.filter((c) => c.alerts.length > 0).length,
    active: clients.filter((c) => c.coveredDays > 0).length,
  };
}
