import { browser } from 'wxt/browser';
import type { Envelope, MessageName, MessagePayload, Rejection, Reply } from './schemas';

/**
 * Sends a typed message to the background and gives its typed reply (or the receiver's rejection; undefined when
 * nothing handled it). Carries no zod: content scripts import only this.
 */
export function sendMessage<K extends MessageName>(name: K, payload: MessagePayload<K>): Promise<Reply<K> | Rejection | undefined> {
  const envelope: Envelope<K> = { carnet: 1, name, payload };
  return browser.runtime.sendMessage(envelope) as Promise<Reply<K> | Rejection | undefined>;
}
