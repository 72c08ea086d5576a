/** Reads for the agency screens: the portfolio of clients over a period, one client's figures, a client report. */
import { getDb, getLive, searchAccounts } from '../../db';
import { agencyAccountIds, agencyPlanOf, agencyPlans, campaignStatsBetween, campaignStatsOf, reportNoteOf } from '../../db/agency';
import type { Account, AgencyPlan, CampaignStat, ReportNote } from '../../schema';
import type { AgencyAlert } from '../../schema/agency-alert';
import { addMonths, monthOf, monthStart, previousPeriod, type Period } from '../../agency/dates';
import type { ClientInput } from '../../agency/portfolio';
import { buildClientReport, type ClientReport } from '../../agency/report';

const alertsOf = (score: { agency?: { alerts: AgencyAlert[] } } | undefined): AgencyAlert[] => score?.agency?.alerts ?? [];

/** Every client with campaign figures or a plan, with their rows of the period and the one before. */
export async function loadAgencyPortfolio(period: Period): Promise<ClientInput[]> {
  const db = getDb();
  const ids = [...(await agencyAccountIds())];
  if (ids.length === 0) return [];
  const from = monthStart(monthOf(previousPeriod(period).from));
  const [accounts, plans, rows, scores] = await Promise.all([
    db.accounts.bulkGet(ids),
    agencyPlans(),
    campaignStatsBetween(from, period.to),
    db.scores.bulkGet(ids),
  ]);
  const planBy = new Map(plans.map((p) => [p.accountId, p]));
  const rowsBy = new Map<string, CampaignStat[]>();
  for (const r of rows) {
    const list = rowsBy.get(r.accountId);
    if (list) list.push(r);
    else rowsBy.set(r.accountId, [r]);
  }
  const out: ClientInput[] = [];
  accounts.forEach((a, i) => {
    if (!a || a.deletedAt) return;
    out.push({
      account: { id: a.id, name: a.name, currency: a.currency, owner: a.owner },
      plan: planBy.get(a.id) ?? null,
      rows: rowsBy.get(a.id) ?? [],
      alerts: alertsOf(scores[i]),
    });
  });
  return out;
}

export interface AgencyAccountData {
  account: Account;
  plan: AgencyPlan | null;
  report: ClientReport;
  /** Rows of the account in all (to tell an account without figures from a quiet period). */
  rowCount: number;
  lastDate: string | null;
  note: ReportNote | null;
}

/** One client over a period, with the year before it for trends (the 360° section and the report share it). */
export async function loadAgencyAccount(accountId: string, period: Period): Promise<AgencyAccountData | null> {
  const db = getDb();
  const account = await getLive('accounts', accountId);
  if (!account) return null;
  const from = monthStart(addMonths(monthOf(period.to), -12));
  const [plan, rows, score, rowCount, last, note] = await Promise.all([
    agencyPlanOf(accountId),
    campaignStatsOf(accountId, from, period.to),
    db.scores.get(accountId),
    db.campaignStats.where('[accountId+date]').between([accountId, ''], [accountId, '\uffff']).count(),
    db.campaignStats.where('[accountId+date]').between([accountId, ''], [accountId, '\uffff']).last(),
    reportNoteOf(accountId, period.from, period.to),
  ]);
  const report = buildClientReport({ account, plan, rows, period, alerts: alertsOf(score), note });
  return { account, plan, report, rowCount, lastDate: last?.endDate ?? null, note };
}

/** The client report page's data: the report and the language it is written in (the plan's, else the UI's). */
export async function loadClientReport(accountId: string, period: Period): Promise<(AgencyAccountData & { lang: 'fr' | 'en' | null }) | null> {
  const data = await loadAgencyAccount(accountId, period);
  return data ? { ...data, lang: data.plan?.reportLanguage ?? null } : null;
}

export interface ClientChoice {
  id: string;
  name: string;
  agency: boolean;
}

/** Clients to pick from for a campaign report: agency clients first, then accounts whose name matches `query`. */
export async function clientChoices(query = ''): Promise<ClientChoice[]> {
  const ids = await agencyAccountIds();
  const agency = (await getDb().accounts.bulkGet([...ids])).filter((a): a is NonNullable<typeof a> => !!a && !a.deletedAt);
  const out: ClientChoice[] = agency.map((a) => ({ id: a.id, name: a.name, agency: true })).sort((a, b) => a.name.localeCompare(b.name));
  const more = query.trim() ? await searchAccounts(query.trim(), 20) : await getDb().accounts.orderBy('sortName').limit(300).toArray();
  for (const a of more) if (!ids.has(a.id) && !a.deletedAt) out.push({ id: a.id, name: a.name, agency: false });
  return out;
}

/** The rows of one client within a period, newest first (the hand-entry list). */
export async function figuresOf(accountId: string, period: Period): Promise<CampaignStat[]> {
  return (await campaignStatsOf(accountId, monthStart(monthOf(period.from)), period.to)).sort((a, b) =>
    a.date < b.date ? 1 : a.date > b.date ? -1 : a.campaign.localeCompare(b.campaign),
  );
}
