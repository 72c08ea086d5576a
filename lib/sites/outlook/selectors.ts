import type { Alt } from '../dom';

/**
 * Outlook on the web. No public saved page exists: these follow what the 2025 reading pane shows (see
 * docs/sites.md) and are dated as assumed; roles come from structure (first header line = sender, then the
 * recipient lines in To, Cc, Bcc order), never from the localized "To:" / "À :" labels.
 */
export const OUTLOOK = {
  pane: [
    ['#ReadingPaneContainerId', '2025-11'],
    ['[data-app-section="ReadingPane"]', '2023-06'],
  ] as Alt[],
  subject: [
    ['div[role="heading"][title]', '2025-11'],
    ['[role="heading"][aria-level="2"]', '2025-11'],
  ] as Alt[],
  message: [
    ['[data-testid="ConversationReadingPaneItem"]', '2026-11 (assumed)'],
    ['[role="listitem"]', '2025-11'],
    ['[role="article"]', '2025-11'],
  ] as Alt[],
  header: [
    ['[data-testid="MessageHeader"]', '2026-11 (assumed)'],
    ['[role="heading"] ~ div', '2025-11'],
  ] as Alt[],
  persona: [
    ['[role="button"][title*="@"], button[title*="@"]', '2025-11'],
    ['[role="button"][aria-label*="@"], button[aria-label*="@"]', '2025-11'],
    ['span[title*="@"]', '2024-03'],
  ] as Alt[],
  self: [
    ['#mectrl_currentAccount_secondary', '2025-11'],
    ['#O365_MainLink_Me [aria-label*="@"], #O365_MainLink_Me[aria-label*="@"]', '2025-11'],
  ] as Alt[],
} as const;
