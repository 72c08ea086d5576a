/**
 * The one message the panel sends to a mail site's content script: write this text into the open compose window.
 * No zod here (content scripts stay small): the request is checked by hand, field by field; the panel parses the
 * reply with ComposeInsertReply (lib/messaging/schemas.ts).
 */
export const INSERT_INTO_COMPOSE = 'insertIntoCompose';
export const MAX_COMPOSE_BODY = 20_000;
export const MAX_COMPOSE_SUBJECT = 1_000;

export interface InsertPayload {
  subject: string;
  body: string;
}
export interface InsertEnvelope {
  carnet: 1;
  name: typeof INSERT_INTO_COMPOSE;
  payload: InsertPayload;
}

export type ComposeKind = 'compose' | 'reply';
export type InsertResult =
  | { ok: true; site: 'gmail' | 'outlook'; kind: ComposeKind; atCursor: boolean; subjectSet: boolean }
  | { ok: false; reason: 'no_compose' | 'bad_request' | 'bad_sender' | 'failed' };

export function insertEnvelope(payload: InsertPayload): InsertEnvelope {
  return { carnet: 1, name: INSERT_INTO_COMPOSE, payload };
}

/** 'not_ours' for any other message (left to other listeners); the payload when well formed. */
export function readInsertRequest(raw: unknown): InsertPayload | 'not_ours' | 'bad_request' {
  if (!raw || typeof raw !== 'object') return 'not_ours';
  const m = raw as { carnet?: unknown; name?: unknown; payload?: unknown };
  if (m.carnet !== 1 || m.name !== INSERT_INTO_COMPOSE) return 'not_ours';
  const p = m.payload as { subject?: unknown; body?: unknown } | null;
  if (!p || typeof p !== 'object') return 'bad_request';
  if (typeof p.subject !== 'string' || typeof p.body !== 'string') return 'bad_request';
  if (p.subject.length > MAX_COMPOSE_SUBJECT || p.body.length > MAX_COMPOSE_BODY || p.body.length === 0) return 'bad_request';
  return { subject: p.subject, body: p.body };
}

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: unknown;
}

/**
 * Only this extension's own pages (the side panel, the background) may write into the page: not another
 * extension, not a content script (those send with a tab), not a web page.
 */
export function senderIsExtension(sender: SenderLike | undefined, extensionId: string, extensionOrigin: string): boolean {
  return !!sender && sender.id === extensionId && sender.tab === undefined && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}
