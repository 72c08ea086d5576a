import './lifecycle.css';
import { t, lang } from '@/lib/i18n';
import { useModel } from '@/lib/panel/use-model';
import { createLifecycleModel } from '@/lib/panel/models/lifecycle';
import { goTo } from '@/lib/panel/router';
import { SequenceEditor } from './SequenceEditor';
import { EnrolmentList } from './EnrolmentList';
import { WorkflowSettingsForm } from './WorkflowSettingsForm';
import { LoyaltyProgrammeForm } from '../loyalty/LoyaltyProgrammeForm';
import { stepsText } from '@/lib/panel/view/sequence-text';

/** Lifecycle: follow-up sequences (steps, who is enrolled and how far they got) and the lifecycle workflows. */
export function LifecycleView() {
  const m = useModel(() => createLifecycleModel({ lang: () => lang.value, newSequenceName: () => t('sequence.newName') }));
  const rows = m.rows.value;
  const sel = m.selected.value;
  return (
    <section aria-labelledby="lifecycle-title" data-testid="lifecycle-view">
      <div class="section-head">
        <h2 id="lifecycle-title">{t('lifecycle.title')}</h2>
      </div>
      <p class="muted small">{t('lifecycle.intro')}</p>

      <section class="card" aria-labelledby="sequences-title">
        <h3 id="sequences-title">{t('sequence.title')}</h3>
        {rows === undefined ? (
          <p class="muted">{t('common.loading')}</p>
        ) : rows.length === 0 ? (
          <p class="empty">{t('sequence.empty')}</p>
        ) : (
          <ul class="plain sequence-list" data-testid="sequence-list">
            {rows.map((r) => (
              <li key={r.sequence.id}>
                <button
                  type="button"
                  class="row"
                  aria-pressed={sel?.sequence.id === r.sequence.id}
                  onClick={() => m.select(sel?.sequence.id === r.sequence.id ? null : r.sequence.id)}
                  data-testid="sequence-row"
                >
                  <span>
                    <strong>{r.sequence.name}</strong>
                    {r.sequence.archived && <span class="chip">{t('sequence.archived')}</span>}
                    <br />
                    <span class="muted small">{stepsText(r.sequence.steps.length)}</span>
                  </span>
                  <span class="muted small">{t('sequence.counts', { active: r.active, stopped: r.stopped, finished: r.finished })}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {!m.draft.value && (
          <div class="actions">
            <button type="button" class="primary" onClick={m.newSequence} data-testid="sequence-new">
              {t('sequence.new')}
            </button>
            {(m.templates.value?.length ?? 1) === 0 && (
              <button type="button" class="secondary" onClick={() => goTo('templates')}>
                {t('sequence.goTemplates')}
              </button>
            )}
          </div>
        )}
        <SequenceEditor m={m} />
      </section>

      {sel && !m.draft.value && (
        <section class="card" aria-labelledby="enrolments-title" data-testid="sequence-detail">
          <h3 id="enrolments-title">{t('sequence.enrolmentsOf', { name: sel.sequence.name })}</h3>
          <div class="actions">
            <button type="button" class="secondary" onClick={() => m.edit(sel.sequence.id)} data-testid="sequence-edit">
              {t('sequence.edit')}
            </button>
            <button type="button" class="secondary" onClick={() => void m.setArchived(sel.sequence.id, !sel.sequence.archived)}>
              {sel.sequence.archived ? t('sequence.unarchive') : t('sequence.archive')}
            </button>
          </div>
          <EnrolmentList
            rows={m.enrolments.value}
            show="contact"
            confirmStop={m.confirmStop.value}
            onAskStop={m.askStop}
            onStop={(id) => void m.stop(id)}
            empty={t('sequence.noEnrolments')}
          />
        </section>
      )}

      <WorkflowSettingsForm m={m} />
      <LoyaltyProgrammeForm />
    </section>
  );
}
