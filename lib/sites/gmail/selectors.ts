import type { Alt } from '../dom';

/** Newest alternative first; the date is when the pattern was last confirmed (InboxSDK, saved pages) or assumed. */
export const GMAIL = {
  subject: [['h2.hP', '2025-11']] as Alt[],
  threadId: [
    ['[data-thread-perm-id]', '2025-11'],
    ['[data-legacy-thread-id]', '2025-11'],
  ] as Alt[],
  message: [
    ['div.adn[data-message-id]', '2025-11'],
    ['[data-legacy-message-id]', '2019-06'],
    ['div.adn', '2025-11'],
  ] as Alt[],
  sender: [
    ['span.gD[email]', '2025-11'],
    ['td.gF span[email]', '2017-09'],
  ] as Alt[],
  recipient: [
    ['.hb span[email]', '2025-11'],
    ['span.g2[email]', '2025-11'],
  ] as Alt[],
  // Class-led selectors on purpose: attribute-only ones scan the whole (huge) Gmail DOM on every run.
  composeBody: [
    ['div.editable[g_editable="true"]', '2025-11'],
    ['div.editable[contenteditable="true"]', '2025-11'],
  ] as Alt[],
  chip: [
    ['[data-hovercard-id]', '2025-11'],
    ['span[email]', '2019-06'],
  ] as Alt[],
  chipHiddenInput: [['input[type="hidden"][name="to"], input[type="hidden"][name="cc"], input[type="hidden"][name="bcc"]', '2019-06']] as Alt[],
  account: [
    ['header a[aria-label*="@"]', '2025-11'],
    ['#gb a[aria-label*="@"]', '2020-05'],
    ['[role="banner"] [aria-label*="@"]', '2025-11'],
  ] as Alt[],
} as const;
