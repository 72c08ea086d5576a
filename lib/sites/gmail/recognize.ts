import type { PageContextInput, PagePerson } from '../../schema/page-context';
import { gmailRoute } from './urls';
import { clean, isHidden, none, notYet, pick, pickAll, safely } from '../dom';
import { findEmails, isEmail, parseAddressList } from '../../identity/address';
import { person, tidyPeople, type PersonInput } from '../people';
import { GMAIL } from './selectors';

const ROLE_FIELD = '[name="to"], [name="cc"], [name="bcc"]';

/** The signed-in address: the page title `… - <address> - Gmail` (any language), else the account button. */
export function gmailSelf(doc: Document): string | null {
  const fromTitle = findEmails(doc.title ?? '').pop();
  if (fromTitle) return fromTitle;
  const button = pick(doc, GMAIL.account);
  const label = button?.getAttribute('aria-label') ?? '';
  const inParens = /\(([^()]+@[^()]+)\)/.exec(label)?.[1];
  return (inParens && findEmails(inParens)[0]) || findEmails(label)[0] || null;
}

function emailOf(el: Element): string | null {
  for (const a of ['email', 'data-hovercard-id']) {
    const v = el.getAttribute(a)?.trim();
    if (v && isEmail(v)) return v.toLowerCase();
  }
  return null;
}

function nameOf(el: Element, email: string | null): string | null {
  const n = clean(el.getAttribute('data-name')) ?? clean(el.getAttribute('name')) ?? clean(el.textContent);
  return n && n.toLowerCase() !== email ? n : null;
}

function composeRole(chip: Element, root: Element): PagePerson['role'] {
  for (let e: Element | null = chip; e && e !== root; e = e.parentElement) {
    const field = e.querySelector(ROLE_FIELD);
    if (field) {
      const n = field.getAttribute('name');
      return n === 'cc' || n === 'bcc' ? n : 'to';
    }
  }
  return 'to';
}

function composeRoots(doc: Document): Element[] {
  const roots = new Set<Element>();
  for (const body of pickAll(doc, GMAIL.composeBody, true)) {
    roots.add(body.closest('form') ?? body.closest('[role="dialog"]') ?? body.parentElement ?? body);
  }
  return [...roots];
}

function composeRecipients(root: Element): PersonInput[] {
  const out: PersonInput[] = [];
  for (const chip of pickAll(root, GMAIL.chip)) {
    const email = emailOf(chip);
    if (!email) continue;
    out.push(person({ role: composeRole(chip, root), email, name: nameOf(chip, email) }));
  }
  if (out.length) return out;
  for (const input of pickAll(root, GMAIL.chipHiddenInput)) {
    const role = input.getAttribute('name') as 'to' | 'cc' | 'bcc';
    for (const a of parseAddressList((input as HTMLInputElement).value)) if (a.email) out.push(person({ role, ...a }));
  }
  return out;
}

function threadRef(root: ParentNode, subject: Element, threadKey: string | null): string | null {
  const fromSubject = idFrom([subject]);
  return fromSubject ?? idFrom(pickAll(root, GMAIL.threadId)) ?? threadKey;
}

function idFrom(holders: Element[]): string | null {
  for (const h of holders) {
    const perm = h.getAttribute('data-thread-perm-id');
    if (perm && /^thread-[af]:r?-?\d+$/.test(perm)) return perm;
  }
  for (const h of holders) {
    const legacy = h.getAttribute('data-legacy-thread-id');
    if (legacy && /^[0-9a-f]{16}$/i.test(legacy)) return legacy.toLowerCase();
  }
  return null;
}

function threadPeople(root: ParentNode, composes: Element[]): PersonInput[] {
  const out: PersonInput[] = [];
  const inCompose = (el: Element) => composes.some((c) => c.contains(el));
  for (const msg of pickAll(root, GMAIL.message, true)) {
    if (inCompose(msg)) continue;
    const sender = pick(msg, GMAIL.sender);
    if (sender) {
      const email = emailOf(sender);
      out.push(person({ role: 'from', email, name: nameOf(sender, email) }));
    }
    for (const r of pickAll(msg, GMAIL.recipient)) {
      if (r === sender || inCompose(r)) continue;
      const email = emailOf(r);
      if (email) out.push(person({ role: 'to', email, name: nameOf(r, email) }));
    }
  }
  return out;
}

export function recognize(url: string, doc: Document): PageContextInput {
  return safely('gmail', url, () => {
    const route = gmailRoute(url);
    if (!route) return none('gmail', url, 'not a Gmail mailbox URL');
    const self = gmailSelf(doc);
    const subjectEl = pick(doc, GMAIL.subject, true);
    const threadRoot: ParentNode | null = subjectEl ? (subjectEl.closest('[role="main"]') ?? doc) : null;
    const composes = composeRoots(doc);
    const base = { site: 'gmail' as const, url: url, self };

    if (composes.length) {
      // The compose being written is the last one opened; Gmail appends new compose windows.
      const active = composes[composes.length - 1]!;
      const inline = !!threadRoot && subjectEl !== null && !isHidden(active) && (threadRoot as Node).contains(active);
      const subjectInput = active.querySelector<HTMLInputElement>('input[name="subjectbox"]');
      const people = composeRecipients(active);
      if (inline) people.push(...threadPeople(threadRoot!, composes));
      return {
        ...base,
        kind: 'compose',
        ref: inline ? threadRef(threadRoot!, subjectEl!, route.threadKey) : null,
        subject: clean(subjectInput?.value) ?? (inline ? clean(subjectEl!.textContent) : null),
        people: tidyPeople(people, self),
      };
    }
    if (subjectEl && threadRoot) {
      return {
        ...base,
        kind: 'thread',
        ref: threadRef(threadRoot, subjectEl, route.threadKey),
        subject: clean(subjectEl.textContent),
        people: tidyPeople(threadPeople(threadRoot, composes), self),
      };
    }
    if (route.threadKey) return notYet('gmail', url, 'thread URL but no thread rendered yet', self);
    return none('gmail', url, 'list view: no thread or compose open', self);
  });
}
