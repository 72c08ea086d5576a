import * as z from 'zod/mini';

/** What a content script read from the page the user is looking at. Parsed in the background. */
export const PageSite = z.enum(['gmail', 'outlook', 'linkedin', 'zendesk', 'freshdesk']);
export type PageSite = z.infer<typeof PageSite>;
export const PageKind = z.enum(['thread', 'compose', 'profile', 'messaging', 'lead', 'ticket', 'none']);
export type PageKind = z.infer<typeof PageKind>;
export const PersonRole = z.enum(['from', 'to', 'cc', 'bcc', 'requester', 'subject', 'participant']);

const text = (max: number) => z.nullable(z.string().check(z.maxLength(max)));

export const PagePerson = z.object({
  role: PersonRole,
  email: z._default(text(254), null),
  name: z._default(text(300), null),
  linkedinUrl: z._default(text(500), null),
  company: z._default(text(300), null),
  title: z._default(text(500), null),
  location: z._default(text(300), null),
});
export type PagePerson = z.infer<typeof PagePerson>;

export const PageContext = z.object({
  site: PageSite,
  kind: PageKind,
  url: z.string().check(z.maxLength(4000)),
  /** Thread id, ticket id or canonical profile URL. */
  ref: z._default(text(1000), null),
  subject: z._default(text(1000), null),
  people: z._default(z.array(PagePerson).check(z.maxLength(200)), []),
  /** The signed-in user's own address, never the customer. */
  self: z._default(text(254), null),
  ticket: z._default(z.nullable(z.object({ status: text(50), priority: text(50) })), null),
  /** Why nothing was recognised (kind 'none'). */
  reason: z._default(text(300), null),
});
export type PageContext = z.infer<typeof PageContext>;
export type PageContextInput = z.input<typeof PageContext>;
