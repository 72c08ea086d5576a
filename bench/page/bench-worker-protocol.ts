/** Requests to bench/page/bench-worker.ts and its replies (one reply per request, matched by id). */
export type BenchWorkerRequest =
  | { type: 'csv'; n: number }
  /** Reads every row of an object store into the worker: the records the raw side then puts. */
  | { type: 'hold'; name: string; store: string }
  /** The held records put into a fresh raw database (Carnet's contact store and indexes), in one transaction. */
  | { type: 'raw-put'; name: string }
  | { type: 'sync-seed'; serverUrl: string; token: string; n: number; batch: number }
  | { type: 'sync-pull'; serverUrl: string; token: string; name: string; pageSize: number }
  | { type: 'sync-incremental'; runs: number }
  | { type: 'close' };

export type BenchWorkerReply =
  | { type: 'csv'; buffer: ArrayBuffer }
  | { type: 'held'; count: number }
  | { type: 'timed'; ms: number }
  | { type: 'pulled'; ms: number; pages: number; applied: number; count: number; headersMs: number }
  | { type: 'incremental'; median: number; max: number }
  | { type: 'closed' }
  | { type: 'error'; message: string };

/** The page's end: ask(request) → the reply of that type, or a thrown error. */
export function benchWorker() {
  const worker = new Worker(new URL('./bench-worker.ts', import.meta.url), { type: 'module' });
  let next = 0;
  const waiting = new Map<number, (r: BenchWorkerReply) => void>();
  worker.addEventListener('message', (e: MessageEvent<BenchWorkerReply & { id: number }>) => {
    waiting.get(e.data.id)?.(e.data);
    waiting.delete(e.data.id);
  });
  return {
    ask<T extends BenchWorkerReply['type']>(m: BenchWorkerRequest, expect: T): Promise<Extract<BenchWorkerReply, { type: T }>> {
      const id = ++next;
      return new Promise((resolve, reject) => {
        waiting.set(id, (r) =>
          r.type === expect ? resolve(r as Extract<BenchWorkerReply, { type: T }>) : reject(new Error(r.type === 'error' ? r.message : `unexpected ${r.type}`)),
        );
        worker.postMessage({ id, ...m });
      });
    },
    terminate: () => worker.terminate(),
  };
}
