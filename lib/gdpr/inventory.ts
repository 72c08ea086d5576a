import { getDb } from '../db/db';
import { SYNC_ENABLED_KEY } from '../db/write';
import { ENTITY_NAMES } from '../schema';
import { getRetentionPolicy, type RetentionPolicy } from './retention';

export type Storage = 'this_browser' | 'this_browser_and_team_server';

export interface InventoryRow {
  table: string;
  /** i18n key suffix for what the table holds. */
  what: string;
  personalData: boolean;
  live: number;
  /** Deleted records kept as tombstones so the deletion can sync (personal fields cleared on erasure). */
  tombstones: number;
  storage: Storage;
  /** Months kept, or 'until_deleted', or 'derived' (recomputed from other tables). */
  retention: number | 'until_deleted' | 'derived' | 'until_sent';
}

export interface DataInventory {
  syncEnabled: boolean;
  storage: Storage;
  rows: InventoryRow[];
  policy: RetentionPolicy;
}

const WHAT: Record<string, { what: string; personal: boolean; policy?: keyof RetentionPolicy; local?: true; retention?: InventoryRow['retention'] }> = {
  accounts: { what: 'companies', personal: false },
  contacts: { what: 'people_contact_details_consent', personal: true },
  interactions: { what: 'emails_calls_meetings_tickets', personal: true, policy: 'interactionsMonths' },
  orders: { what: 'orders_invoices', personal: false, policy: 'ordersMonths' },
  deals: { what: 'deals', personal: false },
  tasks: { what: 'tasks_reminders', personal: true, policy: 'closedTasksMonths' },
  surveys: { what: 'survey_answers', personal: true, policy: 'surveysMonths' },
  segments: { what: 'segment_rules', personal: false },
  campaignStats: { what: 'campaign_figures', personal: false },
  agencyPlans: { what: 'campaign_targets_budgets', personal: false },
  reportNotes: { what: 'client_report_notes', personal: false },
  feedback: { what: 'suggestion_feedback', personal: true, policy: 'feedbackMonths' },
  templates: { what: 'message_templates', personal: false },
  templateUses: { what: 'template_uses', personal: true },
  loyaltyProgrammes: { what: 'loyalty_programme', personal: false },
  referrals: { what: 'referrals', personal: true },
  workflowRuns: { what: 'workflow_ledger', personal: true },
  sequences: { what: 'sequences', personal: false },
  enrolments: { what: 'sequence_enrolments', personal: true },
  scores: { what: 'computed_scores', personal: false, local: true, retention: 'derived' },
  outbox: { what: 'changes_waiting_to_sync', personal: true, local: true, retention: 'until_sent' },
  audit: { what: 'change_history', personal: true, local: true },
  suppressions: { what: 'erased_people_hashes', personal: false, local: true },
  importPresets: { what: 'import_mappings', personal: false, local: true },
  meta: { what: 'settings', personal: false, local: true },
};

/** What Carnet stores, where, and for how long: the privacy page renders this. */
export async function dataInventory(): Promise<DataInventory> {
  const db = getDb();
  const syncEnabled = (await db.meta.get(SYNC_ENABLED_KEY))?.value === true;
  const storage: Storage = syncEnabled ? 'this_browser_and_team_server' : 'this_browser';
  const policy = await getRetentionPolicy();
  const rows: InventoryRow[] = [];
  for (const [table, info] of Object.entries(WHAT)) {
    const t = db.table(table);
    const total = await t.count();
    const synced = (ENTITY_NAMES as string[]).includes(table);
    const tombstones = synced ? await t.filter((r: { deletedAt?: string | null }) => !!r.deletedAt).count() : 0;
    const months = info.policy ? policy[info.policy] : null;
    rows.push({
      table,
      what: info.what,
      personalData: info.personal,
      live: total - tombstones,
      tombstones,
      storage: info.local ? 'this_browser' : storage,
      retention: info.retention ?? months ?? 'until_deleted',
    });
  }
  return { syncEnabled, storage, rows, policy };
}
