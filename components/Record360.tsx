import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { formatMoney } from '@/lib/i18n/format';
import { contactName } from '@/lib/schema';
import { useLiveQuery } from '@/lib/panel/live';
import { open } from '@/lib/panel/router';
import { load360Head, load360Sections, sectionsKey, type Ref360 } from '@/lib/panel/queries/record360';
import { Timeline } from './Timeline';
import { Dialog } from './Dialog';
import { QuickLogForm, TaskForm, SurveyForm } from './QuickForms';
import { ContactForm, AccountForm } from './EditForms';
import { MergeDialog } from './MergeDialog';
import { RecordSections } from './RecordSections';
import { lazyView } from './Lazy';

// campaign performance (agency accounts, issue #14): its code and uPlot load only when an account is opened
const AgencySection = lazyView(() => import('./agency/AgencySection').then((m) => m.AgencySection));
const LoyaltySection = lazyView(() => import('./loyalty/LoyaltySection').then((m) => m.LoyaltySection));
import { shownList } from '@/lib/panel/models/crypto';

// a contact's sequences: read once the 360° sections are painted
const ContactSequences = lazyView(() => import('./lifecycle/ContactSequences').then((m) => m.ContactSequences));
const TemplatePicker = lazyView(() => import('./engage/TemplatePicker').then((m) => m.TemplatePicker));

type Panel = null | 'call' | 'meeting' | 'note' | 'task' | 'survey' | 'edit' | 'merge' | 'newContact' | 'template';

/** The 360° of a contact or an account: who, how healthy, what next, and everything that happened. */
export function Record360({ refd }: { refd: Ref360 }) {
  // The first frame waits only for the head (record, account, first timeline rows); the sections are read
  // once it is painted (effects run after paint) and keyed to the head they belong to.
  const data = useLiveQuery(() => load360Head(refd), [refd.kind, refd.id], { eager: true });
  const [panel, setPanel] = useState<Panel>(null);
  const v = data.value;
  const key = v ? sectionsKey(v) : null;
  const more = useLiveQuery(async () => (v ? load360Sections(v) : null), [key]);
  const sections = more.value && more.value.key === key ? more.value : null;
  if (data.loading && !v) return <p class="muted">{t('common.loading')}</p>;
  if (!v) return <p class="muted">{t('record.missing')}</p>;
  const { contact: c, account: a } = v;
  const related = { accountId: a?.id ?? null, contactId: c?.id ?? null };
  const close = () => setPanel(null);
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
              <button type="button" class="link" onClick={() => open({ name: 'account', id: a.id })} data-testid="open-account">
                {a.name}
              </button>
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
            {a.owner && (
              <span class="chip">
                {t('account.owner')}: {a.owner}
              </span>
            )}
            {a.annualValue != null && <span class="chip">{formatMoney(a.annualValue, a.currency)}</span>}
          </p>
        )}
        {c?.doNotContact && (
          <p class="warn" role="note">
            {t('consent.doNotContactBanner')}
          </p>
        )}
      </header>

      <div class="toolbar" role="toolbar" aria-label={t('record.actions')}>
        {c && (
          <button type="button" class="primary" onClick={() => setPanel('template')} data-testid="write-template">
            {t('engage.write')}
          </button>
        )}
        <button type="button" class="secondary" onClick={() => setPanel('call')}>
          {t('log.call')}
        </button>
        <button type="button" class="secondary" onClick={() => setPanel('meeting')}>
          {t('log.meeting')}
        </button>
        <button type="button" class="secondary" onClick={() => setPanel('note')}>
          {t('log.note')}
        </button>
        <button type="button" class="secondary" onClick={() => setPanel('task')} data-testid="add-task">
          {t('task.add')}
        </button>
        <button type="button" class="secondary" onClick={() => setPanel('survey')}>
          {t('survey.add')}
        </button>
        <button type="button" class="secondary" onClick={() => setPanel('edit')} data-testid="edit-record">
          {t('record.edit')}
        </button>
        {c && (
          <button type="button" class="secondary" onClick={() => setPanel('merge')}>
            {t('merge.open')}
          </button>
        )}
        {c && (
          <button type="button" class="secondary" onClick={() => open({ name: 'personPrivacy', id: c.id })} data-testid="open-person-privacy">
            {t('gdpr.open')}
          </button>
        )}
        {!c && a && (
          <button type="button" class="secondary" onClick={() => setPanel('newContact')}>
            {t('contact.new')}
          </button>
        )}
      </div>

      {sections ? (
        <RecordSections head={v} sections={sections} />
      ) : (
        // Read after the first frame is painted: a placeholder until then, never an empty state.
        <div class="deferred-placeholder" aria-busy="true" data-testid="record-sections-pending" />
      )}

      {a && sections && <LoyaltySection accountId={a.id} />}
      {!c && a && sections && <AgencySection accountId={a.id} />}
      {c && sections && <ContactSequences contactId={c.id} />}

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
      {panel === 'template' && c && (
        <Dialog title={t('engage.write')} onClose={close} testId="template-dialog">
          <TemplatePicker contactId={c.id} />
        </Dialog>
      )}
      {panel === 'merge' && c && <MergeDialog survivor={c} colleagues={sections?.contacts ?? []} onClose={close} />}
    </article>
  );
}
