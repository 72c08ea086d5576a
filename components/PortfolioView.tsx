import { t } from '@/lib/i18n';
import { formatMoney } from '@/lib/i18n/format';
import { getDb } from '@/lib/db';
import { useLiveQuery } from '@/lib/ui/live';
import { open } from '@/lib/ui/router';
import { EmptyState } from './EmptyState';

export function PortfolioView() {
  const data = useLiveQuery(async () => {
    const rows = await getDb().accounts.orderBy('name').filter((a) => !a.deletedAt).limit(200).toArray();
    const total = await getDb().accounts.count();
    return { rows, total };
  }, []);
  const v = data.value;
  if (!v) return <p class="muted">{t('common.loading')}</p>;
  if (v.total === 0) return <EmptyState />;
  return (
    <section aria-labelledby="portfolio-title">
      <h2 id="portfolio-title">{t('portfolio.title')}</h2>
      <p class="muted">{t('portfolio.count', { n: v.total })}</p>
      <ul class="plain account-list" data-testid="account-list">
        {v.rows.map((a) => (
          <li>
            <button type="button" class="row" onClick={() => open({ name: 'account', id: a.id })}>
              <span class="name">{a.name}</span>
              <span class="muted">{a.annualValue != null ? formatMoney(a.annualValue, a.currency) : ''}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
