import * as z from 'zod/mini';
import { PAGE_LIMITS as P, PERSON_LIMITS as L } from './page-limits';

/** What a content script read from the page the user is looking at. Parsed in the background. */
export const PageSite = z.enum(['gmail', 'outlook', 'linkedin', 'zendesk', 'freshdesk']);
export type PageSite = z.infer<typeof PageSite>;
export const PageKind = z.enum(['thread', 'compose', 'profile', 'messaging', 'lead', 'ticket', 'none']);
export type PageKind = z.infer<typeof PageKind>;
export const PersonRole = z.enum(['from', 'to', 'cc', 'bcc', 'requester', 'subject', 'participant']);

const text = (max: number) => z.nullable(z.string().check(z.maxLength(max)));

export const PagePerson = z.object({
  role: PersonRole,
  email: z._default(text(L.email), null),
  name: z._default(text(L.name), null),
  linkedinUrl: z._default(text(L.linkedinUrl), null),
  company: z._default(text(L.company), null),
  title: z._default(text(L.title), null),
  location: z._default(text(L.location), null),
});
export type PagePerson = z.infer<typeof PagePerson>;

export const PageContext = z.object({
  site: PageSite,
  kind: PageKind,
  url: z.string().check(z.maxLength(P.url)),
  /** Thread id, ticket id or canonical profile URL. */
  ref: z._default(text(P.ref), null),
  subject: z._default(text(P.subject), null),
  people: z._default(z.array(PagePerson).check(z.maxLength(P.people)), []),
  /** The signed-in user's own address, never the customer. */
  self: z._default(text(P.self), null),
  ticket: z._default(z.nullable(z.object({ status: text(P.ticketField), priority: text(P.ticketField) })), null),
  /** Why nothing was recognised (kind 'none'). */
  reason: z._default(text(P.reason), null),
  /** Kind 'none' on a page whose URL names something Carnet reads, but whose markup it does not find (yet). */
  pending: z._default(z.boolean(), false),
});
export type PageContext = z.infer<typeof PageContext>;
export type PageContextInput = z.input<typeof PageContext>;
