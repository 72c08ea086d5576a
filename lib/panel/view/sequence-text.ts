/** The words of sequences and workflows: an enrolment's state, a refusal, a rule's name and its day fields. */
import { t, lang, type MessageKey } from '../../i18n';
import { formatDate } from '../../i18n/format';
import type { EnrolRefusal } from '../../lifecycle/sequences';
import type { EnrolmentRow } from '../queries/sequences';

/** "Step 2/3 on 12 Dec", "Stopped: replied on 5 Dec", "Finished". */
export function enrolmentStateText(r: EnrolmentRow): string {
  const e = r.enrolment;
  const total = r.steps.length;
  if (e.status === 'active') {
    return r.next ? t('sequence.state.next', { n: r.next.index + 1, total, date: formatDate(r.next.dueAt) }) : t('sequence.state.activeNoStep');
  }
  if (e.status === 'finished') return t('sequence.state.finished');
  const reason = t(`sequence.stopReason.${e.stopReason ?? 'manual'}` as MessageKey);
  return e.stoppedAt ? t('sequence.state.stoppedOn', { reason, date: formatDate(e.stoppedAt) }) : t('sequence.state.stopped', { reason });
}

export const refusalText = (r: EnrolRefusal | 'not_found'): string => t(`sequence.refusal.${r}` as MessageKey);

const plural = new Map<string, Intl.PluralRules>();
/** "1 step" / "3 steps", "1 étape" / "2 étapes". */
export function stepsText(n: number): string {
  const l = lang.value;
  let rules = plural.get(l);
  if (!rules) plural.set(l, (rules = new Intl.PluralRules(l)));
  return t(rules.select(n) === 'one' ? 'sequence.steps.one' : 'sequence.steps.other', { n });
}
