import * as z from 'zod/mini';
import { PageContext } from '../schema/page-context';

/**
 * Every message between content scripts, background and panel: its payload schema and who may send it.
 * The receiver parses with the schema and checks the sender before any handler runs.
 */
export const MESSAGES = {
  /** A content script read the page: what it shows now. */
  pageContext: { from: 'content', payload: PageContext },
  /** The panel asks the background to recompute a tab's match (after creating a contact, say). */
  rematchTab: { from: 'extension', payload: z.object({ tabId: z.number().check(z.int()) }) },
  /** "Create contact" from what a tab shows: the background creates it (and its account by domain) and rematches. */
  createContactFromTab: {
    from: 'extension',
    payload: z.object({ tabId: z.number().check(z.int()), personIndex: z._default(z.number().check(z.int(), z.gte(-1)), -1) }),
  },
  /** The panel asks for a sync now (Settings, "Sync now"). */
  syncNow: { from: 'extension', payload: z.object({}) },
} as const;

/**
 * What each message's handler answers (types only: content scripts carry no zod). Any message may also be
 * answered with a Rejection (bad sender or payload), or undefined when no context handles it.
 */
export interface Replies {
  pageContext: { ok: true; known: string[] };
  rematchTab: { ok: boolean };
  createContactFromTab: { ok: true; contactId: string } | { error: string };
  syncNow: SyncNowReply;
}

/** A sync run as the panel hears of it (lib/background/sync's RunResult, as sent). */
export type SyncNowReply =
  | { ok: true; pushed: number; pulled: number; rejected: number; setAside: number }
  | { ok: false; error: string; retryInMs: number | null }
  | null;

export type Rejection = { error: string };
export type Reply<K extends MessageName> = Replies[K];

export type MessageName = keyof typeof MESSAGES;
export type MessagePayload<K extends MessageName> = z.input<(typeof MESSAGES)[K]['payload']>;
export type ParsedPayload<K extends MessageName> = z.infer<(typeof MESSAGES)[K]['payload']>;

export interface Envelope<K extends MessageName = MessageName> {
  carnet: 1;
  name: K;
  payload: MessagePayload<K>;
}

/** A content script's answer to insertIntoCompose (lib/messaging/compose-protocol.ts), parsed by the panel. */
export const ComposeInsertReply = z.union([
  z.object({ ok: z.literal(true), site: z.enum(['gmail', 'outlook']), kind: z.enum(['compose', 'reply']), atCursor: z.boolean(), subjectSet: z.boolean() }),
  z.object({ ok: z.literal(false), reason: z.enum(['no_compose', 'bad_request', 'bad_sender', 'failed']) }),
]);
export type ComposeInsertReply = z.infer<typeof ComposeInsertReply>;
