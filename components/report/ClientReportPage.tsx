import { useEffect, useMemo, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import { formatDay, formatMonth } from '@/lib/i18n/format';
import { createClientReportModel, parseReportParams, type ClientReportModel } from '@/lib/panel/models/client-report';
import { alertText, changeTone, channelLabel, formatChange, formatKpi, metricLabel, periodLabel, targetLabel } from '@/lib/panel/agency-labels';
import type { ClientReport } from '@/lib/agency/report';
import { useTrendChart } from '../charts/use-trend-chart';
import { failureText } from '@/lib/panel/failure';

/** The report page: a clean, printable client report for one period, in French or English. */
export function ClientReportPage({ search }: { search: string }) {
  const parsed = useMemo(() => parseReportParams(search), [search]);
  if (!parsed.ok)
    return (
      <main class="report">
        <p role="alert" class="error" data-testid="report-error">
          {t('agency.report.badAddress', { error: parsed.error })}
        </p>
      </main>
    );
  return <Report model={parsed.params} />;
}

function Report({ model: params }: { model: Parameters<typeof createClientReportModel>[0] }) {
  const m = useMemo(() => createClientReportModel(params), [params]);
  useEffect(() => () => m.dispose(), [m]);
  const Chart = useTrendChart();
  const data = m.data.value;
  const r = data?.report;
  useEffect(() => {
    if (r) document.title = `${t('agency.report.title')} – ${r.account.name} – ${periodLabel(r.period)}`;
  });
  if (m.loading.value && !data)
    return (
      <main class="report">
        <p class="muted">{t('common.loading')}</p>
      </main>
    );
  if (!data || !r)
    return (
      <main class="report">
        <p role="alert" class="error" data-testid="report-error">
          {t('agency.report.missing')}
        </p>
      </main>
    );
  return (
    <main class="report" data-testid="client-report">
      <Toolbar m={m} />
      <header class="report-head">
        <p class="report-kicker">{t('agency.report.title')}</p>
        <h1 data-testid="report-client">{r.account.name}</h1>
        <p class="report-period" data-testid="report-period">
          {periodLabel(r.period)} <span class="muted">· {t('agency.report.vs', { period: periodLabel(r.previousPeriod) })}</span>
        </p>
      </header>
      {r.coveredDays === 0 && (
        <p class="warn" role="note">
          {t('agency.report.noFigures')}
        </p>
      )}
      {r.coveredDays > 0 && r.coveredDays < r.periodDays && (
        <p class="muted small">{t('agency.report.partial', { days: r.coveredDays, total: r.periodDays })}</p>
      )}
      {r.otherCurrency > 0 && <p class="muted small">{t('agency.report.otherCurrency', { n: r.otherCurrency, currency: r.currency })}</p>}

      <section aria-labelledby="r-summary">
        <h2 id="r-summary">{t('agency.report.summary')}</h2>
        <KpiTiles report={r} />
      </section>

      {r.alerts.length > 0 && (
        <section aria-labelledby="r-alerts">
          <h2 id="r-alerts">{t('agency.report.watch')}</h2>
          <ul class="report-alerts" data-testid="report-alerts">
            {r.alerts.map((a) => (
              <li>{alertText(a, r.currency)}</li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="r-trends" class="report-charts">
        <h2 id="r-trends">{t('agency.report.trends')}</h2>
        {r.daily && (
          <figure class="report-chart">
            {Chart ? (
              <Chart
                title={t('agency.report.dailyChart')}
                months={r.daily.dates}
                height={190}
                series={[
                  { label: metricLabel('spend'), values: r.daily.spend, color: '#0b5cad' },
                  { label: metricLabel('conversions'), values: r.daily.conversions, color: '#1a7f37', scale: 'conv' },
                ]}
              />
            ) : (
              <p class="muted">{t('dashboard.chartLoading')}</p>
            )}
          </figure>
        )}
        <figure class="report-chart">
          {Chart ? (
            <Chart
              title={t('agency.report.monthlyChart')}
              months={r.monthly.months}
              height={190}
              series={[
                { label: metricLabel('spend'), values: r.monthly.spend, color: '#0b5cad' },
                { label: metricLabel('roas'), values: r.monthly.roas, color: '#b35c00', scale: 'roas' },
              ]}
            />
          ) : (
            <p class="muted">{t('dashboard.chartLoading')}</p>
          )}
        </figure>
        <MonthlyTable report={r} />
      </section>

      <section aria-labelledby="r-kpis">
        <h2 id="r-kpis">{t('agency.report.allKpis')}</h2>
        <table class="data report-table" data-testid="report-kpis">
          <thead>
            <tr>
              <th scope="col">{t('agency.report.kpi')}</th>
              <th scope="col">{periodLabel(r.period)}</th>
              <th scope="col">{periodLabel(r.previousPeriod)}</th>
              <th scope="col">{t('agency.report.change')}</th>
              <th scope="col">{t('agency.report.target')}</th>
            </tr>
          </thead>
          <tbody>
            {r.kpis.map((k) => (
              <tr class={k.target ? `target-${k.target.status}` : ''}>
                <th scope="row">{metricLabel(k.metric)}</th>
                <td>{formatKpi(k.metric, k.value, r.currency)}</td>
                <td>{formatKpi(k.metric, k.previous, r.currency)}</td>
                <td class={`delta ${changeTone(k.metric, k.change)}`}>{formatChange(k.change)}</td>
                <td>{k.target ? `${targetLabel(k.target.target, r.currency)} · ${t(`agency.target.${k.target.status}` as MessageKey)}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {r.campaigns.length > 0 && (
        <section aria-labelledby="r-campaigns">
          <h2 id="r-campaigns">{t('agency.report.topCampaigns')}</h2>
          <table class="data report-table" data-testid="report-campaigns">
            <thead>
              <tr>
                <th scope="col">{t('agency.report.campaign')}</th>
                <th scope="col">{metricLabel('spend')}</th>
                <th scope="col">{metricLabel('conversions')}</th>
                <th scope="col">{metricLabel('cpa')}</th>
                <th scope="col">{metricLabel('roas')}</th>
              </tr>
            </thead>
            <tbody>
              {r.campaigns.map((c) => (
                <tr>
                  <th scope="row">
                    {c.campaign || t('agency.report.allCampaigns')} <span class="muted small">{channelLabel(c.channel)}</span>
                  </th>
                  <td>{formatKpi('spend', c.kpis.spend, r.currency)}</td>
                  <td>{formatKpi('conversions', c.kpis.conversions, r.currency)}</td>
                  <td>{formatKpi('cpa', c.kpis.cpa, r.currency)}</td>
                  <td>{formatKpi('roas', c.kpis.roas, r.currency)}</td>
                </tr>
              ))}
              {r.otherCampaigns && (
                <tr>
                  <th scope="row">{t('agency.report.otherCampaigns', { n: r.otherCampaigns.count })}</th>
                  <td>{formatKpi('spend', r.otherCampaigns.kpis.spend, r.currency)}</td>
                  <td>{formatKpi('conversions', r.otherCampaigns.kpis.conversions, r.currency)}</td>
                  <td>{formatKpi('cpa', r.otherCampaigns.kpis.cpa, r.currency)}</td>
                  <td>{formatKpi('roas', r.otherCampaigns.kpis.roas, r.currency)}</td>
                </tr>
              )}
            </tbody>
          </table>
          {r.channels.length > 1 && (
            <p class="small">
              {r.channels
                .map(
                  (c) =>
                    `${channelLabel(c.channel)} : ${formatKpi('spend', c.kpis.spend, r.currency)} · ${metricLabel('roas')} ${formatKpi('roas', c.kpis.roas, r.currency)}`,
                )
                .join(' — ')}
            </p>
          )}
        </section>
      )}

      <Notes m={m} notes={r.notes} nextSteps={r.nextSteps} />

      <footer class="report-foot muted small">
        {t('agency.report.footer', { date: data.lastDate ? formatDay(data.lastDate) : '–', generated: formatDay(new Date().toISOString().slice(0, 10)) })}
      </footer>
    </main>
  );
}

function Toolbar({ m }: { m: ClientReportModel }) {
  const l = m.reportLang.value;
  return (
    <div class="report-toolbar no-print" role="toolbar" aria-label={t('agency.report.tools')}>
      <button type="button" class="primary" onClick={() => window.print()} data-testid="report-print">
        {t('agency.report.print')}
      </button>
      <div class="lang-switch" role="group" aria-label={t('agency.report.language')}>
        {(['fr', 'en'] as const).map((x) => (
          <button type="button" class="secondary" aria-pressed={l === x} onClick={() => m.setLang(x)} data-testid={`report-lang-${x}`}>
            {x.toUpperCase()}
          </button>
        ))}
      </div>
      <button
        type="button"
        class="secondary"
        aria-pressed={m.editing.value}
        onClick={() => (m.editing.value = !m.editing.value)}
        data-testid="report-edit-notes"
      >
        {t('agency.report.editNotes')}
      </button>
      <p class="muted small">{t('agency.report.pdfHint')}</p>
    </div>
  );
}

function KpiTiles({ report: r }: { report: ClientReport }) {
  return (
    <dl class="kpi-tiles" data-testid="report-headline">
      {r.headline.map((k) => (
        <div class={`kpi-tile ${k.target ? k.target.status : ''}`}>
          <dt>{metricLabel(k.metric)}</dt>
          <dd>
            {formatKpi(k.metric, k.value, r.currency)} <span class={`delta ${changeTone(k.metric, k.change)}`}>{formatChange(k.change)}</span>
            {k.target && (
              <span class="target">
                {t('agency.report.targetIs', { target: targetLabel(k.target.target, r.currency) })} · {t(`agency.target.${k.target.status}` as MessageKey)}
              </span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function MonthlyTable({ report: r }: { report: ClientReport }) {
  const rows = r.monthly.months
    .map((m, i) => ({
      m,
      spend: r.monthly.spend[i] ?? null,
      conv: r.monthly.conversions[i] ?? null,
      cpa: r.monthly.cpa[i] ?? null,
      roas: r.monthly.roas[i] ?? null,
    }))
    .filter((x) => x.spend !== null);
  if (rows.length === 0) return null;
  return (
    <table class="data report-table monthly">
      <caption>{t('agency.report.monthlyChart')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.month')}</th>
          <th scope="col">{metricLabel('spend')}</th>
          <th scope="col">{metricLabel('conversions')}</th>
          <th scope="col">{metricLabel('cpa')}</th>
          <th scope="col">{metricLabel('roas')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((x) => (
          <tr>
            <th scope="row">{formatMonth(x.m, 'short')}</th>
            <td>{formatKpi('spend', x.spend, r.currency)}</td>
            <td>{formatKpi('conversions', x.conv, r.currency)}</td>
            <td>{formatKpi('cpa', x.cpa, r.currency)}</td>
            <td>{formatKpi('roas', x.roas, r.currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Notes({ m, notes, nextSteps }: { m: ClientReportModel; notes: string | null; nextSteps: string[] }) {
  const [draft, setDraft] = useState({ notes: notes ?? '', next: nextSteps.join('\n') });
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => setDraft({ notes: notes ?? '', next: nextSteps.join('\n') }), [notes, nextSteps.join('\n')]);
  if (m.editing.value)
    return (
      <section class="no-print report-notes-edit" aria-labelledby="r-notes-edit">
        <h2 id="r-notes-edit">{t('agency.report.notes')}</h2>
        <label class="field">
          {t('agency.report.notes')}
          <textarea rows={4} value={draft.notes} onInput={(e) => setDraft({ ...draft, notes: e.currentTarget.value })} data-testid="report-notes-input" />
        </label>
        <label class="field">
          {t('agency.report.nextSteps')} <span class="muted small">{t('agency.report.onePerLine')}</span>
          <textarea rows={4} value={draft.next} onInput={(e) => setDraft({ ...draft, next: e.currentTarget.value })} data-testid="report-next-input" />
        </label>
        <button
          type="button"
          class="primary"
          data-testid="report-notes-save"
          onClick={async () => {
            try {
              await m.saveNote(draft.notes, draft.next);
              setSaved(t('agency.report.saved'));
              m.editing.value = false;
            } catch (e) {
              setSaved(failureText(e));
            }
          }}
        >
          {t('common.save')}
        </button>
        {saved && <p role="status">{saved}</p>}
      </section>
    );
  return (
    <>
      <section aria-labelledby="r-notes">
        <h2 id="r-notes">{t('agency.report.notes')}</h2>
        {notes ? notes.split(/\n{2,}/).map((p) => <p class="report-text">{p}</p>) : <p class="muted no-print">{t('agency.report.noNotes')}</p>}
      </section>
      <section aria-labelledby="r-next">
        <h2 id="r-next">{t('agency.report.nextSteps')}</h2>
        {nextSteps.length ? (
          <ol class="report-next" data-testid="report-next">
            {nextSteps.map((s) => (
              <li>{s}</li>
            ))}
          </ol>
        ) : (
          <p class="muted no-print">{t('agency.report.noNextSteps')}</p>
        )}
      </section>
    </>
  );
}
