import { analyzeFile, planFile, type AnalyzedFile } from './index';
import { ImportFileError } from './decode';
import { runImport } from './commit';
import { dryRunOf } from './dry-run';
import type { ImportPlan } from './plan';
import type { FromWorker, ToWorker } from './worker-protocol';
import { adoptSession } from '../crypto/install';
import { campaignHint } from './plan/campaigns';

/** Progress messages are at most this frequent: each one is a task on the panel's main thread. */
const PROGRESS_EVERY_MS = 100;

/**
 * The worker's logic without the worker: feed it messages, it posts answers. The file stays here between
 * 'analyze' and 'plan', and the plan between 'plan' and 'commit': the import writes from this thread through the
 * normal write path (lib/db/write.ts), so the panel only gets summaries and progress. Dexie tells the panel's live
 * queries about the commit (its BroadcastChannel reaches every context of the origin).
 */
export function createImportHandler(post: (m: FromWorker) => void): (m: ToWorker) => Promise<void> {
  let file: AnalyzedFile | null = null;
  let plan: ImportPlan | null = null;
  let ctrl = new AbortController();
  let lastProgress = 0;
  const progress = (m: Extract<FromWorker, { type: 'progress' }>) => {
    const now = Date.now();
    if (m.done < 1 && now - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = now;
    post(m);
  };
  const fail = (e: unknown) =>
    post({
      type: 'error',
      message: e instanceof Error ? e.message : String(e),
      code: e instanceof ImportFileError ? e.code : e instanceof DOMException && e.name === 'AbortError' ? 'aborted' : 'error',
    });
  return async (m) => {
    try {
      if (m.type === 'session') {
        adoptSession(m.session);
        return;
      }
      if (m.type === 'cancel') {
        ctrl.abort();
        return;
      }
      ctrl = new AbortController();
      lastProgress = 0;
      if (m.type === 'analyze') {
        file = null;
        plan = null;
        file = await analyzeFile(m.bytes, { signal: ctrl.signal, onProgress: (done) => progress({ type: 'progress', phase: 'parse', done }) });
        const { parsed, detection } = file;
        post({
          type: 'analyzed',
          encoding: file.encoding,
          header: parsed.header,
          headerLine: parsed.headerLine,
          delimiter: parsed.delimiter,
          rows: parsed.rows.length,
          sample: parsed.rows.slice(0, 5).map((r) => r.cells),
          preset: { id: detection.preset.id, name: detection.preset.name, entity: detection.preset.entity },
          confidence: detection.confidence,
          mapping: detection.mapping,
          ...(detection.preset.entity === 'campaigns' ? { campaign: await campaignHint(parsed, detection.mapping) } : {}),
        });
      } else if (m.type === 'plan') {
        if (!file) throw new Error('No file analysed yet.');
        plan = null;
        plan = await planFile(
          file,
          { presetId: m.presetId, mapping: m.mapping },
          {
            currency: m.currency,
            accountId: m.accountId,
            signal: ctrl.signal,
            onProgress: (done) => progress({ type: 'progress', phase: 'plan', done }),
          },
        );
        post({ type: 'planned', dryRun: dryRunOf(plan) });
      } else if (m.type === 'commit') {
        if (!plan) throw new Error('No dry run to import.');
        const result = await runImport(plan, {
          signal: ctrl.signal,
          onProgress: (written, total) => progress({ type: 'progress', phase: 'write', done: total ? written / total : 1, written, total }),
        });
        // Applied: running it again would only collide with the records it created.
        plan = null;
        post({ type: 'done', result });
      }
    } catch (e) {
      fail(e);
    }
  };
}
