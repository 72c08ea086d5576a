import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
import type { ImportPlan } from '@/lib/import/plan';
import { sortedIssues } from '@/lib/ui/import-model';

export function DryRunSummary({ plan }: { plan: ImportPlan }) {
  const s = plan.summary;
  const invalid = sortedIssues(s.invalid);
  const warnings = sortedIssues(s.warnings);
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
        <dd data-testid="count-invalid">{formatNumber(s.invalid.length)}</dd>
      </dl>
      {invalid.length > 0 && (
        <details open>
          <summary>{t('import.invalid')}</summary>
          <ul class="plain scroll-list" data-testid="invalid-rows">
            {invalid.slice(0, 1000).map((i) => (
              <li>
                <strong>{t('import.line', { line: i.line })}</strong> {i.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {warnings.length > 0 && (
        <details>
          <summary>
            {t('import.warnings')} ({formatNumber(warnings.length)})
          </summary>
          <ul class="plain scroll-list">
            {warnings.slice(0, 1000).map((i) => (
              <li>
                <strong>{t('import.line', { line: i.line })}</strong> {i.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
