import type { ImportPlan, PlanSummary, RowIssue } from './plan';

/** At most this many invalid rows (and as many warnings) leave the worker: the screen lists them, the counts say the rest. */
export const ISSUES_LISTED = 500;

/**
 * What the import screen shows of a dry run: the counts and the first issues by line. The plan itself (every
 * record to write) stays in the worker, which also applies it, so the panel never receives or holds it.
 */
export interface DryRun {
  preset: ImportPlan['preset'];
  summary: Omit<PlanSummary, 'invalid' | 'warnings'> & {
    invalidCount: number;
    warningCount: number;
    /** Identifiers a spreadsheet damaged or two people share: not used to match (the screen says so up front). */
    idWarningCount: number;
    /** The first ISSUES_LISTED, in line order. */
    invalid: RowIssue[];
    warnings: RowIssue[];
  };
}

function firstByLine(issues: RowIssue[], n: number): RowIssue[] {
  return [...issues].sort((a, b) => a.line - b.line).slice(0, n);
}

export function dryRunOf(plan: ImportPlan, listed = ISSUES_LISTED): DryRun {
  const { invalid, warnings, ...counts } = plan.summary;
  return {
    preset: plan.preset,
    summary: {
      ...counts,
      invalidCount: invalid.length,
      warningCount: warnings.length,
      idWarningCount: warnings.filter((w) => w.key).length,
      invalid: firstByLine(invalid, listed),
      warnings: firstByLine(warnings, listed),
    },
  };
}
