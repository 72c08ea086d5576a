import type { PageContextInput } from '../schema/page-context';
import { zendeskTicketId } from '../sites/zendesk';
import { type Alt, cap, clean, isHidden, none, pick, safely, textOf } from './dom';
import { findEmails, parseAddress } from './address';
import { person } from './people';

/** Zendesk's own `data-test-id` hooks: the stablest selectors it offers. */
export const ZENDESK = {
  selectedTab: [['[data-selected="true"][data-entity-id]', '2025-11']] as Alt[],
  subject: [['input[data-test-id="omni-header-subject"]', '2025-11']] as Alt[],
  requester: [['[data-test-id="ticket-system-field-requester-select"]', '2025-11']] as Alt[],
  context: [['[data-test-id="customer-context-tab-navigation"]', '2025-11']] as Alt[],
  contextEmail: [['[data-test-id="customer-context-user-email"]', '2026-11 (assumed)'], ['a[href^="mailto:"]', '2025-11']] as Alt[],
  contextName: [['[data-test-id="customer-context-user-name"]', '2026-11 (assumed)']] as Alt[],
  status: [['[data-test-id="ticket-fields-status-select"]', '2025-11'], ['[data-test-id="tabs-nav-item-status"]', '2024-06']] as Alt[],
  priority: [['[data-test-id="ticket-fields-priority-select"]', '2025-11']] as Alt[],
  workspace: [['[data-ticket-id]', '2026-11 (assumed)'], ['.workspace', '2023-01']] as Alt[],
} as const;

function visibleSubject(doc: Document): HTMLInputElement | null {
  for (const [css] of ZENDESK.subject) {
    for (const el of Array.from(doc.querySelectorAll<HTMLInputElement>(css))) if (!isHidden(el)) return el;
  }
  return null;
}

export function recognize(url: string, doc: Document): PageContextInput {
  return safely('zendesk', url, () => {
    const urlId = zendeskTicketId(url);
    if (!urlId) return none('zendesk', url, 'not a ticket page');
    const tab = pick(doc, ZENDESK.selectedTab);
    const ticketId = tab?.getAttribute('data-entity-id')?.match(/^\d+$/)?.[0] ?? urlId;
    const subjectEl = visibleSubject(doc);
    // The workspace of the selected ticket: inactive tabs stay in the DOM, hidden.
    const ws: ParentNode =
      subjectEl?.closest(ZENDESK.workspace.map(([c]) => c).join(', ')) ?? subjectEl?.closest('main, [role="main"]') ?? doc;
    if (!subjectEl) return none('zendesk', url, 'ticket not rendered yet');
    const requesterEl = pick(ws, ZENDESK.requester);
    const parsed = parseAddress(textOf(requesterEl));
    const context = pick(ws, ZENDESK.context) ?? pick(doc, ZENDESK.context, true);
    const contextScope: ParentNode = context?.parentElement ?? ws;
    const emailEl = pick(contextScope, ZENDESK.contextEmail);
    const email =
      parsed?.email ??
      findEmails(`${emailEl?.getAttribute('href') ?? ''} ${emailEl?.textContent ?? ''}`)[0] ??
      null;
    const name = parsed?.name ?? textOf(pick(contextScope, ZENDESK.contextName));
    const status = clean(pick(ws, ZENDESK.status)?.textContent);
    const priority = clean(pick(ws, ZENDESK.priority)?.textContent);
    return {
      site: 'zendesk',
      kind: 'ticket',
      url: url.slice(0, 4000),
      ref: ticketId,
      subject: cap(subjectEl.value || subjectEl.getAttribute('value'), 1000),
      people: name || email ? [person({ role: 'requester', name, email })] : [],
      ticket: { status: cap(status, 50), priority: cap(priority, 50) },
    };
  });
}
