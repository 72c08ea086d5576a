import * as z from 'zod/mini';
import { Id, IsoDateTime } from './common';
import { AgencyAlert } from './agency-alert';

/** Derived per account by lib/scoring; recomputed on the device, never synced. */
export const Reason = z.object({ key: z.string(), weight: z.number(), params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))) });
export const SuggestedAction = z.object({
  type: z.string(),
  contactId: z._default(z.nullable(Id), null),
  expectedValue: z.number(),
  /** Today's Thompson-sampled value the actions are ranked by (lib/scoring/nba.ts); absent in scores from before it. */
  sampledValue: z.optional(z.number()),
  probability: z.number(),
  reason: Reason,
  /** Set when a lifecycle workflow proposed it (lib/lifecycle): acting on it goes into the workflows' ledger. */
  workflow: z.optional(z.object({ rule: z.string(), key: z.string(), period: z.string() })),
});
export const Score = z.object({
  accountId: Id,
  churnProbability: z.nullable(z.number().check(z.gte(0), z.lte(1))),
  churnModel: z.enum(['bgnbd', 'health', 'none']),
  reasons: z.array(Reason),
  clv: z.nullable(z.number()),
  clvMethod: z.enum(['bgnbd_gg', 'annual_value', 'none']),
  segments: z.array(z.string()),
  actions: z.array(SuggestedAction),
  /** Agency accounts only: what the campaign figures show (lib/agency/alerts.ts), as of their last day. */
  agency: z.optional(z.object({ alerts: z.array(AgencyAlert), asOf: z.nullable(z.string()), currency: z.string() })),
  computedAt: IsoDateTime,
});
export type Score = z.infer<typeof Score>;
