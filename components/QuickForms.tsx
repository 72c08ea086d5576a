import { useState } from 'preact/hooks';
import { t, lang } from '@/lib/i18n';
import { Outcome, Sentiment, SURVEY_RANGE, type SurveyKind } from '@/lib/schema';
import { logManual, withUndo } from '@/lib/panel/commands/log';
import { insertWithUndo } from '@/lib/panel/commands/undoable';
import { dueFromInputs } from '@/lib/panel/view/tasks';
import { validateSurvey, validateTask, type FieldErrors } from '@/lib/panel/view/forms';
import { Field, invalid } from './Field';

export interface Related {
  accountId: string | null;
  contactId: string | null;
}

/** A call, meeting or note logged by hand, with its outcome and sentiment. */
export function QuickLogForm({ kind, related, onDone }: { kind: 'call' | 'meeting' | 'note'; related: Related; onDone: () => void }) {
  const [subject, setSubject] = useState('');
  const [summary, setSummary] = useState('');
  const [outcome, setOutcome] = useState('');
  const [sentiment, setSentiment] = useState('');
  const [duration, setDuration] = useState('');
  const [inbound, setInbound] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const ok = await logManual({
      channel: kind,
      direction: kind === 'note' ? 'internal' : inbound ? 'inbound' : 'outbound',
      occurredAt: new Date().toISOString(),
      subject: subject.trim(),
      summary: summary.trim() || null,
      outcome: (outcome || null) as never,
      sentiment: (sentiment || null) as never,
      durationMinutes: duration ? Number(duration) : null,
      accountId: related.accountId,
      contactIds: related.contactId ? [related.contactId] : [],
      source: null,
    });
    if (ok) onDone();
  };
  return (
    <form onSubmit={submit} data-testid={`quick-${kind}`}>
      <Field id="ql-subject" label={t('form.subject')}>
        <input id="ql-subject" value={subject} onInput={(e) => setSubject(e.currentTarget.value)} required autoFocus />
      </Field>
      <Field id="ql-summary" label={t('form.summary')}>
        <textarea id="ql-summary" rows={3} value={summary} onInput={(e) => setSummary(e.currentTarget.value)} />
      </Field>
      {kind !== 'note' && (
        <>
          <Field id="ql-direction" label={t('form.direction')}>
            <select
              id="ql-direction"
              value={inbound ? 'inbound' : 'outbound'}
              onChange={(e) => setInbound(e.currentTarget.value === 'inbound')}
              data-testid="quick-direction"
            >
              <option value="outbound">{t('form.direction.outbound')}</option>
              <option value="inbound">{t('form.direction.inbound')}</option>
            </select>
          </Field>
          <Field id="ql-outcome" label={t('form.outcome')}>
            <select id="ql-outcome" value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)}>
              <option value="">—</option>
              {Outcome.options.map((o) => (
                <option value={o}>{t(`outcome.${o}`)}</option>
              ))}
            </select>
          </Field>
          <Field id="ql-duration" label={t('form.duration')}>
            <input id="ql-duration" type="number" min={0} max={1440} value={duration} onInput={(e) => setDuration(e.currentTarget.value)} />
          </Field>
        </>
      )}
      <Field id="ql-sentiment" label={t('form.sentiment')}>
        <select id="ql-sentiment" value={sentiment} onChange={(e) => setSentiment(e.currentTarget.value)}>
          <option value="">—</option>
          {Sentiment.options.map((o) => (
            <option value={o}>{t(`sentiment.${o}`)}</option>
          ))}
        </select>
      </Field>
      <div class="actions">
        <button type="submit" class="primary">
          {t('common.save')}
        </button>
        <button type="button" class="secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** A task with due date and time, tied to the contact or account it was created from. */
export function TaskForm({ related, onDone }: { related: Related; onDone: () => void }) {
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = async (e: Event) => {
    e.preventDefault();
    const input = { title: title.trim(), dueAt: dueFromInputs(date, time), accountId: related.accountId, contactId: related.contactId };
    const errs = validateTask(input, lang.value);
    setErrors(errs);
    if (Object.keys(errs).length) return;
    if (await withUndo(() => insertWithUndo('tasks', input), t('task.created'))) onDone();
  };
  return (
    <form onSubmit={submit} data-testid="task-form" noValidate>
      <Field id="task-title" label={t('task.title')} error={errors.title}>
        <input id="task-title" value={title} onInput={(e) => setTitle(e.currentTarget.value)} autoFocus {...invalid('task-title', errors.title)} />
      </Field>
      <div class="row2">
        <Field id="task-date" label={t('task.dueDate')} error={errors.dueAt}>
          <input id="task-date" type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />
        </Field>
        <Field id="task-time" label={t('task.dueTime')}>
          <input id="task-time" type="time" value={time} onInput={(e) => setTime(e.currentTarget.value)} />
        </Field>
      </div>
      <div class="actions">
        <button type="submit" class="primary">
          {t('common.save')}
        </button>
        <button type="button" class="secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** An NPS, CSAT or CES answer with its comment. */
export function SurveyForm({ related, onDone }: { related: Related; onDone: () => void }) {
  const [kind, setKind] = useState<SurveyKind>('nps');
  const [score, setScore] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [lo, hi] = SURVEY_RANGE[kind];
  const submit = async (e: Event) => {
    e.preventDefault();
    const input = { kind, score: score === '' ? NaN : Number(score), comment: comment.trim() || null, respondedAt: new Date().toISOString(), ...related };
    const errs = validateSurvey(input, lang.value);
    setErrors(errs);
    if (Object.keys(errs).length) return;
    if (await withUndo(() => insertWithUndo('surveys', input), t('survey.saved'))) onDone();
  };
  return (
    <form onSubmit={submit} data-testid="survey-form" noValidate>
      <Field id="sv-kind" label={t('survey.kind')}>
        <select id="sv-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as SurveyKind)}>
          {(['nps', 'csat', 'ces'] as const).map((k) => (
            <option value={k}>{t(`survey.${k}`)}</option>
          ))}
        </select>
      </Field>
      <Field id="sv-score" label={t('survey.score', { lo, hi })} error={errors.score}>
        <input
          id="sv-score"
          type="number"
          min={lo}
          max={hi}
          step={1}
          value={score}
          onInput={(e) => setScore(e.currentTarget.value)}
          {...invalid('sv-score', errors.score)}
        />
      </Field>
      <Field id="sv-comment" label={t('survey.comment')}>
        <textarea id="sv-comment" rows={3} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
      </Field>
      <div class="actions">
        <button type="submit" class="primary">
          {t('common.save')}
        </button>
        <button type="button" class="secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
