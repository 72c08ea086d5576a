import { t } from '@/lib/i18n';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { getLive, contactsOfAccount, timeline } from '@/lib/db';
import { contactName } from '@/lib/schema';
import { useLiveQuery } from '@/lib/ui/live';
import { open } from '@/lib/ui/router';
import { Timeline } from './Timeline';

export function AccountView({ id }: { id: string }) {
  const data = useLiveQuery(async () => {
    const account = await getLive('accounts', id);
    return { account, contacts: await contactsOfAccount(id), interactions: await timeline(id, 50) };
  }, [id]);
  const v = data.value;
  if (!v) return <p class="muted">{t('common.loading')}</p>;
  if (!v.account) return <p class="muted">—</p>;
  const a = v.account;
  return (
    <article class="card account" aria-labelledby="account-name" data-testid="account-view">
      <h2 id="account-name">{a.name}</h2>
      <p class="muted">{a.domains.join(', ')}</p>
      <dl class="facts">
        <dt>{t('account.tier')}</dt>
        <dd>{t(`tier.${a.tier}`)}</dd>
        <dt>{t('account.stage')}</dt>
        <dd>{t(`stage.${a.lifecycleStage}`)}</dd>
        {a.owner && (
          <>
            <dt>{t('account.owner')}</dt>
            <dd>{a.owner}</dd>
          </>
        )}
        {a.annualValue != null && (
          <>
            <dt>{t('account.annualValue')}</dt>
            <dd>{formatMoney(a.annualValue, a.currency)}</dd>
          </>
        )}
        {a.renewalDate && (
          <>
            <dt>{t('account.renewal')}</dt>
            <dd>{formatDate(a.renewalDate)}</dd>
          </>
        )}
      </dl>
      <h3>{t('account.contacts')}</h3>
      <ul class="plain">
        {v.contacts.map((c) => (
          <li>
            <button type="button" class="link" onClick={() => open({ name: 'contact', id: c.id })}>
              {contactName(c)}
            </button>{' '}
            {c.title && <span class="muted">{c.title}</span>}
          </li>
        ))}
      </ul>
      <h3>{t('timeline.title')}</h3>
      <Timeline items={v.interactions} />
    </article>
  );
}
