import { t } from '@/lib/i18n';
import { formatMoney, formatNumber } from '@/lib/i18n/format';
import type { DryRun } from '@/lib/import/dry-run';
import { channelLabel, issueText, periodLabel } from '@/lib/panel/agency-labels';

/** What a campaign report's dry run found: the period, the client(s), rows to add or update, and rows refused by line. */
export function CampaignDryRun({ plan }: { plan: DryRun }) {
  const s = plan.summary;
  const c = s.campaigns;
  return (
    <div data-testid="campaign-dry-run">
      <h3>{t('import.summary')}</h3>
      {c && (
        <p data-testid="campaign-dry-run-scope">
          {c.period ? t('agency.import.period', { period: periodLabel(c.period) }) : t('agency.import.noPeriod')}
          {c.channel && <> · {channelLabel(c.channel)}</>}
        </p>
      )}
      {c && c.accounts.length > 0 && (
        <ul class="plain" data-testid="campaign-dry-run-accounts">
          {c.accounts.map((a) => (
            <li>
              <strong>{a.name}</strong> — {t('agency.import.accountRows', { rows: formatNumber(a.rows), spend: formatMoney(a.spend, a.currency) })}
            </li>
          ))}
        </ul>
      )}
      <dl class="facts">
        <dt>{t('import.new')}</dt>
        <dd data-testid="count-new">{formatNumber(s.new)}</dd>
        <dt>{t('import.updated')}</dt>
        <dd data-testid="count-updated">{formatNumber(s.updated)}</dd>
        <dt>{t('agency.import.unchanged')}</dt>
        <dd data-testid="count-duplicates">{formatNumber(s.duplicates)}</dd>
        <dt>{t('agency.import.skipped')}</dt>
        <dd data-testid="count-skipped">{formatNumber(s.skipped ?? 0)}</dd>
        <dt>{t('import.invalid')}</dt>
        <dd data-testid="count-invalid">{formatNumber(s.invalidCount)}</dd>
      </dl>
      {c && c.merged > 0 && <p class="muted small">{t('agency.import.merged', { n: formatNumber(c.merged) })}</p>}
      {c && c.linked > 0 && <p class="muted small">{t('agency.import.linked')}</p>}
      {s.invalid.length > 0 && (
        <details open>
          <summary>{t('import.invalid')}</summary>
          <ul class="plain scroll-list" data-testid="invalid-rows">
            {s.invalid.map((i) => (
              <li>
                <strong>{t('import.line', { line: i.line })}</strong> {issueText(i)}
              </li>
            ))}
          </ul>
        </details>
      )}
      {s.warnings.length > 0 && (
        <details>
          <summary>
            {t('import.warnings')} ({formatNumber(s.warningCount)})
          </summary>
          <ul class="plain scroll-list">
            {s.warnings.map((i) => (
              <li>
                <strong>{t('import.line', { line: i.line })}</strong> {issueText(i)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
