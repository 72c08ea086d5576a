/**
 * Writes text into a compose editor at the cursor, the way typing would: through the editing command (the editor
 * sees beforeinput/input and keeps it in its undo stack), else as text nodes and line breaks followed by an input
 * event. Never as markup.
 */
import type { ComposeWindow } from './drivers';

function placeCaret(doc: Document, range: Range): void {
  const sel = doc.getSelection();
  if (!sel) return;
  sel.removeAllRanges();
  sel.addRange(range);
}

/** The range to write at: the saved cursor when it is in this body, else the live selection, else the body's start. */
export function targetRange(doc: Document, body: HTMLElement, saved: Range | null): { range: Range; atCursor: boolean } {
  if (saved && saved.startContainer.isConnected && body.contains(saved.startContainer)) return { range: saved.cloneRange(), atCursor: true };
  const sel = doc.getSelection();
  if (sel && sel.rangeCount > 0 && body.contains(sel.getRangeAt(0).startContainer)) return { range: sel.getRangeAt(0).cloneRange(), atCursor: true };
  const start = doc.createRange();
  start.setStart(body, 0);
  start.collapse(true);
  return { range: start, atCursor: false };
}

function insertNodes(doc: Document, body: HTMLElement, range: Range, text: string): void {
  range.deleteContents();
  const frag = doc.createDocumentFragment();
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (i > 0) frag.append(doc.createElement('br'));
    if (line) frag.append(doc.createTextNode(line));
  });
  const last = frag.lastChild;
  range.insertNode(frag);
  if (last) {
    const after = doc.createRange();
    after.setStartAfter(last);
    after.collapse(true);
    placeCaret(doc, after);
  }
  const InputEv = doc.defaultView?.InputEvent ?? InputEvent;
  body.dispatchEvent(new InputEv('input', { bubbles: true, inputType: 'insertText', data: text }));
}

export function insertText(doc: Document, body: HTMLElement, range: Range, text: string): void {
  body.focus();
  placeCaret(doc, range);
  const before = body.textContent;
  let done = false;
  try {
    done = typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text) && body.textContent !== before;
  } catch {
    done = false;
  }
  if (!done) {
    const sel = doc.getSelection();
    insertNodes(doc, body, sel && sel.rangeCount ? sel.getRangeAt(0) : range, text);
  }
}

/** Sets the subject only when the field is there, visible and empty; returns whether it did. */
export function setSubjectIfEmpty(input: HTMLInputElement | null, subject: string): boolean {
  if (!input || !subject || input.value.trim() !== '') return false;
  input.value = subject;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}

/** Chooses the compose holding the cursor, else the focused one, else the last opened (mail sites append new ones). */
export function chooseCompose(windows: ComposeWindow[], saved: Range | null, active: Element | null): ComposeWindow | null {
  if (windows.length === 0) return null;
  const holding = (n: Node | null | undefined) => (n ? windows.find((w) => w.body.contains(n)) : undefined);
  return (
    holding(saved?.startContainer) ?? holding(active) ?? (active ? windows.find((w) => w.root.contains(active)) : undefined) ?? windows[windows.length - 1]!
  );
}
