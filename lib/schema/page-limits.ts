/**
 * The length limits of a PageContext, in a module without zod so the content scripts can clamp to them
 * (lib/sites/dom.ts) and the schema can enforce them (page-context.ts) from one definition.
 */
export const PAGE_LIMITS = {
  url: 4000,
  ref: 1000,
  subject: 1000,
  self: 254,
  reason: 300,
  people: 200,
  ticketField: 50,
} as const;

export const PERSON_LIMITS = {
  email: 254,
  name: 300,
  linkedinUrl: 500,
  company: 300,
  title: 500,
  location: 300,
} as const;
