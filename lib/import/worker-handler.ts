import { analyzeFile, planFile, type AnalyzedFile } from './index';
import { ImportFileError } from './decode';
import type { FromWorker, ToWorker } from './worker-protocol';
import { adoptSession } from '../crypto/install';

/**
 * The worker's logic without the worker: feed it messages, it posts answers. The file stays in the worker
 * between 'analyze' and 'plan', so only the small summary and the plan cross threads.
 */
export function createImportHandler(post: (m: FromWorker) => void): (m: ToWorker) => Promise<void> {
  let file: AnalyzedFile | null = null;
  let ctrl = new AbortController();
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
      if (m.type === 'analyze') {
        file = await analyzeFile(m.bytes, { signal: ctrl.signal, onProgress: (done) => post({ type: 'progress', phase: 'parse', done }) });
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
        });
      } else if (m.type === 'plan') {
        if (!file) throw new Error('No file analysed yet.');
        const plan = await planFile(file, { presetId: m.presetId, mapping: m.mapping }, {
          currency: m.currency,
          signal: ctrl.signal,
          onProgress: (done) => post({ type: 'progress', phase: 'plan', done }),
        });
        post({ type: 'plan', plan });
      }
    } catch (e) {
      fail(e);
    }
  };
}
