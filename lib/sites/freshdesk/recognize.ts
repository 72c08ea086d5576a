import type { PageContextInput } from '../../schema/page-context';
import { freshdeskTicketId } from './urls';
import { clean, none, notYet, pick, safely, textOf } from '../dom';
import { findEmails, isEmail } from '../../identity/address';
import { person } from '../people';
import { FRESHDESK } from './selectors';

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
  return (/^mailto:/i.test(href) ? findEmails(href.slice(7))[0] : undefined) ?? emailInText(el) ?? findEmails(el.getAttribute('title') ?? '')[0] ?? null;
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
    if (!subject) return notYet('freshdesk', url, 'ticket not rendered yet');
    // After moving to another ticket the previous one's conversation can linger: read only this ticket's.
    const wraps = FRESHDESK.requesterWrap.flatMap(([css]) => Array.from(doc.querySelectorAll(css)));
    const tagged = wraps.filter((w) => ALBUM.test(w.getAttribute('data-album') ?? ''));
    const wrap = tagged.length ? tagged.find((w) => w.getAttribute('data-album') === `ticket_${id}`) : wraps[0];
    if (tagged.length && !wrap) return notYet('freshdesk', url, 'ticket not rendered yet');
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
      subject: subject,
      people: name || email ? [person({ role: 'requester', name, email })] : [],
      ticket: { status: clean(pick(doc, FRESHDESK.status)?.textContent), priority: clean(pick(doc, FRESHDESK.priority)?.textContent) },
    };
  });
}
