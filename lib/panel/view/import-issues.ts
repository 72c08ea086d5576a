import type { RowIssue } from '../../import/plan';
import { lang as uiLang, translate, type Lang, type MessageKey } from '../../i18n';

/** A dry-run issue as the screen shows it: in the UI language when the plan gave it a catalog key, else its reason. */
export function issueText(i: Pick<RowIssue, 'reason' | 'key' | 'params'>, lang?: Lang): string {
  if (!i.key) return i.reason;
  const text = translate(lang ?? uiLang.value, i.key as MessageKey, i.params);
  return text === i.key ? i.reason : text;
}
