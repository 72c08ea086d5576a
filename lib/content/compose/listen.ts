/**
 * The content-script side of "insert a template": remembers where the cursor was in a compose editor (the user
 * clicks in the side panel, which takes the focus), and answers insertIntoCompose from this extension's own pages.
 */
import type { ObserverContext } from '../observe';
import { readInsertRequest, senderIsExtension, type InsertPayload, type InsertResult, type SenderLike } from '../../messaging/compose-protocol';
import type { ComposeDriver } from './drivers';
import { chooseCompose, insertText, setSubjectIfEmpty, targetRange } from './insert';

export interface RuntimeLike {
  id: string;
  getURL(path: string): string;
  onMessage: {
    addListener(cb: (message: unknown, sender: SenderLike) => Promise<unknown> | undefined): void;
    removeListener(cb: (message: unknown, sender: SenderLike) => Promise<unknown> | undefined): void;
  };
}

/** Writes the payload into the chosen compose: the subject if empty, then the body at the cursor. */
export function writeIntoCompose(doc: Document, driver: ComposeDriver, p: InsertPayload, saved: Range | null): InsertResult {
  const target = chooseCompose(driver.find(doc), saved, doc.activeElement);
  if (!target) return { ok: false, reason: 'no_compose' };
  // The cursor is read before the subject is touched (setting the subject does not move it, but focus could).
  const { range, atCursor } = targetRange(doc, target.body, saved);
  const subjectSet = setSubjectIfEmpty(target.subject, p.subject);
  insertText(doc, target.body, range, p.body);
  return { ok: true, site: driver.site, kind: target.kind, atCursor, subjectSet };
}

export function listenForCompose(ctx: ObserverContext, driver: ComposeDriver, runtime: RuntimeLike, doc: Document = document): void {
  let saved: Range | null = null;
  ctx.addEventListener(doc, 'selectionchange', () => {
    const sel = doc.getSelection();
    const node = sel && sel.rangeCount > 0 ? sel.getRangeAt(0).startContainer : null;
    const el = node ? (node.nodeType === 1 ? (node as Element) : node.parentElement) : null;
    if (el?.closest('[contenteditable="true"]')) saved = sel!.getRangeAt(0).cloneRange();
  });
  const origin = runtime.getURL('/');
  const onMessage = (message: unknown, sender: SenderLike): Promise<InsertResult> | undefined => {
    const req = readInsertRequest(message);
    if (req === 'not_ours') return undefined;
    if (!senderIsExtension(sender, runtime.id, origin)) return Promise.resolve({ ok: false, reason: 'bad_sender' });
    if (req === 'bad_request') return Promise.resolve({ ok: false, reason: 'bad_request' });
    try {
      return Promise.resolve(writeIntoCompose(doc, driver, req, saved));
    } catch {
      return Promise.resolve({ ok: false, reason: 'failed' });
    }
  };
  runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => runtime.onMessage.removeListener(onMessage));
}
