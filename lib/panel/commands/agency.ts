/** Writes of the agency screens: a client's plan (targets, budget), figures entered by hand, report notes. */
import * as z from 'zod/mini';
import { insert, remove, update } from '../../db';
import { agencyPlanOf, campaignStatsOf, reportNoteOf } from '../../db/agency';
import { AdChannel, AgencyPlanInput, ValidationError, type AgencyPlan, type CampaignStat, type KpiMetric, type ReportNote } from '../../schema';
import { monthEnd, monthStart, type Period } from '../../agency/dates';
import { rowKey } from '../../agency/series';
import { parseNumber } from '../../import/values';

/** A number typed in a form, in either language's notation ("1 234,5" or "1,234.5"); null when empty. */
export function formNumber(text: string, decimalComma: boolean): number | null {
  const t = text.trim();
  if (t === '') return null;
  const n = parseNumber(t.replace(/%$/, ''), decimalComma || (/,\d{1,2}$/.test(t) && !t.includes('.')));
  if (n === null) throw new ValidationError('form', [{ path: 'value', message: `"${t.slice(0, 40)}" is not a number` }]);
  return n;
}

export interface TargetDraft {
  metric: KpiMetric;
  op: 'min' | 'max';
  /** As typed; rates (CTR, conversion rate) in percent. */
  value: string;
}

export interface PlanDraft {
  targets: TargetDraft[];
  monthlyBudget: string;
  currency: string;
  /** Percent. */
  pacingTolerance: string;
  reportLanguage: '' | 'fr' | 'en';
}

const RATE: ReadonlySet<string> = new Set(['ctr', 'conversionRate']);

export function planDraft(plan: AgencyPlan | null, accountCurrency: string, decimalComma: boolean): PlanDraft {
  const show = (n: number) => (decimalComma ? String(n).replace('.', ',') : String(n));
  return {
    targets: (plan?.targets ?? []).map((t) => ({ metric: t.metric, op: t.op, value: show(RATE.has(t.metric) ? Math.round(t.value * 1e6) / 1e4 : t.value) })),
    monthlyBudget: plan?.monthlyBudget == null ? '' : show(plan.monthlyBudget),
    currency: plan?.currency ?? accountCurrency,
    pacingTolerance: show(Math.round((plan?.pacingTolerance ?? 0.1) * 100)),
    reportLanguage: plan?.reportLanguage ?? '',
  };
}

/** Saves a client's plan (creating it the first time); the error names the field. */
export async function saveAgencyPlan(accountId: string, draft: PlanDraft, decimalComma: boolean): Promise<AgencyPlan> {
  const targets = draft.targets
    .filter((t) => t.value.trim() !== '')
    .map((t, i) => {
      let value: number | null;
      try {
        value = formNumber(t.value, decimalComma);
      } catch {
        throw new ValidationError('agencyPlans', [{ path: `targets.${i}.value`, message: `"${t.value}" is not a number` }]);
      }
      return { metric: t.metric, op: t.op, value: RATE.has(t.metric) ? value! / 100 : value! };
    });
  let budget: number | null;
  let tolerance: number | null;
  try {
    budget = formNumber(draft.monthlyBudget, decimalComma);
  } catch {
    throw new ValidationError('agencyPlans', [{ path: 'monthlyBudget', message: `"${draft.monthlyBudget}" is not a number` }]);
  }
  try {
    tolerance = formNumber(draft.pacingTolerance, decimalComma);
  } catch {
    throw new ValidationError('agencyPlans', [{ path: 'pacingTolerance', message: `"${draft.pacingTolerance}" is not a number` }]);
  }
  const fields = {
    accountId,
    targets,
    monthlyBudget: budget,
    currency: draft.currency.trim().toUpperCase(),
    pacingTolerance: tolerance === null ? 0.1 : tolerance / 100,
    reportLanguage: draft.reportLanguage || null,
  };
  const r = AgencyPlanInput.safeParse(fields);
  if (!r.success) throw ValidationError.from('agencyPlans', r.error);
  const existing = await agencyPlanOf(accountId);
  if (existing) return update('agencyPlans', existing.id, { ...r.data, adAccounts: existing.adAccounts, notes: existing.notes });
  return insert('agencyPlans', r.data);
}

export const FiguresDraft = z.object({
  granularity: z.enum(['day', 'month']),
  /** 'YYYY-MM-DD' for a day, 'YYYY-MM' for a month. */
  when: z.string().check(z.regex(/^\d{4}-\d{2}(-\d{2})?$/, 'must be a date (YYYY-MM-DD) or a month (YYYY-MM)')),
  channel: AdChannel,
  campaign: z.string().check(z.maxLength(300)),
  spend: z.string(),
  impressions: z.string(),
  clicks: z.string(),
  conversions: z.string(),
  conversionValue: z.string(),
  currency: z.string(),
});
export type FiguresDraft = z.infer<typeof FiguresDraft>;

/**
 * Figures typed by hand for one campaign and one day or month: replaces the row already there for that campaign and
 * period (so entering a month again corrects it), else adds one.
 */
export async function saveFigures(accountId: string, input: FiguresDraft, decimalComma: boolean): Promise<CampaignStat> {
  const parsed = FiguresDraft.safeParse(input);
  if (!parsed.success) throw ValidationError.from('campaignStats', parsed.error);
  const d = parsed.data;
  const month = d.when.slice(0, 7);
  const slot =
    d.granularity === 'month'
      ? { period: 'month' as const, date: monthStart(month), endDate: monthEnd(month) }
      : { period: 'day' as const, date: d.when, endDate: d.when };
  const num = (field: 'spend' | 'impressions' | 'clicks' | 'conversions' | 'conversionValue') => {
    try {
      return formNumber(d[field], decimalComma) ?? 0;
    } catch {
      throw new ValidationError('campaignStats', [{ path: field, message: `"${d[field]}" is not a number` }]);
    }
  };
  const fields = {
    accountId,
    ...slot,
    channel: d.channel,
    campaign: d.campaign.trim(),
    campaignId: null,
    spend: num('spend'),
    impressions: Math.round(num('impressions')),
    clicks: Math.round(num('clicks')),
    conversions: num('conversions'),
    conversionValue: num('conversionValue'),
    currency: d.currency.trim().toUpperCase(),
    source: 'manual',
  };
  const key = rowKey(fields);
  const existing = (await campaignStatsOf(accountId, slot.date, slot.date)).find((r) => rowKey(r) === key);
  return existing ? update('campaignStats', existing.id, fields) : insert('campaignStats', fields);
}

export async function removeFigures(id: string): Promise<void> {
  await remove('campaignStats', id);
}

/** The notes and next steps of one client report (one per client and period). */
export async function saveReportNote(accountId: string, period: Period, notes: string, nextSteps: string): Promise<ReportNote> {
  const fields = { accountId, periodStart: period.from, periodEnd: period.to, notes: notes.trim() || null, nextSteps: nextSteps.trim() || null };
  const existing = await reportNoteOf(accountId, period.from, period.to);
  return existing ? update('reportNotes', existing.id, fields) : insert('reportNotes', fields);
}
