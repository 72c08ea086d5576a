import type { Alt } from '../dom';

/** Zendesk's own `data-test-id` hooks: the stablest selectors it offers. */
export const ZENDESK = {
  selectedTab: [['[data-selected="true"][data-entity-id]', '2025-11']] as Alt[],
  subject: [['input[data-test-id="omni-header-subject"]', '2025-11']] as Alt[],
  requester: [['[data-test-id="ticket-system-field-requester-select"]', '2025-11']] as Alt[],
  context: [['[data-test-id="customer-context-tab-navigation"]', '2025-11']] as Alt[],
  contextEmail: [
    ['[data-test-id="customer-context-user-email"]', '2026-11 (assumed)'],
    ['a[href^="mailto:"]', '2025-11'],
  ] as Alt[],
  contextName: [['[data-test-id="customer-context-user-name"]', '2026-11 (assumed)']] as Alt[],
  status: [
    ['[data-test-id="ticket-fields-status-select"]', '2025-11'],
    ['[data-test-id="tabs-nav-item-status"]', '2024-06'],
  ] as Alt[],
  priority: [['[data-test-id="ticket-fields-priority-select"]', '2025-11']] as Alt[],
  /** Attributes that carry a ticket workspace's id (an attribute name here, not a selector). */
  workspaceId: [['data-ticket-id', '2026-11 (assumed)']] as Alt[],
  workspace: [
    ['.workspace', '2023-01'],
    ['main, [role="main"]', '2023-01'],
  ] as Alt[],
} as const;
