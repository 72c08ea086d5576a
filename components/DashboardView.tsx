import './insights.css';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { formatDate, formatMoney, formatNumber, formatPercent, formatRelative } from '@/lib/i18n/format';
import { useLiveQuery } from '@/lib/panel/live';
import { dashboardView, loadDashboardData, PERIODS, type MoneyNote, type PeriodKey } from '@/lib/panel/queries/dashboard';
import { loadReportingSettings, reportingConverter } from '@/lib/panel/models/reporting';
import { goTo } from '@/lib/panel/router';
import { runScoring, scoringStatus } from '@/lib/panel/scoring';
import { segmentLabel } from '@/lib/panel/view/scoring-labels';
import { EmptyState } from './EmptyState';
import { ActionList } from './ActionList';
import { AccountInsights } from './AccountInsights';
import { SegmentBuilder } from './SegmentBuilder';
import { ScoringSettingsForm } from './ScoringSettingsForm';
import { useTrendChart } from './charts/use-trend-chart';

const pct = (x: number | null) => (x === null ? t('dashboard.noData') : formatPercent(x));
const num = (x: number | null, d = 0) => (x === null ? t('dashboard.noData') : formatNumber(x, d));

/** Portfolio KPIs over a selectable period, filterable by segment and owner, with monthly trends and top actions. */
export function DashboardView() {
  const data = useLiveQuery(loadDashboardData, []);
  const [period, setPeriod] = useState<PeriodKey>('quarter');
  const [segment, setSegment] = useState('');
  const [owner, setOwner] = useState('');
  useEffect(() => {
    void loadReportingSettings();
  }, []);
  const Chart = useTrendChart();
  const status = scoringStatus.value;
  const money = reportingConverter.value;
  const v = data.value;
  const view = useMemo(() => (v ? dashboardView(v, { period, segment, owner }, new Date(), money) : null), [v, period, segment, owner, money]);

  if (!v || !view) return <p class="muted">{t('common.loading')}</p>;
  if (v.accounts.length === 0)
    return (
      <section data-testid="dashboard-empty">
        <p class="muted">{t('dashboard.empty')}</p>
        <EmptyState />
      </section>
    );
  const label = (k: string) => segmentLabel(k, v.segments);
  const lastRun = status.lastRun;
  const satisfaction = {
    title: t('dashboard.trend.satisfaction'),
    months: view.trends.months,
    series: [
      { label: t('dashboard.nps'), values: view.trends.nps, color: '#0b5cad' },
      { label: t('dashboard.csat'), values: view.trends.csat, color: '#1a7f37', scale: '%' },
    ],
  };
  const churn = {
    title: t('dashboard.trend.churn'),
    months: view.trends.months,
    series: [
      { label: t('dashboard.churnRate'), values: view.trends.churnRate.map((x) => (x === null ? null : x * 100)), color: '#b42318' },
      { label: t('dashboard.retentionRate'), values: view.trends.retentionRate.map((x) => (x === null ? null : x * 100)), color: '#1a7f37', scale: '%' },
    ],
  };

  return (
    <section class="dashboard" aria-labelledby="dashboard-title" data-testid="dashboard">
      <h2 id="dashboard-title">{t('dashboard.title')}</h2>
      <p class="muted" role="status">
        {status.running
          ? t('dashboard.scoring')
          : lastRun
            ? t('dashboard.lastRun', { when: formatRelative(lastRun.at), accounts: lastRun.accounts, ms: Math.round(lastRun.timings.total ?? 0) })
            : ''}{' '}
        <button type="button" class="link" onClick={() => void runScoring()} disabled={status.running}>
          {t('dashboard.rescore')}
        </button>
      </p>
      {status.error && (
        <p role="alert" class="error">
          {t('error.generic', { message: status.error })}
        </p>
      )}
      <div class="filters">
        <label class="field">
          {t('dashboard.period')}
          <select value={period} onChange={(e) => setPeriod((e.target as HTMLSelectElement).value as PeriodKey)} data-testid="period">
            {(Object.keys(PERIODS) as PeriodKey[]).map((k) => (
              <option value={k}>{t(`dashboard.period.${k}`)}</option>
            ))}
          </select>
        </label>
        <label class="field">
          {t('dashboard.segment')}
          <select value={segment} onChange={(e) => setSegment((e.target as HTMLSelectElement).value)} data-testid="segment-filter">
            <option value="">{t('dashboard.all')}</option>
            {view.allSegments.map((k) => (
              <option value={k}>{label(k)}</option>
            ))}
          </select>
        </label>
        <label class="field">
          {t('dashboard.owner')}
          <select value={owner} onChange={(e) => setOwner((e.target as HTMLSelectElement).value)}>
            <option value="">{t('dashboard.all')}</option>
            {view.owners.map((o) => (
              <option value={o}>{o}</option>
            ))}
          </select>
        </label>
      </div>

      <h3>{t('dashboard.kpis')}</h3>
      <dl class="kpis" data-testid="kpis">
        <div>
          <dt>{t('dashboard.accounts')}</dt>
          <dd data-testid="kpi-accounts">{formatNumber(view.count)}</dd>
        </div>
        <div>
          <dt>{t('dashboard.churnRate')}</dt>
          <dd data-testid="kpi-churn">{pct(view.stats.churnRate)}</dd>
        </div>
        <div>
          <dt>{t('dashboard.retentionRate')}</dt>
          <dd>{pct(view.stats.retentionRate)}</dd>
        </div>
        <div>
          <dt>{t('dashboard.nps')}</dt>
          <dd data-testid="kpi-nps">{num(view.nps?.nps ?? null)}</dd>
        </div>
        <div>
          <dt>{t('dashboard.csat')}</dt>
          <dd>{view.csat === null ? t('dashboard.noData') : `${formatNumber(view.csat)} %`}</dd>
        </div>
        <div>
          <dt>{t('dashboard.ces')}</dt>
          <dd>{num(view.ces, 1)}</dd>
        </div>
        <div>
          <dt>{t('dashboard.avgClv')}</dt>
          <dd data-testid="kpi-clv">{view.clv.average === null ? t('dashboard.noData') : formatMoney(view.clv.average, view.clv.currency)}</dd>
        </div>
        <div>
          <dt>{t('dashboard.revenueAtRisk')}</dt>
          <dd data-testid="kpi-risk">{formatMoney(view.risk.sum, view.risk.currency)}</dd>
        </div>
      </dl>
      <MoneyLine note={view.money} />

      <h3>{t('actions.topToday')}</h3>
      <ActionList items={view.top} />

      <h3>{t('dashboard.atRisk')}</h3>
      <ul class="plain" data-testid="at-risk">
        {view.atRisk.map(({ score, account }) => (
          <li>
            <details>
              <summary>
                {account.name} — {formatPercent(score.churnProbability!)}
              </summary>
              <AccountInsights accountId={account.id} />
            </details>
          </li>
        ))}
      </ul>

      <h3>{t('dashboard.trends')}</h3>
      {[satisfaction, churn].map((c) => (
        <figure class="chart">
          {Chart ? <Chart {...c} /> : <p class="muted">{t('dashboard.chartLoading')}</p>}
          <details>
            <summary>{t('dashboard.showTable')}</summary>
            <table class="data">
              <caption>{c.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.month')}</th>
                  {c.series.map((s) => (
                    <th scope="col">{s.label}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {c.months.map((m, i) => (
                  <tr>
                    <th scope="row">{m}</th>
                    {c.series.map((s) => (
                      <td>{num(s.values[i] ?? null, 1)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </figure>
      ))}

      <h3>{t('dashboard.segmentSizes')}</h3>
      <ul class="plain bars" data-testid="segment-sizes">
        {view.sizes.slice(0, 20).map((s) => (
          <li>
            <span class="bar-label">{label(s.segment)}</span>
            <span class="bar" style={{ width: `${Math.round((100 * s.count) / Math.max(1, view.count))}%` }} aria-hidden="true" />
            <span class="muted">{formatNumber(s.count)}</span>
          </li>
        ))}
      </ul>

      <SegmentBuilder />
      <ScoringSettingsForm />
    </section>
  );
}

/** Says what the amounts are in and at which rates, and which accounts they leave out and how to fix that. */
function MoneyLine({ note }: { note: MoneyNote }) {
  const date = formatDate(note.asOf);
  return (
    <p class="muted small" data-testid="money-note">
      {note.converted
        ? t(note.source === 'ecb' ? 'dashboard.money.convertedEcb' : 'dashboard.money.convertedUser', { currency: note.currency, date })
        : t('dashboard.money.single', { currency: note.currency })}
      {note.leftOut > 0 && (
        <>
          {' '}
          <span data-testid="money-left-out">{t('dashboard.money.leftOut', { n: note.leftOut, currencies: note.leftOutCurrencies.join(', ') })}</span>{' '}
          <button type="button" class="link" onClick={() => goTo('settings')}>
            {t('dashboard.money.addRate')}
          </button>
        </>
      )}
    </p>
  );
}
