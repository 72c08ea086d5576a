/**
 * Which template uses got a reply, from logged interactions only (no tracking pixels): an inbound e-mail from the
 * contact after the use, in the same thread whenever it comes, or in any thread within the reply window. Each
 * reply answers one use: the latest use before it in its thread, else the latest one to that contact within the
 * window; a use keeps its first reply.
 */
export const DEFAULT_REPLY_WINDOW_DAYS = 7;
const DAY = 86_400_000;

export interface UseForReply {
  id: string;
  contactId: string | null;
  usedAt: string;
  site: string | null;
  threadRef: string | null;
}

export interface InteractionForReply {
  id: string;
  contactIds: readonly string[];
  channel: string;
  direction: string;
  occurredAt: string;
  source: { site: string; ref: string } | null;
  deletedAt?: string | null;
}

export interface Reply {
  interactionId: string;
  at: string;
}

export const isReply = (i: InteractionForReply): boolean => i.channel === 'email' && i.direction === 'inbound' && !i.deletedAt;

export function matchReplies(
  uses: readonly UseForReply[],
  interactions: readonly InteractionForReply[],
  windowDays: number = DEFAULT_REPLY_WINDOW_DAYS,
): Map<string, Reply> {
  const byContact = new Map<string, { use: UseForReply; t: number }[]>();
  for (const use of uses) {
    const t = Date.parse(use.usedAt);
    if (!use.contactId || Number.isNaN(t)) continue;
    const list = byContact.get(use.contactId) ?? [];
    list.push({ use, t });
    byContact.set(use.contactId, list);
  }
  for (const list of byContact.values()) list.sort((a, b) => a.t - b.t);

  const replies = [...interactions]
    .filter(isReply)
    .map((i) => ({ i, t: Date.parse(i.occurredAt) }))
    .filter((r) => !Number.isNaN(r.t));
  replies.sort((a, b) => a.t - b.t || (a.i.id < b.i.id ? -1 : 1));

  const out = new Map<string, Reply>();
  const window = windowDays * DAY;
  for (const { i, t } of replies) {
    for (const contactId of new Set(i.contactIds)) {
      const list = byContact.get(contactId);
      if (!list) continue;
      let inThread: UseForReply | null = null;
      let inWindow: UseForReply | null = null;
      for (const { use, t: ut } of list) {
        if (ut >= t) break;
        if (i.source && use.threadRef && use.site === i.source.site && use.threadRef === i.source.ref) inThread = use;
        if (t - ut <= window) inWindow = use;
      }
      const target = inThread ?? inWindow;
      if (target && !out.has(target.id)) out.set(target.id, { interactionId: i.id, at: i.occurredAt });
    }
  }
  return out;
}
