import type { PageContextInput, PagePerson } from '../../schema/page-context';
import { outlookRoute } from './urls';
import { clean, none, notYet, pick, pickAll, safely, textOf } from '../dom';
import { findEmails, parseAddress } from '../../identity/address';
import { person, tidyPeople, type PersonInput } from '../people';
import { OUTLOOK } from './selectors';

const LINE_ROLES: PagePerson['role'][] = ['from', 'to', 'cc', 'bcc'];

/** A persona's address and name from its title or accessible name, in any UI language. */
function readPersona(el: Element): { name: string | null; email: string | null } | null {
  for (const raw of [el.getAttribute('title'), el.getAttribute('aria-label'), el.textContent]) {
    if (!raw || !raw.includes('@')) continue;
    const direct = parseAddress(raw);
    if (direct?.email) return { name: direct.name ?? clean(el.textContent?.replace(/<[^>]*>/g, '')), email: direct.email };
    const email = findEmails(raw)[0];
    if (email) {
      const visible = clean(el.textContent);
      return { name: visible && !visible.includes('@') ? visible : null, email };
    }
  }
  return null;
}

function messagePeople(msg: Element): PersonInput[] {
  const personas = pickAll(msg, OUTLOOK.persona, true);
  const lines: Element[] = [];
  const out: PersonInput[] = [];
  for (const p of personas) {
    const line = p.parentElement?.closest('div') ?? msg;
    let i = lines.indexOf(line);
    if (i < 0) i = lines.push(line) - 1;
    const read = readPersona(p);
    const role = LINE_ROLES[Math.min(i, LINE_ROLES.length - 1)]!;
    if (read?.email) out.push(person({ role, ...read, name: read.name && read.name !== read.email ? read.name : null }));
  }
  return out;
}

export function outlookSelf(doc: Document): string | null {
  const el = pick(doc, OUTLOOK.self);
  return el ? (findEmails(`${el.getAttribute('aria-label') ?? ''} ${el.textContent ?? ''}`)[0] ?? null) : null;
}

export function recognize(url: string, doc: Document): PageContextInput {
  return safely('outlook', url, () => {
    const route = outlookRoute(url);
    if (!route) return none('outlook', url, 'not an Outlook mail URL');
    const self = outlookSelf(doc);
    if (route.compose) return none('outlook', url, 'compose view is not read', self);
    const pane = pick(doc, OUTLOOK.pane, true);
    if (!pane) return route.itemId ? notYet('outlook', url, 'reading pane not rendered yet', self) : none('outlook', url, 'list view: no message open', self);
    const subjectEl = pick(pane, OUTLOOK.subject);
    const messages = pickAll(pane, OUTLOOK.message, true);
    const people = (messages.length ? messages : [pane]).flatMap(messagePeople);
    if (!people.length && !subjectEl) return none('outlook', url, 'reading pane without a message', self);
    return {
      site: 'outlook',
      kind: 'thread',
      url: url,
      self,
      ref: route.itemId,
      subject: clean(subjectEl?.getAttribute('title')) ?? textOf(subjectEl),
      people: tidyPeople(people, self),
    };
  });
}
