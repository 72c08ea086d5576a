import type { Alt } from '../dom';

export const FRESHDESK = {
  subject: [
    ['.ticket-subject-heading', '2025-11'],
    ['[data-testid="ticket-subject"]', '2025-11'],
    ['h2.subject', '2019-04'],
  ] as Alt[],
  /** The requester's contact card beside the ticket (field rows `requester-info-contact-<field>`). */
  sidebar: [
    ['.info-details-widget', '2025-06'],
    ['[data-test-id="requester-info"]', '2026-11 (assumed)'],
    ['.ticket-requester-info', '2025-11'],
    ['#requester-info', '2019-04'],
    ['.contact-sidebar', '2025-11'],
  ] as Alt[],
  /** The requester's own message at the top of the conversation; `data-album="ticket_<id>"` names its ticket. */
  requesterWrap: [
    ['.requestor-wrap', '2025-06'],
    ['.requester-wrap', '2025-06'],
  ] as Alt[],
  requesterName: [
    ['[data-test-id="user-name"]', '2025-06'],
    ['.widget-requestor-info', '2025-06'],
    ['[data-test-id="requester-info-name"]', '2026-11 (assumed)'],
    ['.requester-name', '2025-11'],
    ['.user-name', '2019-04'],
    ['a[href*="/a/contacts/"]', '2025-11'],
  ] as Alt[],
  /** Where the contact card shows the address: as plain text in the current UI, as a mailto link before. */
  requesterEmail: [
    ['[data-test-id="requester-info-contact-email"] .info-details-content', '2025-06'],
    ['[data-test-id$="-email"]', '2025-06'],
    ['a[href^="mailto:"]', '2025-11'],
  ] as Alt[],
  status: [
    ['[data-test-id="tkt-properties-status"] .ember-power-select-selected-item', '2025-06'],
    ['[data-test-id="ticket-status"]', '2026-11 (assumed)'],
    ['.ticket-status', '2025-11'],
    ['#helpdesk_ticket_status option[selected]', '2019-04'],
  ] as Alt[],
  priority: [
    ['[data-test-id="tkt-properties-priority"] .ember-power-select-selected-item', '2025-06'],
    ['[data-test-id="priority"] .ember-power-select-selected-item', '2025-06'],
    ['[data-test-id="ticket-priority"]', '2026-11 (assumed)'],
    ['.ticket-priority', '2025-11'],
    ['#helpdesk_ticket_priority option[selected]', '2019-04'],
  ] as Alt[],
} as const;
