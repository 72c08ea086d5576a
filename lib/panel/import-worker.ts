import type { FromWorker } from '../import/worker-protocol';
import type { WorkerPort } from './models/import';
import { currentSession } from '../crypto/install';

/** The real module worker (Vite bundles it from this literal URL). */
export function importWorkerPort(): WorkerPort {
  const worker = new Worker(new URL('../import/worker.ts', import.meta.url), { type: 'module' });
  worker.postMessage({ type: 'session', session: currentSession() });
  return {
    post: (m, transfer) => worker.postMessage(m, transfer ?? []),
    onMessage: (cb) => worker.addEventListener('message', (e: MessageEvent<FromWorker>) => cb(e.data)),
    terminate: () => worker.terminate(),
  };
}
