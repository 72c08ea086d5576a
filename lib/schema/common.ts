import * as z from 'zod/mini';
import { isHlc } from '../clock/hlc';
import { cleanText } from './text';

/** Any text field: cleaned of what no store can keep (NUL, lone surrogates; see ./text). */
export const CleanString = z.string().check(z.overwrite(cleanText));

/** UUIDv7: time-ordered, so ids sort by creation. */
export const Id = z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'must be a UUIDv7'));
export type Id = z.infer<typeof Id>;

/** Hybrid logical clock stamp `<ISO millis>-<counter 4 hex>-<node id>` of a real instant; comparable as a string. */
export const Hlc = z.string().check(z.refine(isHlc, 'must be an HLC stamp (a real date, a 4-hex counter, a node id)'));
export type Hlc = z.infer<typeof Hlc>;

export const IsoDateTime = z.iso.datetime({ offset: true });
export const IsoDate = z.iso.date();
export const Currency = z.string().check(z.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'));
// Trimmed before the length checks, so a parsed tag parses again (a blank tag once became "" and then failed).
export const Tag = CleanString.check(z.trim(), z.minLength(1), z.maxLength(64));
export const Tags = z._default(z.array(Tag), []);
export const Money = z.number().check(z.gte(0));
export const Text = (max: number) => CleanString.check(z.maxLength(max));
export const OptionalText = (max: number) => z._default(z.nullable(Text(max)), null);
export const Domain = z
  .string()
  .check(z.toLowerCase(), z.regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain such as acme.fr'));
/** Addresses are stored lower-cased: matching is case-insensitive. */
export const Email = z.email().check(z.toLowerCase(), z.maxLength(254));
export const CustomFields = z._default(
  z.record(CleanString.check(z.maxLength(64)), z.union([CleanString.check(z.maxLength(20_000)), z.number(), z.boolean(), z.null()])),
  {},
);

/** Fields every synced record carries. */
export const recordBase = {
  id: Id,
  createdAt: Hlc,
  updatedAt: Hlc,
  /** Tombstone: records are never hard-deleted, so a delete can sync. */
  deletedAt: z._default(z.nullable(Hlc), null),
  /** Per-field HLC of the last write, for field-wise last-writer-wins merges in sync. */
  fieldClock: z.optional(z.record(z.string(), Hlc)),
};

export const BASE_KEYS = ['id', 'createdAt', 'updatedAt', 'deletedAt', 'fieldClock'] as const;
