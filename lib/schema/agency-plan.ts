import * as z from 'zod/mini';
import { recordBase, Id, Currency, Money, OptionalText, Text } from './common';
import { AdChannel } from './campaign-stat';

/** The KPIs a target can be set on; each has its natural direction (see lib/agency/kpi.ts). */
export const KpiMetric = z.enum(['roas', 'cpa', 'ctr', 'cpc', 'cpm', 'conversionRate', 'conversions', 'spend', 'conversionValue']);
export type KpiMetric = z.infer<typeof KpiMetric>;

/** "ROAS ≥ 4", "CPA ≤ 30": `min` is met at or above the value, `max` at or below. Rates (CTR) are fractions: 0.02 = 2 %. */
export const KpiTarget = z.object({
  metric: KpiMetric,
  op: z.enum(['min', 'max']),
  value: z.number().check(z.gte(0), z.lte(1e12)),
});
export type KpiTarget = z.infer<typeof KpiTarget>;

/** A platform account (Google Ads customer id, Meta ad account…) that belongs to this client: imports match by it. */
export const AdAccountLink = z.object({
  channel: AdChannel,
  /** Id as the platform writes it ("123-456-7890"), or '' when only the name is known. */
  externalId: z._default(Text(64), ''),
  name: z._default(Text(200), ''),
});
export type AdAccountLink = z.infer<typeof AdAccountLink>;

/**
 * What the agency agreed with a client: KPI targets, the monthly media budget (spend pacing is judged against
 * it) and the platform accounts its reports come from. One live plan per account.
 */
export const AgencyPlanFields = {
  accountId: Id,
  targets: z._default(z.array(KpiTarget).check(z.maxLength(20)), []),
  monthlyBudget: z._default(z.nullable(Money.check(z.lte(1e12))), null),
  /** Currency of the budget and the targets in money (CPA, CPC, CPM); the account's currency by default. */
  currency: z._default(Currency, 'EUR'),
  /** Allowed pacing gap before an alert, as a fraction of the budget (0.1 = ±10 %). */
  pacingTolerance: z._default(z.number().check(z.gte(0.01), z.lte(1)), 0.1),
  adAccounts: z._default(z.array(AdAccountLink).check(z.maxLength(50)), []),
  /** Language of the client report; null = the UI's. */
  reportLanguage: z._default(z.nullable(z.enum(['fr', 'en'])), null),
  notes: OptionalText(5000),
};
export const AgencyPlan = z.object({ ...recordBase, ...AgencyPlanFields });
export type AgencyPlan = z.infer<typeof AgencyPlan>;
export const AgencyPlanInput = z.object(AgencyPlanFields);
export type AgencyPlanInput = z.input<typeof AgencyPlanInput>;
