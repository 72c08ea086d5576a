import { t } from '@/lib/i18n';
import { formatDate } from '@/lib/i18n/format';
import type { EnrolmentRow } from '@/lib/panel/queries/sequences';
import { enrolmentStateText } from '@/lib/panel/view/sequence-text';

interface Props {
  rows: EnrolmentRow[] | undefined;
  /** Which column names the row: the contact (in a sequence) or the sequence (on a contact). */
  show: 'contact' | 'sequence';
  confirmStop: string | null;
  onAskStop: (id: string | null) => void;
  onStop: (id: string) => void;
  empty: string;
}

/** Enrolments with their state (next step and its date, stopped and why, finished) and Stop behind a confirmation. */
export function EnrolmentList({ rows, show, confirmStop, onAskStop, onStop, empty }: Props) {
  if (rows === undefined) return <p class="muted">{t('common.loading')}</p>;
  if (rows.length === 0) return <p class="empty">{empty}</p>;
  return (
    <ul class="plain enrolment-list" data-testid="enrolment-list">
      {rows.map((r) => (
        <li key={r.enrolment.id} class="enrolment" data-testid="enrolment" data-status={r.enrolment.status}>
          <span>
            <strong>{show === 'contact' ? r.contactName || t('sequence.contactGone') : r.sequenceName || t('sequence.gone')}</strong>
            <br />
            <span class={`chip status-${r.enrolment.status}`} data-testid="enrolment-state">
              {enrolmentStateText(r)}
            </span>{' '}
            <span class="muted small">{t('sequence.enrolledOn', { date: formatDate(r.enrolment.enrolledAt) })}</span>
          </span>
          {r.enrolment.status === 'active' &&
            (confirmStop === r.enrolment.id ? (
              <span class="actions" role="group" aria-label={t('sequence.stopConfirm')}>
                <span class="small">{t('sequence.stopConfirm')}</span>
                <button type="button" class="danger" onClick={() => onStop(r.enrolment.id)} data-testid="enrolment-stop-yes">
                  {t('sequence.stopYes')}
                </button>
                <button type="button" class="secondary" onClick={() => onAskStop(null)}>
                  {t('common.cancel')}
                </button>
              </span>
            ) : (
              <button type="button" class="secondary" onClick={() => onAskStop(r.enrolment.id)} data-testid="enrolment-stop">
                {t('sequence.stop')}
              </button>
            ))}
        </li>
      ))}
    </ul>
  );
}
