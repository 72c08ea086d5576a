import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { analyzeFile, planFile, runImport, parseCsv, isKnownHeader, detectPreset } from '../../../lib/import';
import { createImportHandler } from '../../../lib/import/worker-handler';
import type { FromWorker } from '../../../lib/import/worker-protocol';
import { reportContext } from '../../../lib/import/plan/campaigns';
import { parseDateRange, parseLongDate, parseMonthCell } from '../../../lib/import/report-dates';
import { getDb, insert } from '../../../lib/db';
import { agencyPlanOf, campaignStatsOf } from '../../../lib/db/agency';
import { tableCounts } from '../import/helpers';

const FIX = path.resolve(__dirname, '../../fixtures/ad-reports');
const bytes = (name: string) => {
  const b = fs.readFileSync(path.join(FIX, name));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};
const enc = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;

async function client(name = 'Maison Dupont SAS', currency = 'EUR') {
  return insert('accounts', { name, domains: [], currency });
}

async function dryRun(file: string, accountId?: string) {
  const analyzed = await analyzeFile(bytes(file));
  const plan = await planFile(analyzed, {}, { accountId });
  return { analyzed, plan };
}

const sum = (rows: { spend: number }[]) => Math.round(rows.reduce((s, r) => s + r.spend, 0) * 100) / 100;

describe('campaign report presets (tests/fixtures/ad-reports)', () => {
  it('Google Ads, daily, English: title and range skipped, three totals rows left out, figures exact', async () => {
    const a = await client();
    const { analyzed, plan } = await dryRun('google-ads-campaigns-daily-en-2026-11-02.csv', a.id);
    expect(analyzed.detection.preset.id).toBe('google-ads-campaigns');
    expect(analyzed.parsed.headerLine).toBe(3);
    expect(plan.summary).toMatchObject({ rows: 96, new: 93, updated: 0, duplicates: 0, skipped: 3 });
    expect(plan.summary.invalid).toEqual([]);
    expect(plan.summary.campaigns).toMatchObject({
      period: { from: '2026-10-01', to: '2026-10-31' },
      channel: 'google_ads',
      totalsSkipped: 3,
      reportRange: { from: '2026-10-01', to: '2026-10-31' },
    });
    const first = plan.inserts.campaignStats[0]!;
    expect(first).toMatchObject({
      accountId: a.id,
      period: 'day',
      date: '2026-10-01',
      endDate: '2026-10-01',
      campaign: 'Brand - Search',
      campaignId: '11111111111',
      channel: 'google_ads',
      currency: 'EUR',
    });
    // the file's own "Total: Account" row is the sum of what was kept
    const text = fs.readFileSync(path.join(FIX, 'google-ads-campaigns-daily-en-2026-11-02.csv'), 'utf8');
    const total = /Total: Account,--,--,--,EUR,"[^"]*","[^"]*",[^,]*,[^,]*,"([^"]*)"/.exec(text)![1]!;
    expect(sum(plan.inserts.campaignStats as { spend: number }[])).toBeCloseTo(Number(total.replace(/,/g, '')), 1);
  });

  it('Google Ads, French, one line per campaign for the month: "1 234,56" with narrow no-break spaces, the period from the range line', async () => {
    const a = await client();
    const { analyzed, plan } = await dryRun('google-ads-campaigns-month-fr-2026-11-02.csv', a.id);
    expect(analyzed.detection.preset.id).toBe('google-ads-campaigns-fr');
    expect(plan.summary).toMatchObject({ new: 4, skipped: 1 });
    const rows = plan.inserts.campaignStats as Record<string, unknown>[];
    expect(rows.every((r) => r.period === 'month' && r.date === '2026-10-01' && r.endDate === '2026-10-31')).toBe(true);
    const brand = rows.find((r) => r.campaign === 'Marque - Recherche')!;
    const csv = analyzed.parsed;
    const cells = csv.rows.find((r) => r.cells[1] === 'Marque - Recherche')!.cells;
    expect(cells[5]).toMatch(/^\d{1,3}\u202f\d{3}$/);
    const impressions = Number(cells[5]!.replace(/\u202f/g, ''));
    expect(brand.spend).toBe(Number(cells[9]!.replace(/\u202f/g, '').replace(',', '.')));
    expect(brand.impressions).toBe(impressions);
    expect(String(brand.spend)).toMatch(/^\d+(\.\d{1,2})?$/);
    expect(rows.find((r) => r.campaign === 'Ancienne promo')).toMatchObject({ spend: 0, clicks: 0 });
  });

  it('Google Ads "CSV (Excel)": UTF-16 with tabs, a Month column, a manager account with two clients matched by name', async () => {
    const dupont = await client('Maison Dupont');
    const lefevre = await client('Cabinet Lefèvre');
    const { analyzed, plan } = await dryRun('google-ads-excel-utf16-mcc-2026-11-02.csv');
    expect(analyzed.encoding).toBe('utf-16le');
    expect(analyzed.parsed.delimiter).toBe('\t');
    expect(analyzed.detection.preset.id).toBe('google-ads-campaigns');
    expect(plan.summary).toMatchObject({ new: 6, skipped: 1 });
    expect(plan.summary.invalid).toEqual([]);
    const ids = new Set((plan.inserts.campaignStats as { accountId: string }[]).map((r) => r.accountId));
    expect(ids).toEqual(new Set([dupont.id, lefevre.id]));
    expect((plan.inserts.campaignStats as { period: string; date: string }[]).map((r) => `${r.period}:${r.date}`)).toContain('month:2026-09-01');
    expect(plan.summary.campaigns!.accounts.map((x) => x.name).sort()).toEqual(['Cabinet Lefèvre', 'Maison Dupont']);
  });

  it('Meta Ads Manager, English, daily: the unnamed account total is left out, ad sets add up per campaign', async () => {
    const a = await client();
    const { analyzed, plan } = await dryRun('meta-ads-manager-daily-en-2026-11-02.csv', a.id);
    expect(analyzed.detection.preset.id).toBe('meta-ads-manager');
    expect(plan.summary.skipped).toBe(1);
    expect(plan.summary.campaigns!.merged).toBe(31);
    expect(plan.summary.new).toBe(62);
    const text = fs.readFileSync(path.join(FIX, 'meta-ads-manager-daily-en-2026-11-02.csv'), 'utf8').split('\n');
    const accountTotal = Number(text[1]!.split('","')[12]);
    expect(sum(plan.inserts.campaignStats as { spend: number }[])).toBeCloseTo(accountTotal, 1);
    expect(plan.inserts.campaignStats[0]).toMatchObject({ channel: 'meta_ads', currency: 'EUR', period: 'day' });
    expect((plan.inserts.campaignStats as { conversions: number }[]).some((r) => r.conversions > 0)).toBe(true);
  });

  it('Meta, French, the month per campaign: "Montant dépensé (EUR)", decimal commas, leads from "Résultats"', async () => {
    const a = await client();
    const { analyzed, plan } = await dryRun('meta-ads-manager-month-fr-2026-11-02.csv', a.id);
    expect(analyzed.detection.preset.id).toBe('meta-ads-manager-fr');
    expect(plan.summary.new).toBe(2);
    const rows = plan.inserts.campaignStats as Record<string, number | string>[];
    expect(rows.every((r) => r.period === 'month' && r.currency === 'EUR')).toBe(true);
    const leads = rows.find((r) => String(r.campaign).startsWith('Génération'))!;
    expect(leads.conversions).toBeGreaterThan(0);
    expect(Number.isInteger((leads.spend as number) * 100 + 1e-9) || String(leads.spend).includes('.')).toBe(true);
    expect(rows.find((r) => String(r.campaign).startsWith('Notoriété'))!.conversions).toBe(0);
  });

  it('Microsoft Advertising from the web UI: nine preamble lines, the Total row and the copyright footer left out', async () => {
    await client('Maison Dupont');
    const { analyzed, plan } = await dryRun('microsoft-ads-campaign-performance-daily-2026-11-02.csv');
    expect(analyzed.detection.preset.id).toBe('microsoft-ads');
    expect(plan.summary).toMatchObject({ new: 62, skipped: 2 });
    expect(plan.summary.invalid).toEqual([]);
    expect(plan.inserts.campaignStats.find((r) => r.date === '2026-10-13')).toMatchObject({ channel: 'microsoft_ads', period: 'day' });
  });

  it('Microsoft Advertising through the API: "Report Aggregation: Monthly" makes each TimePeriod a month', async () => {
    const a = await client();
    const { analyzed, plan } = await dryRun('microsoft-ads-api-monthly-2026-11-02.csv', a.id);
    expect(analyzed.detection.preset.id).toBe('microsoft-ads-api');
    expect(plan.summary).toMatchObject({ new: 4, skipped: 1 });
    expect((plan.inserts.campaignStats as { period: string; endDate: string }[]).map((r) => `${r.period}:${r.endDate}`).sort()).toEqual([
      'month:2026-09-30',
      'month:2026-09-30',
      'month:2026-10-31',
      'month:2026-10-31',
    ]);
  });

  it('LinkedIn Campaign Manager, English: UTF-16 tab file, M/D/YYYY days, the account named in the title block', async () => {
    const a = await client('Maison Dupont');
    const analyzed = await analyzeFile(bytes('linkedin-campaign-manager-daily-en-2026-11-02.csv'));
    expect(analyzed.detection.preset.id).toBe('linkedin-campaign-manager');
    const plan = await planFile(analyzed);
    expect(plan.summary.invalid).toEqual([]);
    expect(plan.summary.new).toBe(44);
    expect(new Set(plan.inserts.campaignStats.map((r) => r.accountId))).toEqual(new Set([a.id]));
    expect(plan.inserts.campaignStats.map((r) => r.date)).toContain('2026-10-30');
  });

  it('LinkedIn, French: DD/MM/YYYY days and French column names', async () => {
    const a = await client();
    const { analyzed, plan } = await dryRun('linkedin-campaign-manager-daily-fr-2026-11-02.csv', a.id);
    expect(analyzed.detection.preset.id).toBe('linkedin-campaign-manager-fr');
    expect(plan.summary.new).toBe(22);
    expect(plan.inserts.campaignStats.map((r) => r.date)).toContain('2026-10-13');
    expect(plan.inserts.campaignStats.map((r) => r.date)).not.toContain('2026-10-03');
  });

  it('generic French sheet: semicolons, "1 234,56 €", day-first dates, the channel from its column', async () => {
    const a = await client();
    const { analyzed, plan } = await dryRun('generic-campaigns-fr-2026-11-02.csv', a.id);
    expect(analyzed.detection.preset.id).toBe('generic-campaigns');
    expect(plan.summary.new).toBe(20);
    const rows = plan.inserts.campaignStats as Record<string, unknown>[];
    expect(new Set(rows.map((r) => r.channel))).toEqual(new Set(['google_ads', 'other']));
    expect(rows[0]).toMatchObject({ date: '2026-10-01', currency: 'EUR' });
    expect(typeof rows[0]!.spend).toBe('number');
  });

  it('generic English monthly sheet in pounds', async () => {
    const a = await client('UK client', 'GBP');
    const { plan } = await dryRun('generic-campaigns-monthly-en-2026-11-02.csv', a.id);
    expect(plan.summary.new).toBe(6);
    expect(plan.inserts.campaignStats.every((r) => r.currency === 'GBP' && r.period === 'month')).toBe(true);
  });
});

describe('campaign import: dry run, commit, idempotence', () => {
  it('commits all or nothing, links the platform account to the client, and a second import is all duplicates', async () => {
    const a = await client();
    const out: FromWorker[] = [];
    const handle = createImportHandler((m) => out.push(m));
    await handle({ type: 'analyze', bytes: bytes('microsoft-ads-campaign-performance-daily-2026-11-02.csv') });
    expect(out.at(-1)).toMatchObject({
      type: 'analyzed',
      preset: { entity: 'campaigns' },
      campaign: { accounts: ['Maison Dupont'], suggestedAccountId: null },
    });
    await handle({ type: 'plan', accountId: a.id });
    expect(out.at(-1)).toMatchObject({ type: 'planned', dryRun: { summary: { new: 62, invalidCount: 0 } } });
    expect(await getDb().campaignStats.count()).toBe(0);
    await handle({ type: 'commit' });
    expect(out.at(-1)).toMatchObject({ type: 'done', result: { created: { campaignStats: 62, agencyPlans: 1 } } });
    expect((await campaignStatsOf(a.id)).length).toBe(62);
    expect((await agencyPlanOf(a.id))?.adAccounts).toEqual([{ channel: 'microsoft_ads', externalId: 'F1234567', name: 'Maison Dupont' }]);

    // the next report from the same platform account finds its client by itself
    await handle({ type: 'analyze', bytes: bytes('microsoft-ads-campaign-performance-daily-2026-11-02.csv') });
    expect(out.at(-1)).toMatchObject({ type: 'analyzed', campaign: { suggestedAccountId: a.id } });
    await handle({ type: 'plan' });
    expect(out.at(-1)).toMatchObject({ type: 'planned', dryRun: { summary: { new: 0, updated: 0, duplicates: 62, invalidCount: 0 } } });
  });

  it('a corrected report updates the rows it changes', async () => {
    const a = await client();
    const csv = (spend: string) =>
      enc(
        `Day,Campaign,Currency code,Cost,Impr.,Clicks,Conversions,Conv. value\n2026-10-01,Brand,EUR,${spend},100,10,1,50\n2026-10-02,Brand,EUR,5.00,100,10,1,50\n`,
      );
    const first = await planFile(await analyzeFile(csv('10.00')), {}, { accountId: a.id });
    await runImport(first);
    const second = await planFile(await analyzeFile(csv('12.50')), {}, { accountId: a.id });
    expect(second.summary).toMatchObject({ new: 0, updated: 1, duplicates: 1 });
    await runImport(second);
    expect((await campaignStatsOf(a.id)).find((r) => r.date === '2026-10-01')?.spend).toBe(12.5);
  });

  it('bad rows are listed by line with the reason; they never block the others', async () => {
    const a = await client();
    const text = [
      'Campaign report',
      '"October 1, 2026 - October 31, 2026"',
      'Day,Campaign,Currency code,Cost,Impr.,Clicks,Conversions',
      '2026-10-01,Brand,EUR,10.00,100,10,1',
      '2026-10-32,Brand,EUR,10.00,100,10,1',
      '2026-10-03,Brand,EUR,ten,100,10,1',
      '2026-10-04,Brand,EUR,-4,100,10,1',
      '2026-10-05,Brand,EUR,4.00,100,10,1',
      'Total: Account,--,EUR,24.00,400,40,4',
    ].join('\n');
    const plan = await planFile(await analyzeFile(enc(text)), {}, { accountId: a.id });
    expect(plan.summary.new).toBe(2);
    expect(plan.summary.skipped).toBe(1);
    expect(plan.summary.invalid.map((i) => i.line)).toEqual([5, 6, 7]);
    expect(plan.summary.invalid[0]!.reason).toMatch(/date/);
    expect(plan.summary.invalid[1]!.reason).toMatch(/spend: "ten" is not a number/);
    expect(plan.summary.invalid[2]!.reason).toMatch(/positive/);
  });

  it('without a client: every row says to choose one; a file naming an unknown client says so', async () => {
    const plan = await planFile(await analyzeFile(enc('Day,Campaign,Cost\n2026-10-01,Brand,3.00\n')));
    expect(plan.summary.invalid).toEqual([
      { line: 2, reason: 'account: choose the client this report is for', key: 'agency.issue.chooseClient', params: undefined },
    ]);
    const named = await planFile(await analyzeFile(enc('Day,Account,Campaign,Cost\n2026-10-01,Nobody Ltd,Brand,3.00\n')));
    expect(named.summary.invalid[0]!.reason).toMatch(/no client named "Nobody Ltd"/);
  });

  it('weeks across two months and rows without any date are refused with the way out', async () => {
    const a = await client();
    const plan = await planFile(await analyzeFile(enc('Week,Campaign,Cost\n2026-09-28,Brand,3.00\n2026-10-05,Brand,4.00\n')), {}, { accountId: a.id });
    expect(plan.summary.new).toBe(1);
    expect(plan.summary.invalid[0]!.reason).toMatch(/two months/);
    const noDate = await planFile(await analyzeFile(enc('Campaign,Cost,Clicks\nBrand,3.00,4\n')), { presetId: 'generic-campaigns' }, { accountId: a.id });
    expect(noDate.summary.invalid[0]!.reason).toMatch(/no date/);
  });

  it('a cancelled campaign commit leaves every table as it was', async () => {
    const a = await client();
    const plan = await planFile(await analyzeFile(bytes('google-ads-campaigns-daily-en-2026-11-02.csv')), {}, { accountId: a.id });
    const before = await tableCounts();
    const ctrl = new AbortController();
    await expect(runImport(plan, { chunkSize: 10, signal: ctrl.signal, onProgress: (n) => n >= 30 && ctrl.abort() })).rejects.toThrow(/cancelled/);
    expect(await tableCounts()).toEqual(before);
  });
});

describe('report preambles and dates', () => {
  it('reads the range, aggregation and account of each platform’s preamble', () => {
    expect(reportContext(['Campaign report', '"October 1, 2026 - October 31, 2026"'], 'mdy').range).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(reportContext(['Rapport sur les campagnes', '"1 oct. 2026 - 31 oct. 2026"'], 'dmy').range).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(reportContext(['"Report Time: 10/1/2026 - 10/31/2026"', '"Report Aggregation: Monthly"'], 'mdy')).toMatchObject({
      range: { from: '2026-10-01', to: '2026-10-31' },
      aggregation: 'monthly',
    });
    expect(
      reportContext(
        [
          'Campaign Performance Report (in UTC)',
          'Report Start: 10/1/2026, 12:00 AM',
          'Report End: 10/31/2026, 11:59 PM',
          'Account Name: Maison Dupont',
          'Account ID: 509876543',
        ],
        'mdy',
      ),
    ).toEqual({
      range: { from: '2026-10-01', to: '2026-10-31' },
      aggregation: null,
      accountName: 'Maison Dupont',
      accountId: '509876543',
    });
    expect(reportContext(['Campaign report', 'All time'], 'mdy').range).toBeNull();
  });
  it('long dates, months and ranges in English and French', () => {
    expect(parseLongDate('September 1, 2026')).toBe('2026-09-01');
    expect(parseLongDate('1er octobre 2026')).toBe('2026-10-01');
    expect(parseLongDate('31 févr. 2026')).toBeNull();
    expect(parseMonthCell('October 2026')).toBe('2026-10');
    expect(parseMonthCell('oct. 2026')).toBe('2026-10');
    expect(parseMonthCell('2026-10-01')).toBe('2026-10');
    expect(parseMonthCell('13/2026')).toBeNull();
    expect(parseDateRange('2026-09-01 - 2026-09-30', 'mdy')).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    expect(parseDateRange('30 septembre 2026 au 1 septembre 2026', 'dmy')).toBeNull();
  });
  it('property: no line of text makes the preamble reader or the range parser throw', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 120 }), { maxLength: 12 }), (lines) => {
        const r = reportContext(lines, 'mdy');
        if (r.range) expect(r.range.from <= r.range.to).toBe(true);
      }),
    );
  });
  it('property: any campaign report file is planned without throwing, every row accounted for', async () => {
    const a = await client();
    const cell = fc.oneof(
      fc.constantFrom('', '--', 'Total: Account', '1 234,56 €', '2026-10-01', '10/13/2026', 'oct. 2026', '-3', 'x"y', '1.2E+11'),
      fc.string({ maxLength: 12 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 15 }), async (rows) => {
        const text = ['Day,Campaign,Campaign ID,Cost,Clicks', ...rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(','))].join('\n');
        const plan = await planFile(await analyzeFile(enc(text)), { presetId: 'google-ads-campaigns' }, { accountId: a.id });
        const s = plan.summary;
        expect(s.new + s.updated + s.duplicates + s.invalid.length + (s.skipped ?? 0) + s.campaigns!.merged).toBe(parseCsv(text).rows.length);
      }),
      { numRuns: 60 },
    );
  });
});

describe('detection stays right for the other files', () => {
  it('a campaign header is a known header; a contacts header still detects as contacts', () => {
    expect(isKnownHeader(['Day', 'Campaign', 'Cost', 'Impr.', 'Clicks'])).toBe(true);
    expect(detectPreset(['First Name', 'Last Name', 'Email', 'Company']).preset.entity).toBe('contacts');
    expect(detectPreset(['Invoice', 'Date', 'Amount', 'Currency', 'Customer ID']).preset.entity).toBe('orders');
  });
});
