import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { insert, update } from '../../../lib/db';
import { getDb } from '../../../lib/db/db';
import { agencyPlanOf, campaignStatsOf, agencyAccountIds, reportNoteOf } from '../../../lib/db/agency';
import { saveAgencyPlan, saveFigures, saveReportNote, removeFigures, planDraft, formNumber, type FiguresDraft } from '../../../lib/panel/commands/agency';
import { loadAgencyPortfolio, loadAgencyAccount, clientChoices } from '../../../lib/panel/queries/agency';
import { createAgencyModel } from '../../../lib/panel/models/agency';
import { parseReportParams } from '../../../lib/panel/models/client-report';
import { periodFor } from '../../../lib/panel/models/agency-period';
import { agencyOverview, clientSummary } from '../../../lib/agency/portfolio';
import { buildClientReport, clientReportPath } from '../../../lib/agency/report';
import { formatChange, formatKpi, issueText, targetLabel } from '../../../lib/panel/agency-labels';
import { langSetting } from '../../../lib/i18n';

const draft = (o: Partial<FiguresDraft> = {}): FiguresDraft => ({
  granularity: 'month',
  when: '2026-10',
  channel: 'google_ads',
  campaign: 'Brand',
  spend: '1 000,50',
  impressions: '20 000',
  clicks: '400',
  conversions: '20',
  conversionValue: '3 000',
  currency: 'EUR',
  ...o,
});

async function client(name = 'Client A', currency = 'EUR') {
  return insert('accounts', { name, domains: [], currency });
}

describe('agency commands', () => {
  it('hand entry: a month of figures in French notation, entered again replaces the first', async () => {
    const a = await client();
    const r = await saveFigures(a.id, draft(), true);
    expect(r).toMatchObject({ period: 'month', date: '2026-10-01', endDate: '2026-10-31', spend: 1000.5, impressions: 20000, source: 'manual' });
    await saveFigures(a.id, draft({ spend: '1 200' }), true);
    const rows = await campaignStatsOf(a.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.spend).toBe(1200);
    await saveFigures(a.id, draft({ granularity: 'day', when: '2026-10-05', spend: '12.5' }), false);
    expect(await campaignStatsOf(a.id)).toHaveLength(2);
    await removeFigures(rows[0]!.id);
    expect(await campaignStatsOf(a.id)).toHaveLength(1);
  });

  it('hand entry refuses what is not a number or not a date, naming the field, and writes nothing', async () => {
    const a = await client();
    await expect(saveFigures(a.id, draft({ clicks: 'many' }), false)).rejects.toMatchObject({ issues: [{ path: 'clicks' }] });
    await expect(saveFigures(a.id, draft({ when: '10/2026' }), false)).rejects.toMatchObject({ issues: [{ path: 'when' }] });
    await expect(saveFigures(a.id, draft({ spend: '-5' }), false)).rejects.toThrow(/spend/);
    await expect(saveFigures(a.id, draft({ currency: 'euro' }), false)).rejects.toThrow(/currency/);
    expect(await campaignStatsOf(a.id)).toEqual([]);
  });

  it('targets: created then updated, rates typed in percent, the platform links kept', async () => {
    const a = await client();
    const d = {
      ...planDraft(null, 'EUR', true),
      targets: [
        { metric: 'roas' as const, op: 'min' as const, value: '4' },
        { metric: 'ctr' as const, op: 'min' as const, value: '2,5' },
      ],
      monthlyBudget: '12 000',
      pacingTolerance: '15',
    };
    const p = await saveAgencyPlan(a.id, d, true);
    expect(p).toMatchObject({
      monthlyBudget: 12000,
      pacingTolerance: 0.15,
      currency: 'EUR',
      targets: [
        { metric: 'roas', op: 'min', value: 4 },
        { metric: 'ctr', op: 'min', value: 0.025 },
      ],
    });
    expect(planDraft(p, 'EUR', true).targets[1]!.value).toBe('2,5');
    await update('agencyPlans', p.id, { adAccounts: [{ channel: 'google_ads', externalId: '123-456-7890', name: '' }] });
    await saveAgencyPlan(a.id, { ...d, monthlyBudget: '' }, true);
    const again = await agencyPlanOf(a.id);
    expect(again).toMatchObject({ id: p.id, monthlyBudget: null });
    expect(again!.adAccounts).toHaveLength(1);
    await expect(saveAgencyPlan(a.id, { ...d, targets: [{ metric: 'cpa', op: 'max', value: 'thirty' }] }, false)).rejects.toMatchObject({
      issues: [{ path: 'targets.0.value' }],
    });
    expect(await agencyAccountIds()).toEqual(new Set([a.id]));
  });

  it('report notes: one per client and period', async () => {
    const a = await client();
    const p = { from: '2026-10-01', to: '2026-10-31' };
    await saveReportNote(a.id, p, 'Good month', 'Raise budget\nTest new ads');
    await saveReportNote(a.id, p, 'Very good month', 'Raise budget');
    expect(await getDb().reportNotes.count()).toBe(1);
    expect((await reportNoteOf(a.id, p.from, p.to))?.notes).toBe('Very good month');
  });

  it('property: form numbers in either notation read back the value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const v = whole + cents / 100;
        const fr = `${whole.toLocaleString('fr-FR')},${String(cents).padStart(2, '0')}`;
        const en = `${whole.toLocaleString('en-US')}.${String(cents).padStart(2, '0')}`;
        expect(formNumber(fr, true)).toBeCloseTo(v, 6);
        expect(formNumber(en, false)).toBeCloseTo(v, 6);
      }),
    );
  });
});

describe('agency queries and models', () => {
  it('the portfolio of a period: clients below target first, totals per currency, the period before for the change', async () => {
    const a = await client('Alpha');
    const b = await client('Beta');
    const c = await client('Gamma UK', 'GBP');
    await saveAgencyPlan(a.id, { ...planDraft(null, 'EUR', false), targets: [{ metric: 'roas', op: 'min', value: '4' }] }, false);
    await saveAgencyPlan(b.id, { ...planDraft(null, 'EUR', false), targets: [{ metric: 'roas', op: 'min', value: '4' }] }, false);
    await saveFigures(a.id, draft({ conversionValue: '2000', spend: '1000' }), false); // ROAS 2
    await saveFigures(a.id, draft({ when: '2026-09', conversionValue: '3000', spend: '1000' }), false);
    await saveFigures(b.id, draft({ conversionValue: '6000', spend: '1000' }), false); // ROAS 6
    await saveFigures(c.id, draft({ conversionValue: '900', spend: '300', currency: 'GBP' }), false);
    const period = { from: '2026-10-01', to: '2026-10-31' };
    const clients = await loadAgencyPortfolio(period);
    expect(clients.map((x) => x.account.name).sort()).toEqual(['Alpha', 'Beta', 'Gamma UK']);
    const o = agencyOverview(clients.map((x) => clientSummary(x, period)));
    expect(o.clients.map((x) => x.name)).toEqual(['Alpha', 'Beta', 'Gamma UK']);
    expect(o.clients[0]).toMatchObject({ belowTarget: true });
    expect(o.clients[0]!.change.roas).toBeCloseTo(-1 / 3);
    expect(o.belowTarget).toBe(1);
    expect(o.byCurrency.map((x) => [x.currency, x.totals.spend, x.roas])).toEqual([
      ['EUR', 2000, 4],
      ['GBP', 300, 3],
    ]);
    expect(o.converted).toBeNull();
    const converted = agencyOverview(o.clients, { currency: 'EUR', convert: (amt, from) => (from === 'GBP' ? amt * 1.15 : amt) });
    expect(converted.converted!.spend).toBeCloseTo(2345);
    const unknownRate = agencyOverview(o.clients, { currency: 'EUR', convert: (amt, from) => (from === 'GBP' ? null : amt) });
    expect(unknownRate.converted).toBeNull();
  });

  it('the screen model follows the period and the database (live)', async () => {
    const a = await client('Alpha');
    const m = createAgencyModel({ now: () => new Date('2026-11-03T10:00:00Z') });
    try {
      await expect.poll(() => m.overview.value).not.toBeNull();
      expect(m.overview.value!.clients).toEqual([]);
      await saveFigures(a.id, draft(), false);
      await expect.poll(() => m.overview.value?.clients.length).toBe(1);
      expect(m.period.value).toEqual({ from: '2026-10-01', to: '2026-10-31' });
      m.setPeriod('last_3_months');
      expect(m.period.value).toEqual({ from: '2026-08-01', to: '2026-10-31' });
      expect(m.reportPath(a.id)).toBe(`/report.html?account=${a.id}&from=2026-08-01&to=2026-10-31`);
    } finally {
      m.dispose();
    }
  });

  it('one client: the report of a period with its targets, its campaigns and its notes', async () => {
    const a = await client();
    await saveAgencyPlan(a.id, { ...planDraft(null, 'EUR', false), targets: [{ metric: 'cpa', op: 'max', value: '30' }] }, false);
    await saveFigures(a.id, draft({ campaign: 'Brand', spend: '600', conversions: '30' }), false);
    await saveFigures(a.id, draft({ campaign: 'Generic', spend: '900', conversions: '20' }), false);
    await saveReportNote(a.id, { from: '2026-10-01', to: '2026-10-31' }, 'Notes', '- one\n- two');
    const d = (await loadAgencyAccount(a.id, { from: '2026-10-01', to: '2026-10-31' }))!;
    expect(d.rowCount).toBe(2);
    expect(d.report.headline[0]).toMatchObject({ metric: 'cpa', value: 30, target: { status: 'met' } });
    expect(d.report.campaigns.map((c) => c.campaign)).toEqual(['Generic', 'Brand']);
    expect(d.report.nextSteps).toEqual(['one', 'two']);
    expect(d.report.monthly.months).toHaveLength(12);
    expect(await loadAgencyAccount('0190a0a0-0000-7000-8000-0000000000ff', { from: '2026-10-01', to: '2026-10-31' })).toBeNull();
    const choices = await clientChoices();
    expect(choices[0]).toMatchObject({ id: a.id, agency: true });
  });
});

describe('report page address and labels', () => {
  it('the report address is parsed with zod; a bad one says why', () => {
    const id = '0190a0a0-0000-7000-8000-00000000000a';
    expect(parseReportParams(clientReportPath(id, { from: '2026-10-01', to: '2026-10-31' }, 'fr').split('?')[1]!)).toEqual({
      ok: true,
      params: { account: id, from: '2026-10-01', to: '2026-10-31', lang: 'fr' },
    });
    expect(parseReportParams(`?account=${id}&from=2026-10-31&to=2026-10-01`)).toMatchObject({ ok: false, error: expect.stringMatching(/to/) });
    expect(parseReportParams('?account=x&from=2026-10-01&to=2026-10-31')).toMatchObject({ ok: false });
    expect(parseReportParams(`?account=${id}&from=2026-10-01&to=2026-10-31&lang=de`)).toMatchObject({ ok: false });
    fc.assert(fc.property(fc.string(), (s) => void parseReportParams(s)));
  });

  it('periods from today', () => {
    const today = new Date('2026-03-10T08:00:00Z');
    expect(periodFor('last_month', today)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodFor('this_month', today)).toEqual({ from: '2026-03-01', to: '2026-03-10' });
    expect(periodFor('last_30_days', today)).toEqual({ from: '2026-02-08', to: '2026-03-09' });
  });

  it('KPI values, changes, targets and dry-run issues in both languages', () => {
    langSetting.value = 'fr';
    expect(formatKpi('cpa', 30, 'EUR')).toMatch(/30,00\s€/);
    expect(formatKpi('ctr', 0.0251, 'EUR')).toMatch(/2,51\s%/);
    expect(formatKpi('roas', null, 'EUR')).toBe('–');
    expect(formatChange(-0.083)).toMatch(/^−8,3\s%$/);
    expect(targetLabel({ metric: 'roas', op: 'min', value: 4 }, 'EUR')).toBe('ROAS ≥ 4');
    expect(issueText({ reason: 'x', key: 'agency.issue.notNumber', params: { field: 'spend', value: 'ten' } })).toBe('Dépenses : « ten » n’est pas un nombre');
    langSetting.value = 'en';
    expect(formatKpi('cpa', 30, 'EUR')).toBe('€30.00');
    expect(issueText({ reason: 'x', key: 'agency.issue.chooseClient' })).toBe('Choose the client this report is for.');
    expect(issueText({ reason: 'plain reason' })).toBe('plain reason');
    langSetting.value = null;
  });

  it('a report without figures still builds (every KPI without data)', () => {
    const r = buildClientReport({
      account: { id: 'a', name: 'A', currency: 'EUR' },
      plan: null,
      rows: [],
      period: { from: '2026-10-01', to: '2026-10-31' },
      alerts: [],
      note: null,
    });
    expect(r.coveredDays).toBe(0);
    expect(r.daily).toBeNull();
    expect(r.headline.map((k) => k.metric)).toEqual(['spend', 'conversions', 'cpa']);
    expect(r.campaigns).toEqual([]);
  });
});
