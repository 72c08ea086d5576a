import type { Alt } from '../dom';

export const LINKEDIN = {
  /** Embedded data: `<code>` blocks (2016–2025) and JSON script blocks (Dec 2025). Far stabler than classes. */
  json: [
    ['script[type="application/json"]', '2025-12'],
    ['code[id^="bpr-guid-"]', '2025-12'],
    ['code', '2024-06'],
  ] as Alt[],
  name: [
    ['a[href*="/overlay/about-this-profile/"] h1', '2025-12'],
    ['h1.text-heading-xlarge', '2024-06'],
    ['main h1', '2025-12'],
  ] as Alt[],
  headline: [['div.text-body-medium.break-words', '2025-12']] as Alt[],
  location: [
    ['span.text-body-small.inline.t-black--light.break-words', '2024-06'],
    ['[data-field="location"]', '2025-12 (assumed)'],
  ] as Alt[],
  /** Company links in the top card; schools link to /school/ and never count. */
  company: [['a[href*="/company/"]', '2025-12']] as Alt[],
  /** Top-card items that may be the current company without a /company/ link (labels are localised: unread). */
  topCardItem: [
    ['.pv-text-details__right-panel button', '2024-06'],
    ['.pv-text-details__right-panel a', '2024-06'],
  ] as Alt[],
  threadHeader: [
    ['.msg-thread__link-to-profile', '2025-11'],
    ['.msg-title-bar a[href*="/in/"]', '2025-11'],
    ['[class*="msg-thread"] header a[href*="/in/"]', '2024-06'],
  ] as Alt[],
  leadName: [
    ['h1[data-anonymize="person-name"]', '2025-11'],
    ['main [data-anonymize="person-name"]', '2025-11'],
    ['main h1', '2025-11'],
  ] as Alt[],
  leadHeadline: [['[data-anonymize="headline"]', '2025-11']] as Alt[],
  leadCompany: [['[data-anonymize="company-name"]', '2025-11']] as Alt[],
  leadLocation: [['[data-anonymize="location"]', '2025-11']] as Alt[],
} as const;
