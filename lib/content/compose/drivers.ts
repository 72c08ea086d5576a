/**
 * Where each mail site keeps its compose and reply windows: the message body (a contenteditable editor) and the
 * subject field. Selectors newest first with the date they were seen or, for written fixtures, assumed; the rest of
 * the compose code never sees a site's class names.
 */
import { type Alt, isHidden } from '../../sites/dom';
import type { ComposeKind } from '../../messaging/compose-protocol';

export interface ComposeWindow {
  root: Element;
  body: HTMLElement;
  subject: HTMLInputElement | null;
  kind: ComposeKind;
}

export interface ComposeDriver {
  site: 'gmail' | 'outlook';
  /** Every open (not minimised, not hidden) compose or reply window, in page order. */
  find(doc: Document): ComposeWindow[];
}

/** The last element an alternative finds under root: a body comes after the recipient fields. */
export function lastOf(root: ParentNode, alts: readonly Alt[]): Element | null {
  for (const [css] of alts) {
    const all = Array.from(root.querySelectorAll(css)).filter((e) => !isHidden(e));
    if (all.length) return all[all.length - 1]!;
  }
  return null;
}

export function firstOf(root: ParentNode, alts: readonly Alt[]): Element | null {
  for (const [css] of alts) {
    const el = root.querySelector(css);
    if (el) return el;
  }
  return null;
}

export const visibleSubject = (el: Element | null): HTMLInputElement | null =>
  el && el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'hidden' && !isHidden(el) ? (el as HTMLInputElement) : null;
