import { t } from '@/lib/i18n';
import { getLive, getDb } from '@/lib/db';
import { contactName } from '@/lib/schema';
import { useLiveQuery } from '@/lib/ui/live';
import { open } from '@/lib/ui/router';
import { Timeline } from './Timeline';

export function ContactView({ id }: { id: string }) {
  const data = useLiveQuery(async () => {
    const contact = await getLive('contacts', id);
    const account = contact?.accountId ? await getLive('accounts', contact.accountId) : undefined;
    const interactions = (await getDb().interactions.where('contactIds').equals(id).toArray())
      .filter((i) => !i.deletedAt)
      .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt))
      .slice(0, 50);
    return { contact, account, interactions };
  }, [id]);
  const v = data.value;
  if (!v) return <p class="muted">{t('common.loading')}</p>;
  if (!v.contact) return <p class="muted">—</p>;
  const c = v.contact;
  return (
    <article class="card contact" aria-labelledby="contact-name" data-testid="contact-view">
      <h2 id="contact-name">{contactName(c)}</h2>
      {c.title && <p class="muted">{c.title}</p>}
      <p>
        {t('contact.account')}:{' '}
        {v.account ? (
          <button type="button" class="link" onClick={() => open({ name: 'account', id: v.account!.id })}>
            {v.account.name}
          </button>
        ) : (
          t('contact.noAccount')
        )}
      </p>
      {c.emails.length > 0 && <p>{c.emails.join(', ')}</p>}
      {c.phones.length > 0 && <p>{c.phones.join(', ')}</p>}
      <button type="button" class="link" onClick={() => open({ name: 'personPrivacy', id })} data-testid="open-person-privacy">{t('gdpr.open')}</button>
      <h3>{t('timeline.title')}</h3>
      <Timeline items={v.interactions} />
    </article>
  );
}
