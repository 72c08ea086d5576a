import type { PageContextInput } from '../schema/page-context';
import { freshdeskTicketId } from '../sites/freshdesk';
import { type Alt, cap, clean, none, pick, safely, textOf } from './dom';
import { findEmails } from './address';
import { person } from './people';

export const FRESHDESK = {
  subject: [['.ticket-subject-heading', '2025-11'], ['h2.subject', '2019-04']] as Alt[],
  sidebar: [['[data-test-id="requester-info"]', '2026-11 (assumed)'], ['.ticket-requester-info', '2025-11'], ['#requester-info', '2019-04'], ['.contact-sidebar', '2025-11']] as Alt[],
  requesterName: [['[data-test-id="requester-info-name"]', '2026-11 (assumed)'], ['.requester-name', '2025-11'], ['.user-name', '2019-04'], ['a[href*="/a/contacts/"]', '2025-11']] as Alt[],
  requesterEmail: [['a[href^="mailto:"]', '2025-11']] as Alt[],
  status: [['[data-test-id="ticket-status"]', '2026-11 (assumed)'], ['.ticket-status', '2025-11'], ['#helpdesk_ticket_status option[selected]', '2019-04']] as Alt[],
  priority: [['[data-test-id="ticket-priority"]', '2026-11 (assumed)'], ['.ticket-priority', '2025-11'], ['#helpdesk_ticket_priority option[selected]', '2019-04']] as Alt[],
} as const;

export function recognize(url: string, doc: Document): PageContextInput {
  return safely('freshdesk', url, () => {
    const id = freshdeskTicketId(url);
    if (!id) return none('freshdesk', url, 'not a ticket page');
    const subject = textOf(pick(doc, FRESHDESK.subject, true));
    if (!subject) return none('freshdesk', url, 'ticket not rendered yet');
    const sidebar = pick(doc, FRESHDESK.sidebar, true);
    const scope: ParentNode = sidebar ?? doc;
    const mail = sidebar ? pick(sidebar, FRESHDESK.requesterEmail) : null;
    const email = mail ? (findEmails(`${mail.getAttribute('href') ?? ''} ${mail.textContent ?? ''}`)[0] ?? null) : null;
    const nameEl = pick(scope, FRESHDESK.requesterName);
    let name = textOf(nameEl);
    if (name && email && name.toLowerCase() === email) name = null;
    return {
      site: 'freshdesk',
      kind: 'ticket',
      url: url.slice(0, 4000),
      ref: id,
      subject: cap(subject, 1000),
      people: name || email ? [person({ role: 'requester', name, email })] : [],
      ticket: { status: cap(clean(pick(doc, FRESHDESK.status)?.textContent), 50), priority: cap(clean(pick(doc, FRESHDESK.priority)?.textContent), 50) },
    };
  });
}
