import type { Mapping } from './presets';
import type { ImportPlan } from './plan';
import type { DetectedEncoding } from './decode';
import type { SessionValue } from '../crypto/state';

/** Messages between the import screen and lib/import/worker.ts. */
export type ToWorker =
  /** The page's at-rest encryption session, first thing: the worker has no extension API to read it. */
  | { type: 'session'; session: SessionValue }
  | { type: 'analyze'; bytes: ArrayBuffer }
  | { type: 'plan'; presetId?: string; mapping?: Mapping; currency?: string }
  | { type: 'cancel' };

export type FromWorker =
  | { type: 'progress'; phase: 'parse' | 'plan'; done: number }
  | {
      type: 'analyzed';
      encoding: DetectedEncoding;
      header: string[];
      headerLine: number;
      delimiter: string;
      rows: number;
      sample: string[][];
      preset: { id: string; name: string; entity: string };
      confidence: number;
      mapping: Mapping;
    }
  | { type: 'plan'; plan: ImportPlan }
  | { type: 'error'; message: string; code: string };
