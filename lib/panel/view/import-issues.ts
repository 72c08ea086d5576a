import type { RowIssue } from '../../import/plan';
import { t } from '../../i18n';

/** A dry-run issue as the screen shows it: in the UI language when the plan gave it a key, else its reason. */
export function issueText(i: RowIssue): string {
  return i.key ? t(`import.issue.${i.key}`, i.params) : i.reason;
}
