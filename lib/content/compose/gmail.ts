import type { Alt } from '../../sites/dom';
import { isHidden } from '../../sites/dom';
import { GMAIL } from '../../sites/gmail/selectors';
import { firstOf, visibleSubject, type ComposeDriver, type ComposeWindow } from './drivers';

/** Gmail's compose and reply windows (the pop-out dialog, the inline reply under a thread). */
export const GMAIL_COMPOSE = {
  body: GMAIL.composeBody,
  // A new message shows `subjectbox`; a reply keeps it as a hidden input (InboxSDK's getSubjectInput, 2025-11).
  subject: [['input[name="subjectbox"]', '2025-11']] as Alt[],
} as const;

export const gmailCompose: ComposeDriver = {
  site: 'gmail',
  find(doc) {
    const out: ComposeWindow[] = [];
    for (const [css] of GMAIL_COMPOSE.body) {
      for (const body of Array.from(doc.querySelectorAll<HTMLElement>(css))) {
        if (isHidden(body) || out.some((w) => w.body === body)) continue;
        const root = body.closest('form') ?? body.closest('[role="dialog"]') ?? body.parentElement ?? body;
        const subject = visibleSubject(firstOf(root, GMAIL_COMPOSE.subject));
        out.push({ root, body, subject, kind: subject ? 'compose' : 'reply' });
      }
      if (out.length) break;
    }
    return out;
  },
};
