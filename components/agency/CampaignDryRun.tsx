import { t } from '@/lib/i18n';
import { formatMoney, formatNumber } from '@/lib/i18n/format';
import type { DryRun } from '@/lib/import/dry-run';
import { channelLabel, issueText, periodLabel } from '@/lib/panel/agency-labels';
import { DryRunCounts, IssueList } from '../import/DryRunParts';

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
      <DryRunCounts
        counts={[
          { label: t('import.new'), value: s.new, testId: 'count-new' },
          { label: t('import.updated'), value: s.updated, testId: 'count-updated' },
          { label: t('agency.import.unchanged'), value: s.duplicates, testId: 'count-duplicates' },
          { label: t('agency.import.skipped'), value: s.skipped ?? 0, testId: 'count-skipped' },
          { label: t('import.invalid'), value: s.invalidCount, testId: 'count-invalid' },
        ]}
      />
      {c && c.merged > 0 && <p class="muted small">{t('agency.import.merged', { n: formatNumber(c.merged) })}</p>}
      {c && c.linked > 0 && <p class="muted small">{t('agency.import.linked')}</p>}
      <IssueList title={t('import.invalid')} issues={s.invalid} open testId="invalid-rows" text={(i) => issueText(i)} />
      <IssueList title={`${t('import.warnings')} (${formatNumber(s.warningCount)})`} issues={s.warnings} testId="warning-rows" text={(i) => issueText(i)} />
    </div>
  );
}
