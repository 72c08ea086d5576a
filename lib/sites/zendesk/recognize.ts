import type { PageContextInput } from '../../schema/page-context';
import { zendeskTicketId } from './urls';
import { clean, none, notYet, pick, safely, textOf } from '../dom';
import { findEmails, parseAddress } from '../../identity/address';
import { person } from '../people';
import { ZENDESK } from './selectors';

/** From the element carrying the id up to the largest ancestor that holds no other ticket's id. */
function widen(el: Element, tagged: Element[]): Element {
  let box = el;
  while (box.parentElement && !tagged.some((t) => t !== el && box.parentElement!.contains(t)) && box.parentElement !== box.ownerDocument.body) {
    if (pick(box, ZENDESK.subject)) break;
    box = box.parentElement;
  }
  return box;
}

/**
 * The workspace of the ticket the URL names. Several tickets stay open as tabs, each with its own workspace
 * (the inactive ones hidden, by markup or by a class we cannot see): only the URL's id says which is current.
 * Null when no workspace can be tied to that id — better no person than another ticket's requester.
 */
export function ticketWorkspace(doc: Document, id: string): ParentNode | null {
  for (const [attr] of ZENDESK.workspaceId) {
    const tagged = Array.from(doc.querySelectorAll(`[${attr}]`));
    const mine = tagged.find((el) => el.getAttribute(attr) === id);
    if (mine) return widen(mine, tagged);
    if (tagged.length) return null; // workspaces carry ids, and none is this ticket's (not rendered yet)
  }
  // No id on any workspace: only a page with a single ticket open can be read, and only if its tab agrees.
  const subjects = Array.from(doc.querySelectorAll(ZENDESK.subject.map(([c]) => c).join(', ')));
  if (subjects.length !== 1) return null;
  const tab = pick(doc, ZENDESK.selectedTab);
  if (tab && tab.getAttribute('data-entity-id') !== id) return null;
  return subjects[0]!.closest(ZENDESK.workspace.map(([c]) => c).join(', ')) ?? doc;
}

export function recognize(url: string, doc: Document): PageContextInput {
  return safely('zendesk', url, () => {
    const ticketId = zendeskTicketId(url);
    if (!ticketId) return none('zendesk', url, 'not a ticket page');
    const ws = ticketWorkspace(doc, ticketId);
    if (!ws) return notYet('zendesk', url, 'no workspace for this ticket yet');
    const subjectEl = pick(ws, ZENDESK.subject) as HTMLInputElement | null;
    if (!subjectEl) return notYet('zendesk', url, 'ticket not rendered yet');
    const parsed = parseAddress(textOf(pick(ws, ZENDESK.requester)));
    // The customer context panel belongs to the workspace too; another workspace's panel is another customer.
    const context = pick(ws, ZENDESK.context);
    const contextScope: ParentNode = context?.parentElement ?? ws;
    const emailEl = pick(contextScope, ZENDESK.contextEmail);
    const email = parsed?.email ?? findEmails(`${emailEl?.getAttribute('href') ?? ''} ${emailEl?.textContent ?? ''}`)[0] ?? null;
    const name = parsed?.name ?? textOf(pick(contextScope, ZENDESK.contextName));
    return {
      site: 'zendesk',
      kind: 'ticket',
      url,
      ref: ticketId,
      subject: clean(subjectEl.value || subjectEl.getAttribute('value')),
      people: name || email ? [person({ role: 'requester', name, email })] : [],
      ticket: { status: clean(pick(ws, ZENDESK.status)?.textContent), priority: clean(pick(ws, ZENDESK.priority)?.textContent) },
    };
  });
}
