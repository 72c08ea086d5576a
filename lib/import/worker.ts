/// <reference lib="webworker" />
/**
 * Module worker: `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`.
 * Parses and plans off the main thread (it reads IndexedDB of the extension origin for duplicates);
 * the main thread then calls runImport(plan).
 */
import { createImportHandler } from './worker-handler';
import type { FromWorker, ToWorker } from './worker-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createImportHandler((m: FromWorker) => scope.postMessage(m));
scope.addEventListener('message', (e: MessageEvent<ToWorker>) => void handle(e.data));
