/** The client report page: which client and period (from its address, zod-checked), the report, its language. */
import * as z from 'zod/mini';
import { computed, signal } from '@preact/signals';
import { Id, IsoDate } from '../../schema';
import { daysBetween, type Period } from '../../agency/dates';
import { langSetting, type Lang } from '../../i18n';
import { loadClientReport, type AgencyAccountData } from '../queries/agency';
import { saveReportNote } from '../commands/agency';
import { liveSignal } from '../live';

export const ReportParams = z.object({ account: Id, from: IsoDate, to: IsoDate, lang: z.optional(z.enum(['fr', 'en'])) }).check(
  z.refine((p) => p.from <= p.to && daysBetween(p.from, p.to) <= 400, {
    message: 'the period must run forward and cover at most about a year',
    path: ['to'],
  }),
);
export type ReportParams = z.infer<typeof ReportParams>;

export type ParsedParams = { ok: true; params: ReportParams } | { ok: false; error: string };

export function parseReportParams(search: string): ParsedParams {
  const q = new URLSearchParams(search);
  const raw = Object.fromEntries(['account', 'from', 'to', 'lang'].filter((k) => q.has(k)).map((k) => [k, q.get(k)!]));
  const r = ReportParams.safeParse(raw);
  return r.success ? { ok: true, params: r.data } : { ok: false, error: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
}

export interface ClientReportDeps {
  load?: (accountId: string, p: Period) => Promise<(AgencyAccountData & { lang: Lang | null }) | null>;
}

export function createClientReportModel(params: ReportParams, deps: ClientReportDeps = {}) {
  const period: Period = { from: params.from, to: params.to };
  const load = deps.load ?? loadClientReport;
  const live = liveSignal(
    () => period,
    (p) => load(params.account, p),
  );
  const chosen = signal<Lang | null>(params.lang ?? null);
  /** The address's language, else the client's report language, else the UI's. */
  const reportLang = computed<Lang | null>(() => chosen.value ?? live.value.value?.lang ?? null);
  const editing = signal(false);
  const dispose = [
    live.dispose,
    // the page's whole text (formats included) follows the report's language
    (() => {
      let previous = langSetting.peek();
      const unsub = reportLang.subscribe((l) => {
        if (l) langSetting.value = l;
        else langSetting.value = previous;
      });
      return () => {
        unsub();
        langSetting.value = previous;
        previous = null;
      };
    })(),
  ];
  return {
    period,
    data: live.value,
    loading: live.loading,
    error: live.error,
    reportLang,
    editing,
    setLang: (l: Lang) => {
      chosen.value = l;
    },
    saveNote: (notes: string, nextSteps: string) => saveReportNote(params.account, period, notes, nextSteps),
    dispose: () => dispose.forEach((d) => d()),
  };
}
export type ClientReportModel = ReturnType<typeof createClientReportModel>;
