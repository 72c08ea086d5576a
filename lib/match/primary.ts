import type { PageContext, PagePerson } from '../schema/page-context';
import { emailDomain } from '../identity/email';
import { isFreeMailDomain, parentDomains } from '../identity/domain';

export interface PrimaryOptions {
  /** The user's company domains (settings); the signed-in address's own domain is added unless it is webmail. */
  ownDomains?: string[];
}

/** The domains whose addresses are the user's colleagues, never customers. */
export function ownDomainsOf(ctx: Pick<PageContext, 'self'>, options: PrimaryOptions = {}): Set<string> {
  const out = new Set((options.ownDomains ?? []).map((d) => d.toLowerCase()));
  const selfDomain = emailDomain(ctx.self);
  if (selfDomain && !isFreeMailDomain(selfDomain)) out.add(selfDomain);
  return out;
}

/** Whether a person on the page could be a customer: not the user, not a colleague. */
export function isExternal(p: PagePerson, ctx: Pick<PageContext, 'self'>, own: Set<string>): boolean {
  if (!p.email) return true;
  if (ctx.self && p.email.toLowerCase() === ctx.self.toLowerCase()) return false;
  const d = emailDomain(p.email);
  return !d || !parentDomains(d).some((x) => own.has(x));
}

/**
 * Who the page is about: the profile or lead subject, the ticket requester, the conversation partner, the
 * first recipient of a draft, or the external sender of the latest message of a thread.
 */
export function pickPrimaryPerson(ctx: PageContext, options: PrimaryOptions = {}): PagePerson | null {
  const own = ownDomainsOf(ctx, options);
  const people = ctx.people.filter((p) => isExternal(p, ctx, own));
  const first = (...roles: PagePerson['role'][]) => {
    for (const role of roles) {
      const p = people.find((x) => x.role === role);
      if (p) return p;
    }
    return null;
  };
  switch (ctx.kind) {
    case 'profile':
    case 'lead':
      return first('subject');
    case 'ticket':
      return first('requester');
    case 'messaging':
      return first('participant');
    case 'compose':
      return first('to', 'cc', 'bcc', 'from');
    case 'thread': {
      // People are in page order and a repeated sender sits at its latest message: the last `from` is newest.
      const senders = people.filter((p) => p.role === 'from');
      return senders[senders.length - 1] ?? first('to', 'cc', 'bcc');
    }
    default:
      return null;
  }
}
