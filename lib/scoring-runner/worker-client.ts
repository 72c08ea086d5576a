import type { AccountScored, ScoreRequest, ScoreResponse, ScoreResult, ScoringBackend } from './protocol';

/**
 * Runs a request in a dedicated Web Worker (one per request, terminated after). Chrome's MV3 service worker cannot
 * create Workers, so scoring runs from the side panel; the scoring library lives only in the worker's bundle.
 */
function inWorker<T>(req: ScoreRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./score.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<ScoreResponse>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.result as T);
      else reject(new Error(e.data.error));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'scoring worker failed'));
    };
    worker.postMessage(req);
  });
}

export const workerBackend: ScoringBackend = {
  portfolio: (req) => inWorker<ScoreResult>(req),
  accounts: (req) => inWorker<AccountScored[]>(req),
};
