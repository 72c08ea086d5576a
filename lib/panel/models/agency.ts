/** The Agency screen: every client's campaign KPIs for a period, the portfolio totals, who is below target. */
import { computed, signal } from '@preact/signals';
import { agencyOverview, clientSummary, type AgencyOverview, type ClientInput, type Converter } from '../../agency/portfolio';
import { clientReportPath } from '../../agency/report';
import type { Period } from '../../agency/dates';
import { loadAgencyPortfolio } from '../queries/agency';
import { liveSignal } from '../live';
import { periodFor, type PeriodKey } from './agency-period';

export interface AgencyModelDeps {
  now?: () => Date;
  load?: (p: Period) => Promise<ClientInput[]>;
  /** A reporting currency and its rates, when one is set: the totals are then also given in it. */
  converter?: () => Converter | undefined;
}

export function createAgencyModel(deps: AgencyModelDeps = {}) {
  const now = deps.now ?? (() => new Date());
  const periodKey = signal<PeriodKey>('last_month');
  const period = computed(() => periodFor(periodKey.value, now()));
  const live = liveSignal(() => period.value, deps.load ?? loadAgencyPortfolio);
  const overview = computed<AgencyOverview | null>(() => {
    const clients = live.value.value;
    if (!clients) return null;
    return agencyOverview(
      clients.map((c) => clientSummary(c, period.value)),
      deps.converter?.(),
    );
  });
  /** The client just imported (the import card says so and offers its report). */
  const lastImported = signal<string | null>(null);
  return {
    periodKey,
    period,
    overview,
    loading: live.loading,
    error: live.error,
    lastImported,
    setPeriod: (k: PeriodKey) => {
      periodKey.value = k;
    },
    reportPath: (accountId: string) => clientReportPath(accountId, period.value),
    dispose: () => live.dispose(),
  };
}
export type AgencyModel = ReturnType<typeof createAgencyModel>;
