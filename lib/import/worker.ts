/// <reference lib="webworker" />
/**
 * Module worker: `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`.
 * Parses, plans and writes off the panel's main thread: it opens the extension origin's IndexedDB (lib/db)
 * for the duplicates of the dry run and for the import itself.
 */
import { createImportHandler } from './worker-handler';
import type { FromWorker, ToWorker } from './worker-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createImportHandler((m: FromWorker) => scope.postMessage(m));
scope.addEventListener('message', (e: MessageEvent<ToWorker>) => void handle(e.data));
