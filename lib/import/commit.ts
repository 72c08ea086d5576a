import type { EntityInput, EntityRecord } from '../schema';
import { addBuilt, buildRecord, update, writeTransaction } from '../db/write';
import { ImportFileError } from './decode';
import { WRITE_ORDER, type ImportPlan, type PlannedEntity } from './plan';

export interface ImportSummary {
  created: Partial<Record<PlannedEntity, number>>;
  updated: Partial<Record<PlannedEntity, number>>;
  durationMs: number;
}

export interface RunOptions {
  signal?: AbortSignal;
  /** Records written so far / total; called between chunks. */
  onProgress?: (written: number, total: number) => void;
  chunkSize?: number;
}

/**
 * Applies a plan all or nothing: one Dexie transaction over every table it touches, bulk writes in chunks with
 * progress between them. Cancelling (signal) or any failure aborts the transaction, so the database is left
 * exactly as before. Each record is validated and stamped again by the write path (buildRecord).
 */
export async function runImport(plan: ImportPlan, opts: RunOptions = {}): Promise<ImportSummary> {
  const started = Date.now();
  const chunkSize = opts.chunkSize ?? 2000;
  const total = WRITE_ORDER.reduce((n, e) => n + plan.inserts[e].length, 0) + plan.updates.length;
  const created: ImportSummary['created'] = {};
  const updated: ImportSummary['updated'] = {};
  let written = 0;
  const checkAbort = () => {
    if (opts.signal?.aborted) throw new ImportFileError('The import was cancelled; nothing was changed.', 'aborted');
  };
  checkAbort();
  await writeTransaction(WRITE_ORDER, async () => {
    for (const entity of WRITE_ORDER) {
      const rows = plan.inserts[entity];
      // Two chunks in flight: the next chunk is built and sent while IndexedDB still writes the one before, so
      // validation and stamping overlap the database's own work instead of adding to it. Chunks land in order.
      let writing: Promise<void> | null = null;
      for (let i = 0; i < rows.length; i += chunkSize) {
        checkAbort();
        const records = rows.slice(i, i + chunkSize).map((r) => buildRecord(entity, r as EntityInput<typeof entity> & { id: string })) as EntityRecord<
          typeof entity
        >[];
        const sent = addBuilt(entity, records).then(() => {
          written += records.length;
          created[entity] = (created[entity] ?? 0) + records.length;
          opts.onProgress?.(written, total);
        });
        // Its failure aborts the transaction through the chunk awaited before it or right after the loop.
        sent.catch(() => {});
        if (writing) await writing;
        writing = sent;
      }
      if (writing) await writing;
    }
    for (const [i, u] of plan.updates.entries()) {
      if (i % 200 === 0) checkAbort();
      await update(u.entity, u.id, u.patch as Partial<EntityInput<typeof u.entity>>);
      written++;
      updated[u.entity] = (updated[u.entity] ?? 0) + 1;
      if (written % chunkSize === 0 || i === plan.updates.length - 1) opts.onProgress?.(written, total);
    }
    checkAbort();
  });
  return { created, updated, durationMs: Date.now() - started };
}
