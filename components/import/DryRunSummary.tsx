import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
import type { DryRun } from '@/lib/import/dry-run';
import { issueText } from '@/lib/panel/view/import-issues';
import { DryRunCounts, IssueList } from './DryRunParts';

export function DryRunSummary({ plan }: { plan: DryRun }) {
  const s = plan.summary;
  return (
    <div data-testid="dry-run-summary">
      <h3>{t('import.summary')}</h3>
      <DryRunCounts
        counts={[
          { label: t('import.new'), value: s.new, testId: 'count-new' },
          { label: t('import.updated'), value: s.updated, testId: 'count-updated' },
          { label: t('import.duplicates'), value: s.duplicates, testId: 'count-duplicates' },
          { label: t('import.invalid'), value: s.invalidCount, testId: 'count-invalid' },
        ]}
      />
      <IssueList title={t('import.invalid')} issues={s.invalid} open testId="invalid-rows" text={(i) => issueText(i)} />
      {s.idWarningCount > 0 && (
        <p role="status" class="warn" data-testid="id-warnings">
          {t('import.idNotice', { n: formatNumber(s.idWarningCount) })}
        </p>
      )}
      <IssueList
        title={`${t('import.warnings')} (${formatNumber(s.warningCount)})`}
        issues={s.warnings}
        open={s.idWarningCount > 0}
        testId="warning-rows"
        text={(i) => issueText(i)}
      />
    </div>
  );
}
