import * as z from 'zod/mini';
import { recordBase, Id, IsoDateTime, OptionalText, Text } from './common';

export const Channel = z.enum(['email', 'call', 'meeting', 'linkedin', 'ticket', 'chat', 'note']);
export type Channel = z.infer<typeof Channel>;
export const Direction = z.enum(['inbound', 'outbound', 'internal']);
export const Outcome = z.enum(['completed', 'follow_up', 'meeting_booked', 'no_answer', 'resolved', 'won', 'lost']);
export const Sentiment = z.enum(['positive', 'neutral', 'negative']);
export const TicketStatus = z.enum(['new', 'open', 'pending', 'on_hold', 'solved', 'closed']);
export const Site = z.enum(['gmail', 'outlook', 'linkedin', 'zendesk', 'freshdesk', 'manual', 'import']);
export type Site = z.infer<typeof Site>;

/** Where an interaction came from: logging the same thread or ticket again updates it. */
export const SourceRef = z.object({
  site: Site,
  /** Thread id, ticket id or canonical profile URL: stable for the thing on that site. */
  ref: Text(500).check(z.minLength(1)),
  url: OptionalText(2000),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const InteractionFields = {
  accountId: z._default(z.nullable(Id), null),
  contactIds: z._default(z.array(Id), []),
  channel: Channel,
  direction: z._default(Direction, 'outbound'),
  occurredAt: IsoDateTime,
  subject: z._default(Text(1000), ''),
  summary: OptionalText(50000),
  source: z._default(z.nullable(SourceRef), null),
  outcome: z._default(z.nullable(Outcome), null),
  sentiment: z._default(z.nullable(Sentiment), null),
  /** For tickets: their state when last seen, so open tickets count in health. */
  ticketStatus: z._default(z.nullable(TicketStatus), null),
  durationMinutes: z._default(z.nullable(z.number().check(z.gte(0), z.lte(24 * 60))), null),
};

export const Interaction = z.object({ ...recordBase, ...InteractionFields });
export type Interaction = z.infer<typeof Interaction>;
export const InteractionInput = z.object(InteractionFields);
export type InteractionInput = z.input<typeof InteractionInput>;
