/** The words of the templates feature: what happened to a message, what a preview warns about. */
import { t, lang, type MessageKey } from '../i18n';
import type { RenderIssue } from '../engage/render';
import type { MergeField } from '../engage/merge-fields';
import { isMergeField } from '../engage/merge-fields';
import type { Delivery } from './commands/insert-template';

const plural = new Map<string, Intl.PluralRules>();
/** "1 use" / "3 uses", "0 utilisation" / "2 utilisations": the plural category in the UI's language. */
export function usesText(n: number): string {
  const l = lang.value;
  let rules = plural.get(l);
  if (!rules) plural.set(l, (rules = new Intl.PluralRules(l)));
  return t(rules.select(n) === 'one' ? 'engage.uses.one' : 'engage.uses.other', { n });
}

export const fieldLabel = (f: MergeField): string => t(`engage.field.${f}` as MessageKey);

export function issueText(i: RenderIssue): string {
  const name = isMergeField(i.field) ? fieldLabel(i.field) : i.field;
  if (i.kind === 'unknown') return t('engage.issue.unknown', { token: i.shows });
  if (i.kind === 'not_a_number') return t('engage.issue.notNumber', { field: name });
  return i.shows ? t('engage.issue.emptyShows', { field: name, shows: i.shows }) : t('engage.issue.empty', { field: name });
}

const SITE: Record<'gmail' | 'outlook', string> = { gmail: 'Gmail', outlook: 'Outlook' };

export function deliveryText(d: Delivery): string {
  switch (d.how) {
    case 'inserted': {
      const where = t(d.kind === 'reply' ? 'engage.done.inReply' : 'engage.done.inCompose', { site: SITE[d.site] });
      const at = t(d.atCursor ? 'engage.done.atCursor' : 'engage.done.atStart');
      return `${where} ${at}${d.subjectSet ? ` ${t('engage.done.subjectSet')}` : ''}`;
    }
    case 'opened_compose':
      return t(
        d.reason === 'unreachable' ? 'engage.done.openedUnreachable' : d.reason === 'no_compose' ? 'engage.done.openedNoCompose' : 'engage.done.opened',
        { site: SITE[d.site] },
      );
    case 'copied':
      return t(d.reason === 'too_long' ? 'engage.done.copiedTooLong' : d.reason === 'open_failed' ? 'engage.done.copiedOpenFailed' : 'engage.done.copied');
  }
}
