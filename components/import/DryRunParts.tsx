import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
import type { DryRun } from '@/lib/import/dry-run';

type RowIssue = DryRun['summary']['invalid'][number];

/** One figure of a dry run (new, updated, unchanged…): the screen chooses its wording, the test id names it. */
export interface DryRunCount {
  label: string;
  value: number;
  testId: string;
}

/** The dry run's figures, as the contact and campaign imports both show them. */
export function DryRunCounts({ counts }: { counts: readonly DryRunCount[] }) {
  return (
    <dl class="facts">
      {counts.map((c) => (
        <>
          <dt>{c.label}</dt>
          <dd data-testid={c.testId}>{formatNumber(c.value)}</dd>
        </>
      ))}
    </dl>
  );
}

/** A dry run's rows refused or warned about, each with its line; folded away when there are none. */
export function IssueList({
  title,
  issues,
  open,
  testId,
  text,
}: {
  title: string;
  issues: readonly RowIssue[];
  open?: boolean;
  testId: string;
  text: (issue: RowIssue) => string;
}) {
  if (issues.length === 0) return null;
  return (
    <details open={open}>
      <summary>{title}</summary>
      <ul class="plain scroll-list" data-testid={testId}>
        {issues.map((i) => (
          <li>
            <strong>{t('import.line', { line: i.line })}</strong> {text(i)}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The progress bar of a long import step, with its cancel button; test ids `<prefix>-progress` and `<prefix>-cancel`. */
export function ImportProgress({ fraction, label, onCancel, testIdPrefix }: { fraction: number; label?: string; onCancel: () => void; testIdPrefix: string }) {
  return (
    <div role="status" class="progress-block">
      <progress max={1} value={fraction} data-testid={`${testIdPrefix}-progress`} />
      {label && <p>{label}</p>}
      <button type="button" class="secondary" onClick={onCancel} data-testid={`${testIdPrefix}-cancel`}>
        {t('import.cancel')}
      </button>
    </div>
  );
}
