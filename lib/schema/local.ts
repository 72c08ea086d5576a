import * as z from 'zod/mini';

/** Device-only tables (never synced as entities): their shapes, for the database types and for backups. */

/** A change waiting to be pushed to the team server (lib/sync). */
export const OutboxEntry = z.object({
  seq: z.optional(z.number()),
  /** Mutation id (UUIDv7): the server applies each once. */
  id: z.string(),
  entity: z.string(),
  recordId: z.string(),
  op: z.enum(['upsert', 'delete']),
  fields: z.record(z.string(), z.unknown()),
  hlc: z.string(),
  /** First push of a record that existed before sync was on: its creation stamp and per-field stamps. */
  createdAt: z.optional(z.string()),
  fieldClock: z.optional(z.record(z.string(), z.string())),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

export const MetaEntry = z.object({ key: z.string(), value: z.unknown() });
export type MetaEntry = z.infer<typeof MetaEntry>;

/** Rectification log: who changed which field of which record, and when. */
export const AuditEntry = z.object({
  id: z.string(),
  entity: z.string(),
  recordId: z.string(),
  at: z.string(),
  action: z.enum(['create', 'update', 'delete', 'erase', 'restore']),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Erased people: a hash of their identifiers, so a page that shows them again does not silently recreate them. */
export const Suppression = z.object({ hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)), erasedAt: z.string() });
export type Suppression = z.infer<typeof Suppression>;

export const ImportPreset = z.object({ id: z.string(), name: z.string(), target: z.string(), mapping: z.record(z.string(), z.string()) });
export type ImportPreset = z.infer<typeof ImportPreset>;
