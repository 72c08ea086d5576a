import type { PageContextInput } from '../schema/page-context';
import { freshdeskTicketId } from '../sites/freshdesk';
import { type Alt, cap, clean, none, pick, safely, textOf } from './dom';
import { findEmails, isEmail } from '../identity/address';
import { person } from './people';

export const FRESHDESK = {
  subject: [['.ticket-subject-heading', '2025-11'], ['[data-testid="ticket-subject"]', '2025-11'], ['h2.subject', '2019-04']] as Alt[],
  /** The requester's contact card beside the ticket (field rows `requester-info-contact-<field>`). */
  sidebar: [
    ['.info-details-widget', '2025-06'],
    ['[data-test-id="requester-info"]', '2026-11 (assumed)'],
    ['.ticket-requester-info', '2025-11'],
    ['#requester-info', '2019-04'],
    ['.contact-sidebar', '2025-11'],
  ] as Alt[],
  /** The requester's own message at the top of the conversation; `data-album="ticket_<id>"` names its ticket. */
  requesterWrap: [['.requestor-wrap', '2025-06'], ['.requester-wrap', '2025-06']] as Alt[],
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

const ALBUM = /^ticket_(\d+)$/;

/** The first address in an element's text, one text node at a time (textContent runs "Label" and "a@b" together). */
function emailInText(el: Element): string | null {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const found = findEmails(n.nodeValue ?? '')[0];
    if (found) return found;
  }
  return null;
}

/** The first address an element shows: a mailto link, its text, or a tooltip (`title`). */
function emailIn(el: Element): string | null {
  const href = el.getAttribute('href') ?? '';
  return (
    (/^mailto:/i.test(href) ? findEmails(href.slice(7))[0] : undefined) ??
    emailInText(el) ??
    findEmails(el.getAttribute('title') ?? '')[0] ??
    null
  );
}

/** The requester's address in the contact card: the field rows first, then any address the card shows. */
function requesterEmail(card: Element): string | null {
  for (const [css] of FRESHDESK.requesterEmail) {
    for (const el of Array.from(card.querySelectorAll(css))) {
      const found = emailIn(el);
      if (found) return found;
    }
  }
  for (const el of Array.from(card.querySelectorAll('[title]'))) {
    const t = clean(el.getAttribute('title'));
    if (t && isEmail(t)) return t.toLowerCase();
  }
  return emailInText(card);
}

export function recognize(url: string, doc: Document): PageContextInput {
  return safely('freshdesk', url, () => {
    const id = freshdeskTicketId(url);
    if (!id) return none('freshdesk', url, 'not a ticket page');
    const subject = textOf(pick(doc, FRESHDESK.subject, true));
    if (!subject) return none('freshdesk', url, 'ticket not rendered yet');
    // After moving to another ticket the previous one's conversation can linger: read only this ticket's.
    const wraps = FRESHDESK.requesterWrap.flatMap(([css]) => Array.from(doc.querySelectorAll(css)));
    const tagged = wraps.filter((w) => ALBUM.test(w.getAttribute('data-album') ?? ''));
    const wrap = tagged.length ? tagged.find((w) => w.getAttribute('data-album') === `ticket_${id}`) : wraps[0];
    if (tagged.length && !wrap) return none('freshdesk', url, 'ticket not rendered yet');
    const card = pick(doc, FRESHDESK.sidebar, true);
    let email = card ? requesterEmail(card) : null;
    let name = textOf(card ? pick(card, FRESHDESK.requesterName) : null) ?? textOf(wrap ? pick(wrap, FRESHDESK.requesterName) : null);
    if (!name && !card && !wrap) name = textOf(pick(doc, FRESHDESK.requesterName));
    // A contact without a name shows its address in the name's place.
    if (name && isEmail(name)) {
      email ??= name.toLowerCase();
      name = null;
    }
    return {
      site: 'freshdesk',
      kind: 'ticket',
      url,
      ref: id,
      subject: cap(subject, 1000),
      people: name || email ? [person({ role: 'requester', name, email })] : [],
      ticket: { status: cap(clean(pick(doc, FRESHDESK.status)?.textContent), 50), priority: cap(clean(pick(doc, FRESHDESK.priority)?.textContent), 50) },
    };
  });
}
