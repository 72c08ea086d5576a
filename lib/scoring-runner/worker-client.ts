import type { ScoreRequest, ScoreResponse, ScoreResult } from './protocol';

/**
 * Scores in a dedicated Web Worker (one per run, terminated after). Chrome's MV3 service worker cannot create
 * Workers, so this runs in the side panel; where Worker is missing the caller falls back to computing inline.
 */
export function computeInWorker(req: ScoreRequest): Promise<ScoreResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./score.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<ScoreResponse>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.result);
      else reject(new Error(e.data.error));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'scoring worker failed'));
    };
    worker.postMessage(req);
  });
}

export const workerAvailable = () => typeof Worker === 'function';
