import './lifecycle.css';
import { t, lang } from '@/lib/i18n';
import { useModel } from '@/lib/panel/use-model';
import { createEnrolModel } from '@/lib/panel/models/enrol';
import { refusalText } from '@/lib/panel/view/sequence-text';
import { goTo } from '@/lib/panel/router';
import { EnrolmentList } from './EnrolmentList';

/** A contact's sequences on their 360°: where each enrolment stands, and "Enrol in a sequence". */
export function ContactSequences({ contactId }: { contactId: string }) {
  const m = useModel(() => createEnrolModel({ contactId, lang: () => lang.value }), [contactId]);
  const sequences = m.sequences.value;
  return (
    <section class="card contact-sequences" aria-labelledby="contact-sequences-title" data-testid="contact-sequences">
      <h3 id="contact-sequences-title">{t('sequence.title')}</h3>
      <EnrolmentList
        rows={m.enrolments.value}
        show="sequence"
        confirmStop={m.confirmStop.value}
        onAskStop={m.askStop}
        onStop={(id) => void m.stop(id)}
        empty={t('sequence.contactNone')}
      />
      {sequences !== undefined &&
        (sequences.length === 0 ? (
          <p class="muted small">
            {t('sequence.noneToEnrol')}{' '}
            <button type="button" class="link" onClick={() => goTo('lifecycle')}>
              {t('sequence.create')}
            </button>
          </p>
        ) : (
          <form
            class="toolbar"
            onSubmit={(e) => {
              e.preventDefault();
              void m.enrol();
            }}
          >
            <label class="field inline">
              <span>{t('sequence.enrolIn')}</span>
              <select value={m.choice.value ?? ''} onChange={(e) => m.choose((e.target as HTMLSelectElement).value)} data-testid="enrol-sequence">
                {sequences.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" class="primary" disabled={m.busy.value} data-testid="enrol-submit">
              {t('sequence.enrol')}
            </button>
          </form>
        ))}
      {m.refusal.value && (
        <p class="error" role="alert" data-testid="enrol-refusal">
          {refusalText(m.refusal.value)}
        </p>
      )}
      {m.error.value && (
        <p class="error" role="alert">
          {t('error.generic', { message: m.error.value })}
        </p>
      )}
    </section>
  );
}
