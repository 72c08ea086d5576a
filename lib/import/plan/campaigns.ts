/**
 * The dry run of a campaign report (Google Ads, Meta, Microsoft Advertising, LinkedIn, or a generic sheet): each
 * row becomes one campaign's figures for a day, a month or a range within a month, for one client account. Same
 * plan shape as every import (lib/import/plan/), so the worker, the dry-run screen and the all-or-nothing commit
 * are the contact import's own.
 *
 * What report files hold besides rows: a title and a date-range line before the header (the period when there is
 * no Day column), totals rows ("Total: Account", "Total : compte", Meta's unnamed account row), a copyright footer
 * (Microsoft). Totals and footers are skipped and counted, never added to the figures.
 */
import { uuidv7 } from 'uuidv7';
import type { AdAccountLink, AdChannel, AgencyPlan, Account, CampaignStat } from '../../schema';
import { accountsByNames } from '../../db/import-lookups';
import { agencyPlans, campaignStatsOfAccounts } from '../../db/agency';
import { getLive } from '../../db/write';
import { addDays, daysBetween, isIsoDate, monthEnd, monthOf, monthStart } from '../../agency/dates';
import { rowKey } from '../../agency/series';
import type { ParsedCsv } from '../parse';
import type { Mapping, PresetDef, Target } from '../presets';
import { check } from './check';
import { all, first, rowValues, type Values } from './row';
import type { ImportPlan, PlanOptions, PlannedUpdate, PlanSummary } from './types';
import { parseDateRange, parseMonthCell, parseReportDate } from '../report-dates';
import { clean, currencyOf, detectDayOrder, parseNumber, type DayOrder } from '../values';

export interface CampaignReportSummary {
  /** First and last day the planned rows cover. */
  period: { from: string; to: string } | null;
  channel: AdChannel | null;
  /** Clients the rows go to, with their row count and spend (in each row's currency). */
  accounts: { id: string; name: string; rows: number; spend: number; currency: string }[];
  /** Totals rows and footers left out. */
  totalsSkipped: number;
  /** Rows added into another one (the same campaign and day on several lines: devices, ad sets). */
  merged: number;
  /** Platform accounts newly linked to a client (the next report of theirs is matched by itself). */
  linked: number;
  /** The report's own date range (from its preamble), when it states one. */
  reportRange: { from: string; to: string } | null;
}

export interface ReportContext {
  range: { from: string; to: string } | null;
  aggregation: 'daily' | 'weekly' | 'monthly' | 'summary' | null;
  accountName: string | null;
  accountId: string | null;
}

const unquote = (line: string) =>
  line
    .trim()
    .replace(/^"+|"+$/g, '')
    .trim();

/** What a report's preamble says: its date range, aggregation and account (Google, Microsoft, LinkedIn layouts). */
export function reportContext(preamble: readonly string[], order: DayOrder): ReportContext {
  const ctx: ReportContext = { range: null, aggregation: null, accountName: null, accountId: null };
  let start: string | null = null;
  let end: string | null = null;
  for (const raw of preamble) {
    const line = unquote(raw.replace(/\t+$/, ''));
    if (!line) continue;
    const kv = /^([^:]{2,40}?)\s*:\s*(.*)$/.exec(line);
    const key = kv ? kv[1]!.toLowerCase() : '';
    const value = kv ? kv[2]!.trim() : '';
    if (kv && /^(report start|début du rapport|date de début)$/.test(key)) start = parseReportDate(value, order);
    else if (kv && /^(report end|fin du rapport|date de fin)$/.test(key)) end = parseReportDate(value, order);
    else if (kv && /^(report aggregation|agrégation du rapport)$/.test(key)) {
      const v = value.toLowerCase();
      ctx.aggregation = /daily|quotid/.test(v) ? 'daily' : /week|hebdo/.test(v) ? 'weekly' : /month|mensu/.test(v) ? 'monthly' : 'summary';
    } else if (kv && /^(account name|nom du compte)$/.test(key)) ctx.accountName = value.slice(0, 200) || null;
    else if (kv && /^(account id|id du compte|account number)$/.test(key)) ctx.accountId = value.slice(0, 64) || null;
    else if (!ctx.range) ctx.range = parseDateRange(line, order);
  }
  if (!ctx.range && start && end && start <= end) ctx.range = { from: start, to: end };
  return ctx;
}

const TOTAL = /^(total|totaux|totals?\s*:|gesamt|totale|summe)\b/i;

/** A totals row: its first filled cell (or its campaign) says "Total…", or it is an account line without a campaign. */
function isTotalsRow(cells: readonly string[], v: Values, mapping: Mapping, header: readonly string[]): boolean {
  const firstCell = cells.map((c) => clean(c)).find((c) => c !== '') ?? '';
  if (TOTAL.test(firstCell) || TOTAL.test(first(v, 'campaign'))) return true;
  const hasCampaignColumn = header.some((h) => mapping[h] === 'campaign');
  // Meta writes the account's total first, with every name empty
  return hasCampaignColumn && !first(v, 'campaign') && !first(v, 'campaignId') && !first(v, 'channel');
}

/** A line that is not data: a copyright notice, a note, one filled cell and no number. */
function isFooter(cells: readonly string[], v: Values): boolean {
  const filled = cells.map((c) => clean(c)).filter((c) => c !== '');
  return filled.length <= 1 && !first(v, 'spend') && !first(v, 'impressions') && !first(v, 'clicks');
}

export function channelOf(cell: string): AdChannel {
  const c = cell.toLowerCase();
  if (/google|adwords|youtube/.test(c)) return 'google_ads';
  if (/meta|facebook|instagram/.test(c)) return 'meta_ads';
  if (/microsoft|bing/.test(c)) return 'microsoft_ads';
  if (/linkedin/.test(c)) return 'linkedin_ads';
  return 'other';
}

/** Meta's "Results": conversions only when the result is a purchase, a lead or a registration, not a click. */
const CONVERSION_RESULT = /purchase|lead|conversion|registration|achat|prospect|inscription/i;

interface Slot {
  period: CampaignStat['period'];
  date: string;
  endDate: string;
}

/** A span of days as one row's period: a day, a whole month, a range inside a month; null across months. */
function slotOf(from: string, to: string): Slot | null {
  if (to < from) return null;
  if (from === to) return { period: 'day', date: from, endDate: to };
  if (monthOf(from) !== monthOf(to)) return null;
  if (from === monthStart(monthOf(from)) && to === monthEnd(monthOf(from))) return { period: 'month', date: from, endDate: to };
  return { period: 'range', date: from, endDate: to };
}

const METRICS = ['spend', 'impressions', 'clicks', 'conversions', 'conversionValue'] as const;
type Metric = (typeof METRICS)[number];
const same = (a: number, b: number) => Math.abs(a - b) < 0.005;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** A platform's campaign id as it must be: digits and separators, never a spreadsheet's 1.23E+11. */
function cleanId(cell: string): { id: string | null; scientific: boolean } {
  const c = clean(cell).replace(/\.0+$/, '');
  if (!c) return { id: null, scientific: false };
  if (/^\d+(\.\d+)?e\+?\d+$/i.test(c)) return { id: null, scientific: true };
  return { id: c.slice(0, 64), scientific: false };
}

export async function planCampaigns(parsed: ParsedCsv, preset: PresetDef, mapping: Mapping, opts: PlanOptions = {}): Promise<ImportPlan> {
  const { header, rows } = parsed;
  const summary: PlanSummary = { rows: rows.length, new: 0, updated: 0, duplicates: 0, invalid: [], warnings: [], byEntity: {}, skipped: 0 };
  const inserts: ImportPlan['inserts'] = { accounts: [], contacts: [], orders: [], interactions: [], deals: [], campaignStats: [], agencyPlans: [] };
  const updates: PlannedUpdate[] = [];
  const values = rows.map((r) => rowValues(header, mapping, r));
  const frenchLayout = /-fr$/.test(preset.id) || header.some((h) => /[éèû]|^(jour|mois|campagne|clics|coût|devise)$/i.test(h.trim()));
  const preferDmy = parsed.delimiter === ';' || frenchLayout;

  // ---------- per-file choices: day order, decimal comma, the report's period and account ----------
  const dateCells = values.flatMap((v) => [...all(v, 'date'), ...all(v, 'periodStart'), ...all(v, 'periodEnd'), ...all(v, 'week')]);
  const order: DayOrder =
    detectDayOrder(
      dateCells.map((c) => c.replace(/,?\s+\d{1,2}:\d{2}.*$/, '')),
      preferDmy,
    ) ?? (preferDmy ? 'dmy' : 'mdy');
  const ctx = reportContext(parsed.preamble ?? [], order);
  const numberCells = values.flatMap((v) => [...all(v, 'spend'), ...all(v, 'conversions'), ...all(v, 'conversionValue')]);
  const decimalComma = preferDmy || numberCells.some((n) => /^[-\d\s\u00a0\u202f.]*,\d{1,2}$/.test(n.replace(/[^\d\s\u00a0\u202f.,-]/g, '').trim()));
  const spendHeader = header.find((h) => mapping[h] === 'spend') ?? '';
  const headerCurrency = /\(([A-Z]{3})\)/.exec(spendHeader)?.[1] ?? null;

  // ---------- which client each row belongs to ----------
  const plans = await agencyPlans();
  const fileAccount = (v: Values) => ({ name: first(v, 'account') || ctx.accountName || '', id: first(v, 'adAccountId') || ctx.accountId || '' });
  const distinct = new Map<string, { name: string; id: string }>();
  for (const v of values) {
    const a = fileAccount(v);
    if (a.name || a.id) distinct.set(`${a.id}|${a.name.toLowerCase()}`, a);
  }
  const byName = new Map<string, Account>();
  for (const a of await accountsByNames([...distinct.values()].map((a) => a.name).filter(Boolean))) byName.set(a.name.toLowerCase(), a);
  const linkOwner = (a: { name: string; id: string }): string | null => {
    const norm = (s: string) => s.replace(/[\s-]/g, '').toLowerCase();
    for (const p of plans) {
      for (const l of p.adAccounts) {
        if (a.id && l.externalId && norm(l.externalId) === norm(a.id)) return p.accountId;
        if (!a.id && a.name && l.name && l.name.toLowerCase() === a.name.toLowerCase()) return p.accountId;
      }
    }
    return null;
  };
  const chosen = opts.accountId ? ((await getLive('accounts', opts.accountId)) ?? null) : null;
  if (opts.accountId && !chosen) throw new Error('The client chosen for this report no longer exists.');
  const single = distinct.size <= 1;
  const accountFor = new Map<string, { id: string; how: 'chosen' | 'link' | 'name' } | null>();
  const resolve = (a: { name: string; id: string }): { id: string; how: 'chosen' | 'link' | 'name' } | null => {
    const key = `${a.id}|${a.name.toLowerCase()}`;
    if (accountFor.has(key)) return accountFor.get(key)!;
    const linked = a.name || a.id ? linkOwner(a) : null;
    const named = a.name ? byName.get(a.name.toLowerCase()) : undefined;
    const r =
      chosen && single
        ? { id: chosen.id, how: 'chosen' as const }
        : linked
          ? { id: linked, how: 'link' as const }
          : named
            ? { id: named.id, how: 'name' as const }
            : null;
    accountFor.set(key, r);
    return r;
  };
  const accounts = new Map<string, Account>();
  if (chosen) accounts.set(chosen.id, chosen);

  // ---------- rows → candidate records ----------
  const planned = new Map<string, Record<string, unknown>>();
  const lines = new Map<string, number>();
  let totalsSkipped = 0;
  let merged = 0;
  let channelSeen: AdChannel | null = preset.channel ?? null;
  const issue = (line: number, reason: string, key?: string, params?: Record<string, string | number>) =>
    summary.invalid.push(key ? { line, reason, key: `agency.issue.${key}`, params } : { line, reason });

  for (let i = 0; i < rows.length; i++) {
    if (i % 2000 === 0) {
      if (opts.signal?.aborted) throw new DOMException('The import was cancelled.', 'AbortError');
      opts.onProgress?.((0.8 * i) / rows.length);
    }
    const v = values[i]!;
    const { line, cells } = rows[i]!;
    if (isTotalsRow(cells, v, mapping, header) || isFooter(cells, v)) {
      totalsSkipped++;
      summary.skipped!++;
      continue;
    }

    // the period of the row
    let slot: Slot | null = null;
    let bad: { field: string; value: string } | null = null;
    const parseDay = (t: Target) => {
      const cell = first(v, t);
      if (!cell) return null;
      const d = parseReportDate(cell, order);
      if (!d) bad = { field: t, value: cell.slice(0, 40) };
      return d;
    };
    const day = parseDay('date');
    const startDay = parseDay('periodStart');
    const endDay = parseDay('periodEnd');
    const weekDay = parseDay('week');
    const monthCell = first(v, 'month');
    if (bad) {
      const b: { field: string; value: string } = bad;
      issue(line, `${b.field}: "${b.value}" is not a date`, 'notDate', b);
      continue;
    }
    if (day && ctx.aggregation === 'monthly') slot = slotOf(monthStart(monthOf(day)), monthEnd(monthOf(day)));
    else if (day && ctx.aggregation === 'weekly') slot = slotOf(day, addDays(day, 6));
    else if (day) slot = slotOf(day, day);
    else if (startDay) slot = slotOf(startDay, endDay ?? startDay);
    else if (weekDay) slot = slotOf(weekDay, addDays(weekDay, 6));
    else if (monthCell) {
      const m = parseMonthCell(monthCell);
      if (!m) {
        issue(line, `month: "${monthCell.slice(0, 40)}" is not a month`, 'notMonth', { value: monthCell.slice(0, 40) });
        continue;
      }
      slot = slotOf(monthStart(m), monthEnd(m));
    } else if (ctx.range) slot = slotOf(ctx.range.from, ctx.range.to);
    else {
      issue(line, 'date: the row has no date and the report states no period (add the Day or Month column to the export)', 'noDate');
      continue;
    }
    if (!slot) {
      issue(line, 'date: the row covers days of two months; export it by Day or by Month so each month gets its own figures', 'twoMonths');
      continue;
    }
    if (!isIsoDate(slot.date) || daysBetween(slot.date, slot.endDate) > 31) {
      issue(line, 'date: not a valid period', 'badPeriod');
      continue;
    }

    // the figures
    const nums: Partial<Record<Metric, number>> = {};
    let numberIssue: { field: Metric; value: string; negative: boolean } | null = null;
    for (const m of METRICS) {
      let cell = first(v, m);
      if (m === 'conversions' && !cell) {
        const results = first(v, 'results');
        if (results && (!first(v, 'resultIndicator') || CONVERSION_RESULT.test(first(v, 'resultIndicator')))) cell = results;
      }
      if (!cell || /^-{1,2}$|^n\/?a$/i.test(cell)) {
        nums[m] = 0;
        continue;
      }
      const n = parseNumber(cell.replace(/%$/, ''), decimalComma);
      if (n === null || n < 0) {
        numberIssue = { field: m, value: cell.slice(0, 40), negative: n !== null };
        break;
      }
      nums[m] = m === 'impressions' || m === 'clicks' ? Math.round(n) : n;
    }
    if (numberIssue) {
      const { field, value, negative } = numberIssue;
      issue(line, `${field}: "${value}" is not ${negative ? 'a positive number' : 'a number'}`, negative ? 'negative' : 'notNumber', { field, value });
      continue;
    }

    const target = resolve(fileAccount(v));
    if (!target) {
      const a = fileAccount(v);
      if (a.name || a.id) {
        const name = (a.name || a.id).slice(0, 80);
        issue(line, `account: no client named "${name}" in Carnet; choose the client for this report or link the account in its targets`, 'unknownClient', {
          name,
        });
      } else issue(line, 'account: choose the client this report is for', 'chooseClient');
      continue;
    }
    let account = accounts.get(target.id);
    if (!account) {
      account = (await getLive('accounts', target.id)) ?? undefined;
      if (!account) {
        issue(line, 'account: the client linked to this ad account no longer exists', 'clientGone');
        continue;
      }
      accounts.set(account.id, account);
    }

    const channel = preset.channel ?? (first(v, 'channel') ? channelOf(first(v, 'channel')) : 'other');
    channelSeen = channelSeen === null || channelSeen === channel ? channel : channelSeen;
    const { id: campaignId, scientific } = cleanId(first(v, 'campaignId'));
    if (scientific) {
      const value = first(v, 'campaignId').slice(0, 40);
      summary.warnings.push({
        line,
        reason: `campaignId: "${value}" was turned into a rounded number by a spreadsheet; the campaign is matched by its name`,
        key: 'agency.issue.scientificId',
        params: { value },
      });
    }
    const currency = currencyOf(first(v, 'currency')) ?? headerCurrency ?? currencyOf(first(v, 'spend')) ?? account.currency ?? opts.currency ?? 'EUR';
    const input: Record<string, unknown> = {
      accountId: account.id,
      ...slot,
      channel,
      campaign: first(v, 'campaign').slice(0, 300),
      campaignId,
      ...nums,
      currency,
      source: preset.id.slice(0, 100),
    };
    const r = check('campaignStats', input);
    if (!r.ok) {
      issue(line, r.reason);
      continue;
    }
    const key = `${account.id}|${rowKey(r.data as unknown as CampaignStat)}`;
    const prev = planned.get(key);
    if (prev) {
      for (const m of METRICS) prev[m] = (prev[m] as number) + (r.data[m] as number);
      merged++;
      continue;
    }
    planned.set(key, r.data);
    lines.set(key, line);
  }

  // ---------- against what the database holds ----------
  const list = [...planned.entries()];
  const from = list.reduce((m, [, r]) => ((r.date as string) < m ? (r.date as string) : m), '\uffff');
  const to = list.reduce((m, [, r]) => ((r.date as string) > m ? (r.date as string) : m), '');
  const existing = new Map<string, CampaignStat>();
  if (list.length) {
    for (const s of await campaignStatsOfAccounts([...new Set(list.map(([, r]) => r.accountId as string))], from, to)) {
      existing.set(`${s.accountId}|${rowKey(s)}`, s);
    }
  }
  const perAccount = new Map<string, { rows: number; spend: number; currency: string }>();
  let periodFrom: string | null = null;
  let periodTo: string | null = null;
  for (const [key, rec] of list) {
    for (const m of METRICS) if (m !== 'impressions' && m !== 'clicks') rec[m] = round2(rec[m] as number);
    const line = lines.get(key)!;
    const db = existing.get(key);
    const acc = perAccount.get(rec.accountId as string) ?? { rows: 0, spend: 0, currency: rec.currency as string };
    acc.rows++;
    acc.spend += rec.spend as number;
    perAccount.set(rec.accountId as string, acc);
    if (!periodFrom || (rec.date as string) < periodFrom) periodFrom = rec.date as string;
    if (!periodTo || (rec.endDate as string) > periodTo) periodTo = rec.endDate as string;
    if (db) {
      const patch: Record<string, unknown> = {};
      for (const m of METRICS) if (!same(db[m], rec[m] as number)) patch[m] = rec[m];
      if (db.currency !== rec.currency) patch.currency = rec.currency;
      if (rec.campaign && db.campaign !== rec.campaign) patch.campaign = rec.campaign;
      if (Object.keys(patch).length === 0) {
        summary.duplicates++;
        continue;
      }
      patch.source = rec.source;
      updates.push({ entity: 'campaignStats', id: db.id, patch, line });
      const c = (summary.byEntity.campaignStats ??= { new: 0, updated: 0 });
      c.updated++;
      summary.updated++;
      continue;
    }
    inserts.campaignStats.push({ ...rec, id: uuidv7() });
    const c = (summary.byEntity.campaignStats ??= { new: 0, updated: 0 });
    c.new++;
    summary.new++;
  }

  // ---------- remember which platform account is which client ----------
  let linked = 0;
  if (chosen && single && planned.size > 0) {
    const a = [...distinct.values()][0];
    if (a && (a.id || a.name)) {
      const plan = plans.find((p) => p.accountId === chosen.id) ?? null;
      const link: AdAccountLink = { channel: preset.channel ?? 'other', externalId: a.id.slice(0, 64), name: a.name.slice(0, 200) };
      const known = plan?.adAccounts.some((l) => (link.externalId ? l.externalId === link.externalId : l.name.toLowerCase() === link.name.toLowerCase()));
      if (!known) {
        linked = 1;
        if (plan) updates.push({ entity: 'agencyPlans', id: plan.id, patch: { adAccounts: [...plan.adAccounts, link] }, line: parsed.headerLine });
        else {
          const r = check('agencyPlans', { accountId: chosen.id, currency: chosen.currency, adAccounts: [link] } satisfies Partial<AgencyPlan>);
          if (r.ok) inserts.agencyPlans.push({ ...r.data, id: uuidv7() });
        }
        const c = (summary.byEntity.agencyPlans ??= { new: 0, updated: 0 });
        if (plan) c.updated++;
        else c.new++;
      }
    }
  }

  if (summary.new + summary.updated + summary.duplicates === 0 && summary.invalid.length === 0 && rows.length > 0) {
    summary.warnings.push({
      line: parsed.headerLine,
      reason: 'the file holds only totals rows: export the report by campaign',
      key: 'agency.issue.onlyTotals',
    });
  }
  summary.campaigns = {
    period: periodFrom && periodTo ? { from: periodFrom, to: periodTo } : null,
    channel: channelSeen,
    accounts: [...perAccount.entries()].map(([id, a]) => ({
      id,
      name: accounts.get(id)?.name ?? id,
      rows: a.rows,
      spend: round2(a.spend),
      currency: a.currency,
    })),
    totalsSkipped,
    merged,
    linked,
    reportRange: ctx.range,
  };
  opts.onProgress?.(1);
  return { preset: { id: preset.id, name: preset.name, entity: preset.entity }, inserts, updates, summary };
}

export interface CampaignHint {
  /** Account names (or ids) the file gives, at most ten. */
  accounts: string[];
  /** The client they match in Carnet, when exactly one account is named and it matches. */
  suggestedAccountId: string | null;
  range: { from: string; to: string } | null;
}

/** What the import screen shows before the dry run: which account(s) the file names and the client that matches. */
export async function campaignHint(parsed: ParsedCsv, mapping: Mapping): Promise<CampaignHint> {
  const values = parsed.rows.slice(0, 5000).map((r) => rowValues(parsed.header, mapping, r));
  const ctx = reportContext(parsed.preamble ?? [], parsed.delimiter === ';' ? 'dmy' : 'mdy');
  const names = new Map<string, { name: string; id: string }>();
  for (const v of values) {
    const a = { name: first(v, 'account') || ctx.accountName || '', id: first(v, 'adAccountId') || ctx.accountId || '' };
    if ((a.name || a.id) && !TOTAL.test(a.name)) names.set(`${a.id}|${a.name.toLowerCase()}`, a);
  }
  if (names.size === 0 && (ctx.accountName || ctx.accountId)) names.set('ctx', { name: ctx.accountName ?? '', id: ctx.accountId ?? '' });
  const list = [...names.values()];
  let suggestedAccountId: string | null = null;
  if (list.length === 1) {
    const a = list[0]!;
    const norm = (s: string) => s.replace(/[\s-]/g, '').toLowerCase();
    for (const p of await agencyPlans()) {
      if (p.adAccounts.some((l) => (a.id && l.externalId ? norm(l.externalId) === norm(a.id) : !!a.name && l.name.toLowerCase() === a.name.toLowerCase())))
        suggestedAccountId = p.accountId;
    }
    if (!suggestedAccountId && a.name) suggestedAccountId = (await accountsByNames([a.name]))[0]?.id ?? null;
  }
  return { accounts: list.slice(0, 10).map((a) => a.name || a.id), suggestedAccountId, range: ctx.range };
}
