import * as z from 'zod/mini';
import { KpiMetric } from './agency-plan';

/**
 * What the scoring worker found in an agency account's figures (lib/agency/alerts.ts); kept with the account's
 * score (derived, never synced) so the panel and the client report show it without recomputing.
 */
export const AgencyAlert = z.union([
  z.object({
    kind: z.literal('drop'),
    metric: z.enum(['conversions', 'roas', 'cpa', 'conversionValue']),
    granularity: z.enum(['days', 'month']),
    from: z.string(),
    to: z.string(),
    current: z.number(),
    expected: z.number(),
    change: z.number(),
    z: z.number(),
  }),
  z.object({
    kind: z.literal('target_missed'),
    metric: KpiMetric,
    op: z.enum(['min', 'max']),
    target: z.number(),
    months: z.array(z.string()),
    values: z.array(z.nullable(z.number())),
  }),
  z.object({
    kind: z.literal('pacing'),
    direction: z.enum(['over', 'under']),
    month: z.string(),
    spend: z.number(),
    budget: z.number(),
    projected: z.number(),
    ratio: z.number(),
    complete: z.boolean(),
  }),
]);
export type AgencyAlert = z.infer<typeof AgencyAlert>;
