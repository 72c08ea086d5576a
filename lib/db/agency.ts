/** Repository functions for agency accounts: campaign figures, plans (targets, budget) and report notes. */
import Dexie from 'dexie';
import type { AgencyPlan, CampaignStat, ReportNote } from '../schema';
import { getDb } from './db';

const live = <T extends { deletedAt: string | null }>(rows: T[]): T[] => rows.filter((r) => !r.deletedAt);

/** An account's campaign rows starting between two days (inclusive; the whole history without bounds). */
export async function campaignStatsOf(accountId: string, from: string = '', to: string = '\uffff'): Promise<CampaignStat[]> {
  return live(await getDb().campaignStats.where('[accountId+date]').between([accountId, from], [accountId, to], true, true).toArray());
}

/** Every account's campaign rows starting between two days (the agency view of a period). */
export async function campaignStatsBetween(from: string, to: string): Promise<CampaignStat[]> {
  return live(await getDb().campaignStats.where('date').between(from, to, true, true).toArray());
}

/** The rows of these accounts starting between two days (the importer's duplicates check). */
export async function campaignStatsOfAccounts(accountIds: readonly string[], from: string, to: string): Promise<CampaignStat[]> {
  const out: CampaignStat[] = [];
  for (const id of new Set(accountIds)) out.push(...(await campaignStatsOf(id, from, to)));
  return out;
}

/** Latest live plan per account. */
export async function agencyPlans(): Promise<AgencyPlan[]> {
  const by = new Map<string, AgencyPlan>();
  for (const p of live(await getDb().agencyPlans.toArray())) {
    const prev = by.get(p.accountId);
    if (!prev || p.updatedAt > prev.updatedAt) by.set(p.accountId, p);
  }
  return [...by.values()];
}

export async function agencyPlanOf(accountId: string): Promise<AgencyPlan | null> {
  const rows = live(await getDb().agencyPlans.where('accountId').equals(accountId).toArray());
  return rows.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0] ?? null;
}

/** Accounts with campaign figures or a plan: the agency's clients. */
export async function agencyAccountIds(): Promise<Set<string>> {
  const ids = new Set((await agencyPlans()).map((p) => p.accountId));
  const table = getDb().campaignStats;
  // one index step per account: the first row above the last account seen (tombstones count; they are rare)
  let next = await table.orderBy('[accountId+date]').first();
  while (next) {
    ids.add(next.accountId);
    next = await table.where('[accountId+date]').above([next.accountId, Dexie.maxKey]).first();
  }
  return ids;
}

export async function reportNoteOf(accountId: string, periodStart: string, periodEnd: string): Promise<ReportNote | null> {
  const rows = live(await getDb().reportNotes.where('[accountId+periodStart]').equals([accountId, periodStart]).toArray());
  return rows.filter((n) => n.periodEnd === periodEnd).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0] ?? null;
}
