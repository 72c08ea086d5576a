import type { Channel, InteractionInput, PageSite } from '../../schema';
import { TicketStatus } from '../../schema';
import type { TabState } from '../../background/tab-state';

const CHANNEL: Record<PageSite, Channel> = {
  gmail: 'email',
  outlook: 'email',
  linkedin: 'linkedin',
  zendesk: 'ticket',
  freshdesk: 'ticket',
};

export function channelOfSite(site: PageSite): Channel {
  return CHANNEL[site];
}

/** The label of the page's one-click log action: "Log this email" / "ticket" / "LinkedIn message". */
export function logActionKind(state: TabState | null): Channel | null {
  if (!state || state.context.kind === 'none' || state.context.kind === 'compose') return null;
  if (!state.match.primary) return null;
  return channelOfSite(state.context.site);
}

/**
 * The interaction that "Log this …" records for what the tab shows: the thread, ticket or profile as its
 * source (so logging it again updates it), every matched person as a participant, the primary person's
 * account, inbound when the primary person wrote it. Null when there is nothing to log.
 */
export function interactionFromTab(state: TabState, now: Date): InteractionInput | null {
  const { context, match } = state;
  if (context.kind === 'none' || context.kind === 'compose' || !match.primary) return null;
  const people = [match.primary, ...match.others];
  const contactIds = [...new Set(people.map((p) => p.contactId).filter((id): id is string => !!id))];
  const accountId = match.primary.accountId ?? people.find((p) => p.accountId)?.accountId ?? null;
  const role = match.primary.person.role;
  const status = TicketStatus.safeParse(context.ticket?.status?.toLowerCase().replace(/\s+/g, '_'));
  const ref = context.ref?.trim() || context.url;
  return {
    channel: channelOfSite(context.site),
    direction: role === 'from' || role === 'requester' ? 'inbound' : 'outbound',
    occurredAt: now.toISOString(),
    subject: (context.subject ?? '').slice(0, 1000),
    contactIds,
    accountId,
    source: { site: context.site, ref: ref.slice(0, 500), url: context.url.slice(0, 2000) },
    ticketStatus: status.success ? status.data : null,
  };
}
