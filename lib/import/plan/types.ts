import type { CampaignReportSummary } from './campaigns';
import type { ImportEntity } from '../presets';

export type PlannedEntity = 'accounts' | 'contacts' | 'orders' | 'interactions' | 'deals' | 'campaignStats' | 'agencyPlans';
/** Inserts are written in this order, so every reference (a contact's account, an order's contact) exists first. */
export const WRITE_ORDER: PlannedEntity[] = ['accounts', 'contacts', 'deals', 'orders', 'interactions', 'agencyPlans', 'campaignStats'];

export interface PlannedUpdate {
  entity: PlannedEntity;
  id: string;
  patch: Record<string, unknown>;
  line: number;
}

export interface RowIssue {
  line: number;
  /** In English, for logs and tests; `key` (with `params`) is what the screen shows, translated. */
  reason: string;
  /** A message key for the reason in the UI's language (the English reason is the fallback), with its values. */
  key?: string;
  params?: Record<string, string | number>;
}

/** The contact import's own issue keys (each issue's `key` is a full catalog key). */
export type IssueKey = `import.issue.${'idScientific' | 'idRounded' | 'idConflictFile' | 'idConflictDb'}`;

export interface PlanSummary {
  rows: number;
  new: number;
  updated: number;
  /** Rows repeating an earlier row of the file, or an existing record with nothing new. */
  duplicates: number;
  invalid: RowIssue[];
  /** Values dropped from otherwise valid rows (a phone that is not a phone number, a birthday that is not a date). */
  warnings: RowIssue[];
  byEntity: Partial<Record<PlannedEntity, { new: number; updated: number }>>;
  /** Rows that carry no record: a report's totals rows, a footer line. */
  skipped?: number;
  /** Campaign reports: what the file covers (lib/import/plan/campaigns.ts). */
  campaigns?: CampaignReportSummary;
}

/** A dry run's result: plain data (structured-clonable, so a worker can post it), applied by runImport. */
export interface ImportPlan {
  preset: { id: string; name: string; entity: ImportEntity };
  /** Inserts carry their pre-assigned ids, so contacts can point at accounts created by the same import. */
  inserts: Record<PlannedEntity, Record<string, unknown>[]>;
  updates: PlannedUpdate[];
  summary: PlanSummary;
}

export interface PlanOptions {
  currency?: string;
  /** Campaign reports: the client the figures belong to, when the file does not say (or names one account). */
  accountId?: string;
  signal?: AbortSignal;
  onProgress?: (done: number) => void;
}
