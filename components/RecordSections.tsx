import { t } from '@/lib/i18n';
import { formatDate, formatDateTime, formatMoney } from '@/lib/i18n/format';
import { contactName } from '@/lib/schema';
import { open } from '@/lib/panel/router';
import { consentStatus, npsOf, type View360Head, type View360Sections } from '@/lib/panel/queries/record360';
import { isOverdue } from '@/lib/panel/view/tasks';
import { completeTask } from '@/lib/panel/commands/tasks';
import { AccountInsights } from './AccountInsights';
import { shownText } from '@/lib/panel/models/crypto';

/** The 360° sections between the record's header and its timeline: insights, tasks, deals, surveys, notes, consent, colleagues. */
export function RecordSections({ head, sections }: { head: View360Head; sections: View360Sections }) {
  const { contact: c, account: a } = head;
  const nps = npsOf(sections.surveys);
  const consent = c ? consentStatus(c) : [];
  const renewals = sections.deals.filter((d) => d.kind === 'renewal' && d.stage !== 'won' && d.stage !== 'lost');
  const deals = sections.deals.filter((d) => !renewals.includes(d));
  return (
    <>
      <section class="score" data-testid="score" aria-label={t('score.churn')}>
        {a ? (
          <AccountInsights accountId={a.id} />
        ) : (
          <p class="muted" data-testid="no-score">
            {t('score.notEnough')}
          </p>
        )}
      </section>

      <section aria-labelledby="tasks-title">
        <h3 id="tasks-title">{t('task.open')}</h3>
        {sections.tasks.length === 0 ? (
          <p class="muted">{t('task.none')}</p>
        ) : (
          <ul class="plain" aria-labelledby="tasks-title">
            {sections.tasks.map((task) => (
              <li class={isOverdue(task, new Date()) ? 'overdue' : ''}>
                <button
                  type="button"
                  class="icon-button"
                  aria-label={t('task.done', { title: task.title })}
                  onClick={() => void completeTask(task.id, new Date())}
                >
                  ✓
                </button>{' '}
                {task.title} {task.dueAt && <span class="muted">{formatDateTime(task.dueAt)}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      {(deals.length > 0 || renewals.length > 0 || a?.renewalDate) && (
        <section aria-labelledby="deals-title">
          <h3 id="deals-title">{t('deal.title')}</h3>
          <ul class="plain">
            {a?.renewalDate && (
              <li>
                {t('account.renewal')}: {formatDate(a.renewalDate)}
              </li>
            )}
            {[...renewals, ...deals].map((d) => (
              <li>
                <span class="chip">{t(`dealKind.${d.kind}`)}</span> {d.name} · {t(`dealStage.${d.stage}`)}
                {d.amount != null && <> · {formatMoney(d.amount, d.currency)}</>}
                {d.closeDate && <span class="muted"> · {formatDate(d.closeDate)}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="surveys-title">
        <h3 id="surveys-title">{t('survey.title')}</h3>
        {sections.surveys.length === 0 ? (
          <p class="muted">{t('survey.none')}</p>
        ) : (
          <>
            {nps != null && <p>{t('survey.npsValue', { n: nps })}</p>}
            <ul class="plain">
              {sections.surveys.slice(0, 10).map((s) => (
                <li>
                  <span class="chip">{t(`survey.${s.kind}`)}</span> {s.score} <span class="muted">{formatDate(s.respondedAt)}</span>
                  {s.comment && <div class="muted">“{shownText(s.comment)}”</div>}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {(c?.notes || a?.notes) && (
        <section aria-labelledby="notes-title">
          <h3 id="notes-title">{t('notes.title')}</h3>
          <p class="notes" data-testid="notes">
            {shownText(c ? c.notes : a!.notes)}
          </p>
        </section>
      )}

      {c && (
        <section aria-labelledby="consent-title">
          <h3 id="consent-title">{t('consent.title')}</h3>
          {consent.length === 0 ? (
            <p class="muted">{t('consent.none')}</p>
          ) : (
            <ul class="plain">
              {consent.map((e) => (
                <li>
                  {t(`purpose.${e.purpose}` as never)}:{' '}
                  <strong class={e.granted ? 'ok' : 'error'}>{t(e.granted ? 'consent.granted' : 'consent.withdrawn')}</strong>{' '}
                  <span class="muted">{formatDate(e.since)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {a && (
        <section aria-labelledby="contacts-title">
          <h3 id="contacts-title">{c ? t('record.colleagues') : t('account.contacts')}</h3>
          <ul class="plain" aria-labelledby="contacts-title">
            {sections.contacts
              .filter((x) => x.id !== c?.id)
              .map((x) => (
                <li>
                  <button type="button" class="link" onClick={() => open({ name: 'contact', id: x.id })}>
                    {contactName(x)}
                  </button>{' '}
                  {x.title && <span class="muted">{x.title}</span>}
                </li>
              ))}
          </ul>
        </section>
      )}
    </>
  );
}
