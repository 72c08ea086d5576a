import type { Alt } from '../../sites/dom';
import { isHidden } from '../../sites/dom';
import { firstOf, lastOf, visibleSubject, type ComposeDriver, type ComposeWindow } from './drivers';

/** Outlook on the web's compose windows: a new message (with a subject line) or the inline reply in the reading pane. */
export const OUTLOOK_COMPOSE = {
  // docs/sites.md: compose has div[data-testid="ComposeSendButton"].
  send: [['[data-testid="ComposeSendButton"]', '2025-11']] as Alt[],
  body: [
    ['div[id^="editorParent_"][contenteditable="true"], div[id^="editorParent_"] [contenteditable="true"]', '2026-12 (assumed)'],
    ['div[contenteditable="true"][aria-multiline="true"]', '2026-12 (assumed)'],
    ['div[contenteditable="true"][role="textbox"]', '2025-11'],
  ] as Alt[],
  // The subject line of a new message; an inline reply has none.
  subject: [
    ['input[maxlength="255"]', '2026-12 (assumed)'],
    ['input[type="text"]:not([role="combobox"])', '2026-12 (assumed)'],
  ] as Alt[],
} as const;

export const outlookCompose: ComposeDriver = {
  site: 'outlook',
  find(doc) {
    const out: ComposeWindow[] = [];
    for (const [css] of OUTLOOK_COMPOSE.send) {
      for (const send of Array.from(doc.querySelectorAll(css))) {
        if (isHidden(send)) continue;
        // The compose is the nearest ancestor of the send button that holds an editor.
        let root: Element | null = send.parentElement;
        let body: Element | null = null;
        for (let depth = 0; root && depth < 20 && !body; depth++) {
          body = lastOf(root, OUTLOOK_COMPOSE.body);
          if (!body) root = root.parentElement;
        }
        if (!root || !body || out.some((w) => w.body === body)) continue;
        const subject = visibleSubject(firstOf(root, OUTLOOK_COMPOSE.subject));
        out.push({ root, body: body as HTMLElement, subject, kind: subject ? 'compose' : 'reply' });
      }
      if (out.length) break;
    }
    return out;
  },
};
