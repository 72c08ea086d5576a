import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
import type { DryRun } from '@/lib/import/dry-run';
import { issueText } from '@/lib/panel/view/import-issues';

export function DryRunSummary({ plan }: { plan: DryRun }) {
  const s = plan.summary;
  return (
    <div data-testid="dry-run-summary">
      <h3>{t('import.summary')}</h3>
      <dl class="facts">
        <dt>{t('import.new')}</dt>
        <dd data-testid="count-new">{formatNumber(s.new)}</dd>
        <dt>{t('import.updated')}</dt>
        <dd data-testid="count-updated">{formatNumber(s.updated)}</dd>
        <dt>{t('import.duplicates')}</dt>
        <dd data-testid="count-duplicates">{formatNumber(s.duplicates)}</dd>
        <dt>{t('import.invalid')}</dt>
        <dd data-testid="count-invalid">{formatNumber(s.invalidCount)}</dd>
      </dl>
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
      {s.idWarningCount > 0 && (
        <p role="status" class="warn" data-testid="id-warnings">
          {t('import.idNotice', { n: formatNumber(s.idWarningCount) })}
        </p>
      )}
      {s.warnings.length > 0 && (
        <details open={s.idWarningCount > 0}>
          <summary>
            {t('import.warnings')} ({formatNumber(s.warningCount)})
          </summary>
          <ul class="plain scroll-list" data-testid="warning-rows">
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
