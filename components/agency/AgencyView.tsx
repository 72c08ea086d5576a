import { useEffect, useMemo } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import { formatMoney, formatNumber } from '@/lib/i18n/format';
import { createAgencyModel } from '@/lib/panel/models/agency';
import { PERIOD_KEYS, isPeriodKey } from '@/lib/panel/models/agency-period';
import { openExtensionPage } from '@/lib/panel/commands/open-page';
import { alertText, changeTone, formatChange, formatKpi, periodLabel, targetLabel } from '@/lib/panel/agency-labels';
import type { ClientSummary } from '@/lib/agency/portfolio';
import { open } from '@/lib/panel/router';
import { CampaignImport } from './CampaignImport';
import './agency.css';

/** The agency's portfolio for a period: import a report, see who is below target, open a client's report. */
export function AgencyView() {
  const m = useMemo(() => createAgencyModel(), []);
  useEffect(() => () => m.dispose(), [m]);
  const o = m.overview.value;
  const period = m.period.value;
  return (
    <section class="agency" aria-labelledby="agency-title" data-testid="agency-view">
      <h2 id="agency-title">{t('agency.title')}</h2>
      <div class="filters">
        <label class="field">
          {t('agency.period')}
          <select
            value={m.periodKey.value}
            onChange={(e) => isPeriodKey(e.currentTarget.value) && m.setPeriod(e.currentTarget.value)}
            data-testid="agency-period"
          >
            {PERIOD_KEYS.map((k) => (
              <option value={k}>{t(`agency.period.${k}` as MessageKey)}</option>
            ))}
          </select>
        </label>
        <p class="muted small">{periodLabel(period)}</p>
      </div>

      <CampaignImport onImported={(ids) => (m.lastImported.value = ids[0] ?? null)} />
      {o && m.lastImported.value && (
        <JustImported c={o.clients.find((c) => c.accountId === m.lastImported.value)} onReport={(id) => void openExtensionPage(m.reportPath(id))} />
      )}

      {!o && <p class="muted">{t('common.loading')}</p>}
      {o && o.clients.length === 0 && (
        <p class="empty" data-testid="agency-empty">
          {t('agency.empty')}
        </p>
      )}
      {o && o.clients.length > 0 && (
        <>
          <dl class="kpis agency-totals" data-testid="agency-totals">
            <div>
              <dt>{t('agency.spendManaged')}</dt>
              <dd data-testid="agency-spend">
                {o.converted
                  ? formatMoney(o.converted.spend, o.converted.currency)
                  : o.byCurrency.map((c) => <span class="line">{formatMoney(c.totals.spend, c.currency)}</span>)}
                {o.byCurrency.length === 0 && '–'}
              </dd>
            </div>
            <div>
              <dt>{t('agency.blendedRoas')}</dt>
              <dd data-testid="agency-roas">
                {o.converted
                  ? formatKpi('roas', o.converted.roas, o.converted.currency)
                  : o.byCurrency.map((c) => (
                      <span class="line">
                        {formatKpi('roas', c.roas, c.currency)}
                        {o.byCurrency.length > 1 && <span class="muted small"> ({c.currency})</span>}
                      </span>
                    ))}
                {o.byCurrency.length === 0 && '–'}
              </dd>
            </div>
            <div>
              <dt>{t('agency.belowTarget')}</dt>
              <dd data-testid="agency-below-count">
                {formatNumber(o.belowTarget)} / {formatNumber(o.clients.length)}
              </dd>
            </div>
            <div>
              <dt>{t('agency.alerts')}</dt>
              <dd>{formatNumber(o.withAlerts)}</dd>
            </div>
          </dl>
          {!o.converted && o.byCurrency.length > 1 && <p class="muted small">{t('agency.perCurrency')}</p>}

          <h3>{t('agency.clients')}</h3>
          <ul class="plain agency-clients" data-testid="agency-clients">
            {o.clients.map((c) => (
              <ClientRow c={c} highlight={m.lastImported.value === c.accountId} onReport={() => void openExtensionPage(m.reportPath(c.accountId))} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** After an import: where the client stands, and its report one click away. */
function JustImported({ c, onReport }: { c: ClientSummary | undefined; onReport: (accountId: string) => void }) {
  if (!c) return null;
  const status = c.targets.length === 0 ? 'none' : c.belowTarget ? 'below' : c.coveredDays === 0 ? 'no_data' : 'on';
  return (
    <p class="card just-imported" role="status" data-testid="just-imported">
      <strong>{c.name}</strong> · {t(`agency.status.${status}` as MessageKey)}{' '}
      <button type="button" class="primary" onClick={() => onReport(c.accountId)} data-testid="just-imported-report">
        {t('agency.openReport')}
      </button>
    </p>
  );
}

function ClientRow({ c, highlight, onReport }: { c: ClientSummary; highlight: boolean; onReport: () => void }) {
  const missed = c.targets.filter((x) => x.status === 'missed');
  const status = c.targets.length === 0 ? 'none' : c.belowTarget ? 'below' : c.coveredDays === 0 ? 'no_data' : 'on';
  return (
    <li class={`client-row status-${status}${highlight ? ' highlight' : ''}`} data-testid="agency-client" data-account={c.accountId} data-status={status}>
      <div class="client-head">
        <button type="button" class="link client-name" onClick={() => open({ name: 'account', id: c.accountId })}>
          {c.name}
        </button>
        <span class={`chip status-chip ${status}`} data-testid="client-status">
          {t(`agency.status.${status}` as MessageKey)}
        </span>
        {c.alerts.length > 0 && <span class="chip alert-chip">{t('agency.alertCount', { n: c.alerts.length })}</span>}
      </div>
      {c.coveredDays === 0 ? (
        <p class="muted small">{t('agency.noFigures')}</p>
      ) : (
        <p class="client-kpis">
          <span>
            {t('agency.metric.spend')} <strong>{formatKpi('spend', c.kpis.spend, c.currency)}</strong>{' '}
            <span class={`delta ${changeTone('spend', c.change.spend)}`}>{formatChange(c.change.spend)}</span>
          </span>
          {c.kpis.conversionValue > 0 && (
            <span>
              {t('agency.metric.roas')} <strong>{formatKpi('roas', c.kpis.roas, c.currency)}</strong>{' '}
              <span class={`delta ${changeTone('roas', c.change.roas)}`}>{formatChange(c.change.roas)}</span>
            </span>
          )}
          <span>
            {t('agency.metric.cpa')} <strong>{formatKpi('cpa', c.kpis.cpa, c.currency)}</strong>{' '}
            <span class={`delta ${changeTone('cpa', c.change.cpa)}`}>{formatChange(c.change.cpa)}</span>
          </span>
        </p>
      )}
      {missed.length > 0 && (
        <p class="small missed" data-testid="client-missed">
          {missed
            .map((r) => t('agency.missedTarget', { target: targetLabel(r.target, c.currency), value: formatKpi(r.target.metric, r.value, c.currency) }))
            .join(' · ')}
        </p>
      )}
      {c.alerts.length > 0 && <p class="small muted">{alertText(c.alerts[0]!, c.currency)}</p>}
      <div class="client-actions">
        <button type="button" class="secondary" onClick={onReport} data-testid="client-report">
          {t('agency.openReport')}
        </button>
      </div>
    </li>
  );
}
