import * as z from 'zod/mini';
import { ENTITY_NAMES, Hlc, Id, type EntityName } from '../schema';

/** The wire format of /v1/sync, parsed on both ends. */

export const MAX_MUTATIONS_PER_PUSH = 1000;
export const MAX_PULL_LIMIT = 1000;

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

export const PushResponse = z.object({
  cursor: z.number(),
  /** `duplicate`: the change was already part of the team's data (a replay), so nothing changed. */
  results: z.array(z.object({ id: z.string(), status: z.enum(['applied', 'duplicate']) })),
});
export type PushResponse = z.infer<typeof PushResponse>;

/** One changed record, as it stands on the server after every change up to `seq`. */
export const Change = z.object({
  seq: z.number(),
  entity: EntityNameSchema,
  recordId: z.string(),
  fields: z.record(z.string(), z.unknown()),
  /** Stamp of every field in `fields`. */
  fieldClock: z.record(z.string(), z.string()),
  createdAt: z.nullable(z.string()),
  updatedAt: z.string(),
  deletedAt: z.nullable(z.string()),
});
export type Change = z.infer<typeof Change>;

export const PullResponse = z.object({
  changes: z.array(Change),
  cursor: z.number(),
  more: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponse>;

export const MeResponse = z.object({
  user: z.object({ id: z.string(), email: z.string() }),
  team: z.object({ id: z.string(), name: z.string() }),
  tokenId: z.string(),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.optional(z.unknown()) }),
});
