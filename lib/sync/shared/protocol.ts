import * as z from 'zod/mini';
import { ENTITY_NAMES, Hlc, Id, type EntityName } from '../../schema';

/** The wire format of /v1/sync, parsed on both ends. */

export const MAX_MUTATIONS_PER_PUSH = 1000;
export const MAX_PULL_LIMIT = 1000;
/** Pages one streamed pull answer may carry (see PullQuery.pages). */
export const MAX_PULL_PAGES = 50;
/** Content type of a streamed pull answer: one PullResponse per line. */
export const PULL_STREAM_TYPE = 'application/x-ndjson';

export const EntityNameSchema = z.enum(ENTITY_NAMES as [EntityName, ...EntityName[]]);

export const Mutation = z.object({
  /** Unique per change (the outbox entry's UUIDv7): names the change in the push's results. */
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  entity: EntityNameSchema,
  recordId: Id,
  op: z.enum(['upsert', 'delete']),
  fields: z._default(z.record(z.string(), z.unknown()), {}),
  /** Stamp of every field in `fields` (and of the delete). */
  hlc: Hlc,
  /** The record's creation stamp, when the sender knows it (first push of a record it holds). */
  createdAt: z.optional(Hlc),
  /** Per-field stamps overriding `hlc` (first push of a record edited before sync was on). */
  fieldClock: z.optional(z.record(z.string(), Hlc)),
});
export type Mutation = z.infer<typeof Mutation>;

export const PushRequest = z.object({
  clientId: z.string().check(z.minLength(1), z.maxLength(100)),
  mutations: z.array(Mutation).check(z.maxLength(MAX_MUTATIONS_PER_PUSH)),
});
export type PushRequest = z.infer<typeof PushRequest>;

/** The push body as the server first reads it: each mutation is then parsed alone, so its issues name it. */
export const PushEnvelope = z.object({
  clientId: z.string().check(z.minLength(1), z.maxLength(100)),
  mutations: z.array(z.unknown()).check(z.maxLength(MAX_MUTATIONS_PER_PUSH)),
});

/** A change number or cursor: a whole number ≥ 0 that JavaScript holds exactly. */
export const Seq = z.int().check(z.gte(0));

export const PushResponse = z.object({
  cursor: Seq,
  /** `duplicate`: the change was already part of the team's data (a replay), so nothing changed. */
  results: z.array(z.object({ id: z.string(), status: z.enum(['applied', 'duplicate']) })),
});
export type PushResponse = z.infer<typeof PushResponse>;

/**
 * GET /v1/sync/pull's query, as the server parses it. `compact=1` asks for the compact form of each change: stamps
 * equal to the record's createdAt are left out of its fieldClock (a record written at once then carries no stamp per
 * field, which halves a first pull's bytes), and the page says `compact: true`. Clients that do not ask (older
 * ones) get every stamp, as before.
 */
export const PullQuery = z.object({
  cursor: z._default(z.string().check(z.regex(/^\d{1,15}$/, 'not a whole number')), '0'),
  limit: z._default(
    z.string().check(
      z.regex(/^\d{1,4}$/, 'out of range'),
      z.refine((s) => Number(s) >= 1 && Number(s) <= MAX_PULL_LIMIT, 'out of range'),
    ),
    '500',
  ),
  compact: z._default(z.enum(['0', '1']), '0'),
  /**
   * More than 1: up to this many pages in one answer, streamed as NDJSON (one PullResponse per line), each
   * page read once the one before is written. A first pull then never waits a round trip between pages. Servers
   * from before this parameter ignore it and answer one page as JSON; clients tell the two by content type.
   */
  pages: z._default(
    z.string().check(
      z.regex(/^\d{1,3}$/, 'out of range'),
      z.refine((s) => Number(s) >= 1 && Number(s) <= MAX_PULL_PAGES, 'out of range'),
    ),
    '1',
  ),
});
export type PullQuery = z.infer<typeof PullQuery>;

/** One changed record, as it stands on the server after every change up to `seq`. */
export const Change = z.object({
  seq: Seq,
  entity: EntityNameSchema,
  recordId: Id,
  fields: z.record(z.string(), z.unknown()),
  /** Stamp of every field in `fields`; in a compact page, only those that differ from createdAt. */
  fieldClock: z.record(z.string(), Hlc),
  createdAt: z.nullable(Hlc),
  updatedAt: Hlc,
  deletedAt: z.nullable(Hlc),
});
export type Change = z.infer<typeof Change>;

/**
 * A page of changes. Each change is parsed on its own by the client (lib/sync/apply): one it cannot read is set
 * aside, never allowed to fail the page; the cursor must be one the client can store.
 */
export const PullResponse = z.object({
  changes: z.array(z.unknown()).check(z.maxLength(MAX_PULL_LIMIT)),
  cursor: Seq,
  more: z.boolean(),
  /** The changes are in the compact form (see PullQuery): a field without a stamp was written at createdAt. */
  compact: z.optional(z.boolean()),
});
export type PullResponse = z.infer<typeof PullResponse>;
export type PullPage = Omit<PullResponse, 'changes'> & { changes: Change[] };

/** Issues listed in a 400 answer: the first ones only (a count says how many there were). */
export const MAX_ERROR_DETAILS = 100;

export const MeResponse = z.object({
  user: z.object({ id: z.string(), email: z.string() }),
  team: z.object({ id: z.string(), name: z.string() }),
  tokenId: z.string(),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.optional(z.unknown()) }),
});
