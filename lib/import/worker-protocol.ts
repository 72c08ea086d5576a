import type { Mapping } from './presets';
import type { DetectedEncoding } from './decode';
import type { SessionValue } from '../crypto/state';
import type { DryRun } from './dry-run';
import type { ImportSummary } from './commit';
import type { CampaignHint } from './plan/campaigns';

/**
 * Messages between the import screen and lib/import/worker.ts. The worker keeps the file and the plan; the
 * screen only ever receives summaries, progress (throttled) and the outcome.
 */
export type ToWorker =
  /** The page's at-rest encryption session, first thing: the worker has no extension API to read it. */
  | { type: 'session'; session: SessionValue }
  | { type: 'analyze'; bytes: ArrayBuffer }
  /** accountId: a campaign report's client, when the file does not name it (see lib/import/plan/campaigns.ts). */
  | { type: 'plan'; presetId?: string; mapping?: Mapping; currency?: string; accountId?: string }
  /** Applies the last dry run's plan, all or nothing. */
  | { type: 'commit' }
  /** Stops whatever runs: parse, dry run or commit (a cancelled commit leaves the database as it was). */
  | { type: 'cancel' };

export type FromWorker =
  | { type: 'progress'; phase: 'parse' | 'plan' | 'write'; done: number; written?: number; total?: number }
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
      /** Campaign reports: the account(s) the file names and the client they match. */
      campaign?: CampaignHint;
    }
  | { type: 'planned'; dryRun: DryRun }
  | { type: 'done'; result: ImportSummary }
  | { type: 'error'; message: string; code: string };
