import { exceedsJsonDepth } from '../schema/text';
import * as z from 'zod/mini';
import { ENTITIES, ENTITY_NAMES, Score, OutboxEntry, MetaEntry, AuditEntry, Suppression, ImportPreset, type EntityName } from '../schema';
import { getDb } from '../db/db';
import { fromStored, toStored } from '../db/write';
import { CRYPTO_META_KEY, requireUnlocked } from '../crypto/state';

/**
 * Whole-database backup as one JSON document, and its all-or-nothing restore.
 * Hand-written rather than dexie-export-import (4.4.0, which does support dexie ^4.4): restore must validate
 * every record with our schemas before writing anything, and rebuild index-only fields (searchTokens)
 * from older schema versions; the format is plain JSON a person can read.
 */
export const BACKUP_FORMAT = 'carnet-backup';
export const BACKUP_SCHEMA_VERSION = 2;

const LOCAL_TABLES = ['scores', 'outbox', 'meta', 'audit', 'suppressions', 'importPresets'] as const;
type LocalTable = (typeof LOCAL_TABLES)[number];

const LOCAL_SCHEMAS: Record<LocalTable, z.ZodMiniType> = {
  scores: Score,
  outbox: OutboxEntry,
  meta: MetaEntry,
  audit: AuditEntry,
  suppressions: Suppression,
  importPresets: ImportPreset,
};

export const BackupEnvelope = z.object({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.number().check(z.int(), z.gte(1)),
  exportedAt: z.string(),
  tables: z.record(z.string(), z.array(z.unknown())),
});
export type Backup = z.infer<typeof BackupEnvelope>;

export class RestoreError extends Error {
  constructor(readonly issues: string[]) {
    super(`The backup was not restored (nothing changed): ${issues.slice(0, 10).join('; ')}${issues.length > 10 ? `; and ${issues.length - 10} more` : ''}`);
    this.name = 'RestoreError';
  }
}

const ALL_TABLES = [...ENTITY_NAMES, ...LOCAL_TABLES];

/** The device's at-rest encryption settings are not data: a backup neither carries nor replaces them. */
const isCryptoConfig = (t: string, row: unknown) => t === 'meta' && (row as { key?: unknown } | null)?.key === CRYPTO_META_KEY;

/**
 * Every table's rows (without index-only fields), with the schema version they follow. With at-rest encryption on,
 * the backup is in clear (it is the user's own copy, meant to be restorable anywhere), so it needs the data unlocked.
 */
export async function exportBackup(now = new Date()): Promise<Backup> {
  const db = getDb();
  await db.open();
  requireUnlocked();
  const tables: Record<string, unknown[]> = {};
  await db.transaction(
    'r',
    ALL_TABLES.map((t) => db.table(t)),
    async () => {
      for (const t of ALL_TABLES) tables[t] = (await db.table(t).toArray()).map(fromStored).filter((r) => !isCryptoConfig(t, r));
    },
  );
  return { format: BACKUP_FORMAT, schemaVersion: BACKUP_SCHEMA_VERSION, exportedAt: now.toISOString(), tables };
}

export async function exportBackupJson(now = new Date()): Promise<string> {
  return JSON.stringify(await exportBackup(now));
}

export interface RestoreReport {
  fromVersion: number;
  counts: Record<string, number>;
}

/**
 * Replaces the whole database with a backup. Every record is parsed with its schema first (defaults of
 * fields added since the backup's version are filled in, searchTokens rebuilt); any invalid record and
 * nothing is written. The write is one transaction: it all lands or none of it.
 */
export async function restoreBackup(input: string | unknown, opts: { onProgress?: (done: number) => void } = {}): Promise<RestoreReport> {
  let raw: unknown = input;
  if (typeof input === 'string') {
    // Deeper than any backup nests (segment rules hold a few groups): refused before a recursive parse overflows.
    if (exceedsJsonDepth(input, 64)) throw new RestoreError(['the file nests deeper than any Carnet backup']);
    try {
      raw = JSON.parse(input);
    } catch {
      throw new RestoreError(['the file is not JSON']);
    }
  }
  const env = BackupEnvelope.safeParse(raw);
  if (!env.success) throw new RestoreError(env.error.issues.map((i) => `${i.path.join('.') || 'backup'}: ${i.message}`));
  const backup = env.data;
  // Restored rows are sealed on the way in when encryption is on: that needs the key.
  await getDb().open();
  requireUnlocked();
  if (backup.schemaVersion > BACKUP_SCHEMA_VERSION) {
    throw new RestoreError([`the backup was made by a newer Carnet (schema ${backup.schemaVersion}); update Carnet first`]);
  }
  const issues: string[] = [];
  const clean: Record<string, object[]> = {};
  for (const name of Object.keys(backup.tables)) {
    if (!(ALL_TABLES as string[]).includes(name)) issues.push(`${name}: unknown table`);
  }
  for (const name of ALL_TABLES) {
    const rows = backup.tables[name] ?? [];
    const schema = (ENTITY_NAMES as string[]).includes(name) ? ENTITIES[name as EntityName].record : LOCAL_SCHEMAS[name as LocalTable];
    clean[name] = [];
    rows.forEach((row, i) => {
      if (isCryptoConfig(name, row)) return;
      const r = schema.safeParse(row);
      if (r.success) clean[name]!.push(r.data as object);
      else issues.push(...r.error.issues.map((x) => `${name}[${i}].${x.path.join('.')}: ${x.message}`));
    });
  }
  if (issues.length) {
    throw new RestoreError(issues.length > 100 ? [...issues.slice(0, 100), `… and ${issues.length - 100} more`] : issues);
  }

  const db = getDb();
  const total = ALL_TABLES.reduce((n, t) => n + clean[t]!.length, 0);
  let done = 0;
  await db.transaction(
    'rw',
    ALL_TABLES.map((t) => db.table(t)),
    async () => {
      const cryptoConfig = await db.meta.get(CRYPTO_META_KEY);
      for (const t of ALL_TABLES) await db.table(t).clear();
      if (cryptoConfig) await db.meta.put(cryptoConfig);
      for (const t of ALL_TABLES) {
        const rows = clean[t]!;
        for (let i = 0; i < rows.length; i += 5000) {
          const chunk = rows.slice(i, i + 5000);
          await db.table(t).bulkAdd((ENTITY_NAMES as string[]).includes(t) ? chunk.map((r) => toStored(t as EntityName, r)) : chunk);
          done += chunk.length;
          opts.onProgress?.(total ? done / total : 1);
        }
      }
    },
  );
  return { fromVersion: backup.schemaVersion, counts: Object.fromEntries(ALL_TABLES.map((t) => [t, clean[t]!.length])) };
}

/** Empties every table (after a backup, or for "delete all my data"); at-rest encryption stays as it was. */
export async function wipeDatabase(): Promise<void> {
  const db = getDb();
  await db.transaction(
    'rw',
    ALL_TABLES.map((t) => db.table(t)),
    async () => {
      const cryptoConfig = await db.meta.get(CRYPTO_META_KEY);
      for (const t of ALL_TABLES) await db.table(t).clear();
      if (cryptoConfig) await db.meta.put(cryptoConfig);
    },
  );
}
