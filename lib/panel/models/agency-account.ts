/** The campaign-performance section of an account's 360°: KPIs against target, trends, alerts, and its forms. */
import { computed, signal } from '@preact/signals';
import type { Period } from '../../agency/dates';
import { clientReportPath } from '../../agency/report';
import { loadAgencyAccount, type AgencyAccountData } from '../queries/agency';
import { removeFigures, saveAgencyPlan, saveFigures, saveReportNote, type FiguresDraft, type PlanDraft } from '../commands/agency';
import { liveSignal } from '../live';
import { periodFor, type PeriodKey } from './agency-period';

export type AgencyPanel = null | 'targets' | 'figures' | 'import' | 'notes';

export interface AgencyAccountDeps {
  now?: () => Date;
  load?: (accountId: string, p: Period) => Promise<AgencyAccountData | null>;
}

export function createAgencyAccountModel(accountId: string, deps: AgencyAccountDeps = {}) {
  const now = deps.now ?? (() => new Date());
  const periodKey = signal<PeriodKey>('last_month');
  const period = computed(() => periodFor(periodKey.value, now()));
  const load = deps.load ?? loadAgencyAccount;
  const live = liveSignal(
    () => period.value,
    (p) => load(accountId, p),
  );
  const panel = signal<AgencyPanel>(null);
  const data = live.value;
  /** An agency client: it has figures or a plan. */
  const isClient = computed(() => !!data.value && (data.value.rowCount > 0 || data.value.plan !== null));
  return {
    periodKey,
    period,
    data,
    loading: live.loading,
    isClient,
    panel,
    setPeriod: (k: PeriodKey) => {
      periodKey.value = k;
    },
    open: (p: AgencyPanel) => {
      panel.value = p;
    },
    close: () => {
      panel.value = null;
    },
    saveTargets: (draft: PlanDraft, decimalComma: boolean) => saveAgencyPlan(accountId, draft, decimalComma),
    saveFigures: (draft: FiguresDraft, decimalComma: boolean) => saveFigures(accountId, draft, decimalComma),
    removeFigures,
    saveNote: (notes: string, nextSteps: string) => saveReportNote(accountId, period.value, notes, nextSteps),
    reportPath: () => clientReportPath(accountId, period.value),
    dispose: () => live.dispose(),
  };
}
export type AgencyAccountModel = ReturnType<typeof createAgencyAccountModel>;
