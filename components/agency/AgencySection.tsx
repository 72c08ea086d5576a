import { useEffect, useMemo } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import { createAgencyAccountModel } from '@/lib/panel/models/agency-account';
import { PERIOD_KEYS, isPeriodKey } from '@/lib/panel/models/agency-period';
import { openExtensionPage } from '@/lib/panel/commands/open-page';
import { alertText, changeTone, formatChange, formatKpi, metricLabel, periodLabel, targetLabel } from '@/lib/panel/agency-labels';
import { formatDay } from '@/lib/i18n/format';
import { useTrendChart } from '../charts/use-trend-chart';
import { Dialog } from '../Dialog';
import { CampaignImport } from './CampaignImport';
import { FiguresForm, TargetsForm } from './AgencyForms';
import './agency.css';

/** Campaign performance in an account's 360°: KPIs against target and the period before, trends, alerts, the report. */
export function AgencySection({ accountId }: { accountId: string }) {
  const m = useMemo(() => createAgencyAccountModel(accountId), [accountId]);
  useEffect(() => () => m.dispose(), [m]);
  const data = m.data.value;
  const Chart = useTrendChart();
  if (!data) return null;
  const r = data.report;
  const cur = r.currency;
  const panel = m.panel.value;
  const dialogs = (
    <>
      {panel === 'targets' && (
        <Dialog title={t('agency.targets.dialog', { name: data.account.name })} onClose={m.close} testId="targets-dialog">
          <TargetsForm plan={data.plan} currency={data.plan?.currency ?? data.account.currency} onSave={m.saveTargets} onDone={m.close} />
        </Dialog>
      )}
      {panel === 'figures' && (
        <Dialog title={t('agency.figures.dialog', { name: data.account.name })} onClose={m.close} testId="figures-dialog">
          <FiguresForm currency={data.plan?.currency ?? data.account.currency} onSave={m.saveFigures} onDone={m.close} />
        </Dialog>
      )}
      {panel === 'import' && (
        <Dialog title={t('agency.import.title')} onClose={m.close} testId="import-dialog">
          <CampaignImport accountId={accountId} />
        </Dialog>
      )}
    </>
  );
  const setup = (
    <div class="toolbar" role="toolbar" aria-label={t('agency.section.title')}>
      <button type="button" class="secondary" onClick={() => m.open('import')} data-testid="agency-import">
        {t('agency.section.import')}
      </button>
      <button type="button" class="secondary" onClick={() => m.open('targets')} data-testid="agency-targets">
        {t('agency.section.targets')}
      </button>
      <button type="button" class="secondary" onClick={() => m.open('figures')} data-testid="agency-figures">
        {t('agency.section.figures')}
      </button>
    </div>
  );
  if (!m.isClient.value)
    return (
      <details class="agency-section" data-testid="agency-section-empty">
        <summary>{t('agency.section.title')}</summary>
        <p class="muted small">{t('agency.section.none')}</p>
        {setup}
        {dialogs}
      </details>
    );
  return (
    <section class="agency-section" aria-labelledby="agency-section-title" data-testid="agency-section">
      <div class="section-head">
        <h3 id="agency-section-title">{t('agency.section.title')}</h3>
        <button type="button" class="primary" onClick={() => void openExtensionPage(m.reportPath())} data-testid="agency-report">
          {t('agency.openReport')}
        </button>
      </div>
      <div class="filters">
        <label class="field">
          {t('agency.period')}
          <select
            value={m.periodKey.value}
            onChange={(e) => isPeriodKey(e.currentTarget.value) && m.setPeriod(e.currentTarget.value)}
            data-testid="agency-section-period"
          >
            {PERIOD_KEYS.map((k) => (
              <option value={k}>{t(`agency.period.${k}` as MessageKey)}</option>
            ))}
          </select>
        </label>
        <p class="muted small">
          {periodLabel(r.period)} · {t('agency.report.vs', { period: periodLabel(r.previousPeriod) })}
          {data.lastDate && <> · {t('agency.section.lastDate', { date: formatDay(data.lastDate) })}</>}
        </p>
      </div>
      {r.coveredDays === 0 && <p class="muted">{t('agency.section.noneInPeriod')}</p>}
      <dl class="kpi-tiles" data-testid="agency-kpis">
        {r.headline.map((k) => (
          <div class={`kpi-tile ${k.target ? k.target.status : ''}`} data-metric={k.metric} data-status={k.target?.status ?? ''}>
            <dt>{metricLabel(k.metric)}</dt>
            <dd>
              {formatKpi(k.metric, k.value, cur)} <span class={`delta ${changeTone(k.metric, k.change)}`}>{formatChange(k.change)}</span>
              {k.target && (
                <span class="target">
                  {targetLabel(k.target.target, cur)} · {t(`agency.target.${k.target.status}` as MessageKey)}
                </span>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {r.alerts.length > 0 && (
        <ul class="plain agency-alerts" data-testid="agency-alerts">
          {r.alerts.map((a) => (
            <li class="warn">⚠ {alertText(a, cur)}</li>
          ))}
        </ul>
      )}
      {Chart && r.monthly.spend.some((x) => x !== null) && (
        <figure class="chart">
          <Chart
            title={t('agency.report.monthlyChart')}
            months={r.monthly.months}
            series={[
              { label: metricLabel('spend'), values: r.monthly.spend, color: '#0b5cad' },
              { label: metricLabel('roas'), values: r.monthly.roas, color: '#b35c00', scale: 'roas' },
            ]}
          />
        </figure>
      )}
      {Chart && r.daily && (
        <figure class="chart">
          <Chart
            title={t('agency.report.dailyChart')}
            months={r.daily.dates}
            series={[
              { label: metricLabel('spend'), values: r.daily.spend, color: '#0b5cad' },
              { label: metricLabel('conversions'), values: r.daily.conversions, color: '#1a7f37', scale: 'conv' },
            ]}
          />
        </figure>
      )}
      {r.campaigns.length > 0 && (
        <details>
          <summary>{t('agency.report.topCampaigns')}</summary>
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t('agency.report.campaign')}</th>
                <th scope="col">{metricLabel('spend')}</th>
                <th scope="col">{metricLabel('roas')}</th>
                <th scope="col">{metricLabel('cpa')}</th>
              </tr>
            </thead>
            <tbody>
              {r.campaigns.map((c) => (
                <tr>
                  <th scope="row">{c.campaign || t('agency.report.allCampaigns')}</th>
                  <td>{formatKpi('spend', c.kpis.spend, cur)}</td>
                  <td>{formatKpi('roas', c.kpis.roas, cur)}</td>
                  <td>{formatKpi('cpa', c.kpis.cpa, cur)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {data.plan && data.plan.targets.length > 0 && (
        <p class="muted small">
          {t('agency.section.targetsAre', { targets: data.plan.targets.map((x) => targetLabel(x, cur)).join(', ') })}
          {data.plan.monthlyBudget !== null && <> · {t('agency.section.budget', { budget: formatKpi('spend', data.plan.monthlyBudget, cur) })}</>}
        </p>
      )}
      {setup}
      {dialogs}
    </section>
  );
}
