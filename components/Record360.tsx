import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { formatDate, formatDateTime, formatMoney } from '@/lib/i18n/format';
import { contactName } from '@/lib/schema';
import { useLiveQuery } from '@/lib/ui/live';
import { open } from '@/lib/ui/router';
import { load360, consentStatus, npsOf, type Ref360 } from '@/lib/ui/load360';
import { isOverdue, completeTask } from '@/lib/ui/tasks';
import { Timeline } from './Timeline';
import { AccountInsights } from './AccountInsights';
import { Dialog } from './Dialog';
import { QuickLogForm, TaskForm, SurveyForm } from './QuickForms';
import { ContactForm, AccountForm } from './EditForms';
import { MergeDialog } from './MergeDialog';
import { shownList, shownText } from '@/lib/ui/crypto-model';

type Panel = null | 'call' | 'meeting' | 'note' | 'task' | 'survey' | 'edit' | 'merge' | 'newContact';

/** The 360° of a contact or an account: who, how healthy, what next, and everything that happened. */
export function Record360({ refd }: { refd: Ref360 }) {
  const data = useLiveQuery(() => load360(refd), [refd.kind, refd.id]);
  const [panel, setPanel] = useState<Panel>(null);
  const v = data.value;
  if (data.loading && !v) return <p class="muted">{t('common.loading')}</p>;
  if (!v) return <p class="muted">{t('record.missing')}</p>;
  const { contact: c, account: a, score } = v;
  const related = { accountId: a?.id ?? null, contactId: c?.id ?? null };
  const close = () => setPanel(null);
  const nps = npsOf(v.surveys);
  const consent = c ? consentStatus(c) : [];
  const renewals = v.deals.filter((d) => d.kind === 'renewal' && d.stage !== 'won' && d.stage !== 'lost');
  const deals = v.deals.filter((d) => !renewals.includes(d));
  const title = c ? contactName(c) : a!.name;

  return (
    <article class="card record" aria-labelledby="record-name" data-testid={c ? 'contact-view' : 'account-view'}>
      <header>
        <h2 id="record-name">{title}</h2>
        {c?.title && <p class="muted">{c.title}</p>}
        {c && (
          <p>
            {t('contact.account')}:{' '}
            {a ? (
              <button type="button" class="link" onClick={() => open({ name: 'account', id: a.id })} data-testid="open-account">{a.name}</button>
            ) : (
              t('contact.noAccount')
            )}
          </p>
        )}
        {c && (c.emails.length > 0 || c.phones.length > 0) && <p class="muted">{[...c.emails, ...shownList(c.phones)].join(' · ')}</p>}
        {a && (
          <p class="chips">
            <span class="chip">{t(`tier.${a.tier}`)}</span>
            <span class="chip">{t(`stage.${a.lifecycleStage}`)}</span>
            {a.owner && <span class="chip">{t('account.owner')}: {a.owner}</span>}
            {a.annualValue != null && <span class="chip">{formatMoney(a.annualValue, a.currency)}</span>}
          </p>
        )}
        {c?.doNotContact && <p class="warn" role="note">{t('consent.doNotContactBanner')}</p>}
      </header>

      <div class="toolbar" role="toolbar" aria-label={t('record.actions')}>
        <button type="button" class="secondary" onClick={() => setPanel('call')}>{t('log.call')}</button>
        <button type="button" class="secondary" onClick={() => setPanel('meeting')}>{t('log.meeting')}</button>
        <button type="button" class="secondary" onClick={() => setPanel('note')}>{t('log.note')}</button>
        <button type="button" class="secondary" onClick={() => setPanel('task')} data-testid="add-task">{t('task.add')}</button>
        <button type="button" class="secondary" onClick={() => setPanel('survey')}>{t('survey.add')}</button>
        <button type="button" class="secondary" onClick={() => setPanel('edit')} data-testid="edit-record">{t('record.edit')}</button>
        {c && <button type="button" class="secondary" onClick={() => setPanel('merge')}>{t('merge.open')}</button>}
        {c && <button type="button" class="secondary" onClick={() => open({ name: 'personPrivacy', id: c.id })} data-testid="open-person-privacy">{t('gdpr.open')}</button>}
        {!c && a && <button type="button" class="secondary" onClick={() => setPanel('newContact')}>{t('contact.new')}</button>}
      </div>

      <section class="score" data-testid="score" aria-label={t('score.churn')}>
        {a ? <AccountInsights accountId={a.id} /> : <p class="muted" data-testid="no-score">{t('score.notEnough')}</p>}
      </section>

      <section aria-labelledby="tasks-title">
        <h3 id="tasks-title">{t('task.open')}</h3>
        {v.tasks.length === 0 ? (
          <p class="muted">{t('task.none')}</p>
        ) : (
          <ul class="plain" aria-labelledby="tasks-title">
            {v.tasks.map((task) => (
              <li class={isOverdue(task, new Date()) ? 'overdue' : ''}>
                <button type="button" class="icon-button" aria-label={t('task.done', { title: task.title })} onClick={() => void completeTask(task.id, new Date())}>✓</button>{' '}
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
            {a?.renewalDate && <li>{t('account.renewal')}: {formatDate(a.renewalDate)}</li>}
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
        {v.surveys.length === 0 ? (
          <p class="muted">{t('survey.none')}</p>
        ) : (
          <>
            {nps != null && <p>{t('survey.npsValue', { n: nps })}</p>}
            <ul class="plain">
              {v.surveys.slice(0, 10).map((s) => (
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
          <p class="notes" data-testid="notes">{shownText(c ? c.notes : a!.notes)}</p>
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
                  {t(`purpose.${e.purpose}` as never)}: <strong class={e.granted ? 'ok' : 'error'}>{t(e.granted ? 'consent.granted' : 'consent.withdrawn')}</strong>{' '}
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
            {v.contacts
              .filter((x) => x.id !== c?.id)
              .map((x) => (
                <li>
                  <button type="button" class="link" onClick={() => open({ name: 'contact', id: x.id })}>{contactName(x)}</button>{' '}
                  {x.title && <span class="muted">{x.title}</span>}
                </li>
              ))}
          </ul>
        </section>
      )}

      <Timeline query={v.timeline} total={v.timelineTotal} firstPage={v.firstPage} />

      {(panel === 'call' || panel === 'meeting' || panel === 'note') && (
        <Dialog title={t(`log.${panel}`)} onClose={close}>
          <QuickLogForm kind={panel} related={related} onDone={close} />
        </Dialog>
      )}
      {panel === 'task' && (
        <Dialog title={t('task.add')} onClose={close}>
          <TaskForm related={related} onDone={close} />
        </Dialog>
      )}
      {panel === 'survey' && (
        <Dialog title={t('survey.add')} onClose={close}>
          <SurveyForm related={related} onDone={close} />
        </Dialog>
      )}
      {panel === 'edit' && (
        <Dialog title={t('record.edit')} onClose={close}>
          {c ? <ContactForm contact={c} onDone={close} /> : <AccountForm account={a} onDone={close} />}
        </Dialog>
      )}
      {panel === 'newContact' && (
        <Dialog title={t('contact.new')} onClose={close}>
          <ContactForm accountId={a?.id ?? null} onDone={close} />
        </Dialog>
      )}
      {panel === 'merge' && c && <MergeDialog survivor={c} colleagues={v.contacts} onClose={close} />}
    </article>
  );
}
