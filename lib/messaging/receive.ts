import type { Browser } from 'wxt/browser';
import { MESSAGES, type MessageName, type ParsedPayload, type Rejection, type Reply } from './schemas';

type Sender = Browser.runtime.MessageSender;
export type Handlers = { [K in MessageName]?: (payload: ParsedPayload<K>, sender: Sender) => Promise<Reply<K>> };

export interface ReceiveEnv {
  extensionId: string;
  /** chrome-extension://<id>/ (or moz-extension://…) */
  extensionOrigin: string;
  /** Whether a content script's page URL belongs to a supported site. */
  isSupportedPage: (url: string) => boolean;
}

export type { Rejection };

/** Why a sender may not send this message, or null when it may. */
export function senderProblem(from: 'content' | 'extension', sender: Sender, env: ReceiveEnv): string | null {
  if (sender.id !== env.extensionId) return 'message from another extension';
  if (from === 'content') {
    if (sender.tab?.id == null) return 'content message without a tab';
    if (!sender.url || !env.isSupportedPage(sender.url)) return 'content message from an unsupported page';
    return null;
  }
  if (!sender.url?.startsWith(env.extensionOrigin)) return 'extension message from a web page';
  return null;
}

/**
 * Routes a raw runtime message: ignores what is not ours, rejects bad senders and payloads with a clear
 * error, and otherwise calls the handler with the parsed payload.
 */
export async function dispatch(raw: unknown, sender: Sender, handlers: Handlers, env: ReceiveEnv): Promise<unknown> {
  if (!raw || typeof raw !== 'object' || (raw as { carnet?: unknown }).carnet !== 1) return undefined;
  const name = (raw as { name?: unknown }).name;
  if (typeof name !== 'string' || !(name in MESSAGES)) return { error: `unknown message ${String(name)}` };
  const spec = MESSAGES[name as MessageName];
  const problem = senderProblem(spec.from, sender, env);
  if (problem) return { error: problem } satisfies Rejection;
  const parsed = spec.payload.safeParse((raw as { payload?: unknown }).payload);
  if (!parsed.success) {
    return { error: `bad ${name} payload: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}` };
  }
  const handler = handlers[name as MessageName] as ((p: unknown, s: Sender) => Promise<unknown>) | undefined;
  if (!handler) return undefined;
  return handler(parsed.data, sender);
}
