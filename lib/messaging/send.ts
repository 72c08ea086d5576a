import { browser } from 'wxt/browser';
import type { Envelope, MessageName, MessagePayload } from './schemas';

/** Sends a typed message to the background. Carries no zod: content scripts import only this. */
export function sendMessage<K extends MessageName>(name: K, payload: MessagePayload<K>): Promise<unknown> {
  const envelope: Envelope<K> = { carnet: 1, name, payload };
  return browser.runtime.sendMessage(envelope);
}
