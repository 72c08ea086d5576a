import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { formatMoney, formatPercent, formatRelative } from '@/lib/i18n/format';
import { useLiveQuery } from '@/lib/ui/live';
import { open } from '@/lib/ui/router';
import { loadPortfolio, filterRows, sortRows, facets, NO_FILTER, type PortfolioFilter, type SortKey } from '@/lib/ui/portfolio';
import { segmentLabel } from '@/lib/ui/scoring-labels';
import { EmptyState } from './EmptyState';
import { VirtualList } from './VirtualList';
import { Dialog } from './Dialog';
import { AccountForm } from './EditForms';

const SORTS: SortKey[] = ['name', 'churn', 'value', 'lastContact', 'owner'];

export function PortfolioView() {
  const data = useLiveQuery(loadPortfolio, []);
  const [filter, setFilter] = useState<PortfolioFilter>(NO_FILTER);
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'name', dir: 'asc' });
  const [creating, setCreating] = useState(false);
  const all = data.value;
  if (!all) return <p class="muted">{t('common.loading')}</p>;
  if (all.length === 0)
    return (
      <>
        <EmptyState />
        <p class="empty"><button type="button" class="secondary" onClick={() => setCreating(true)}>{t('account.new')}</button></p>
        {creating && <Dialog title={t('account.new')} onClose={() => setCreating(false)}><AccountForm onDone={() => setCreating(false)} /></Dialog>}
      </>
    );
  const { owners, segments } = facets(all);
  const rows = sortRows(filterRows(all, filter), sort.key, sort.dir);
  const set = (patch: Partial<PortfolioFilter>) => setFilter({ ...filter, ...patch });
  return (
    <section aria-labelledby="portfolio-title">
      <div class="section-head">
        <h2 id="portfolio-title">{t('portfolio.title')}</h2>
        <button type="button" class="secondary" onClick={() => setCreating(true)}>{t('account.new')}</button>
      </div>
      <p class="muted">{t('portfolio.shown', { n: rows.length, total: all.length })}</p>
      <div class="filters">
        <input type="search" value={filter.text} placeholder={t('portfolio.filterName')} aria-label={t('portfolio.filterName')} onInput={(e) => set({ text: e.currentTarget.value })} />
        <select aria-label={t('portfolio.risk')} value={filter.risk} onChange={(e) => set({ risk: e.currentTarget.value as PortfolioFilter['risk'] })}>
          <option value="">{t('portfolio.anyRisk')}</option>
          {(['high', 'medium', 'low', 'unknown'] as const).map((r) => <option value={r}>{t(`risk.${r}`)}</option>)}
        </select>
        {segments.length > 0 && (
          <select aria-label={t('score.segments')} value={filter.segment} onChange={(e) => set({ segment: e.currentTarget.value })}>
            <option value="">{t('portfolio.anySegment')}</option>
            {segments.map((s) => <option value={s}>{segmentLabel(s)}</option>)}
          </select>
        )}
        {owners.length > 0 && (
          <select aria-label={t('account.owner')} value={filter.owner} onChange={(e) => set({ owner: e.currentTarget.value })}>
            <option value="">{t('portfolio.anyOwner')}</option>
            {owners.map((o) => <option value={o}>{o}</option>)}
          </select>
        )}
        <select aria-label={t('portfolio.sort')} value={`${sort.key}:${sort.dir}`} onChange={(e) => {
          const [key, dir] = e.currentTarget.value.split(':') as [SortKey, 'asc' | 'desc'];
          setSort({ key, dir });
        }} data-testid="portfolio-sort">
          {SORTS.flatMap((k) => (['asc', 'desc'] as const).map((d) => <option value={`${k}:${d}`}>{t(`sort.${k}`)} {d === 'asc' ? '↑' : '↓'}</option>))}
        </select>
      </div>
      <div class="account-list" data-testid="account-list">
        <VirtualList
          count={rows.length}
          rowHeight={48}
          height={480}
          label={t('portfolio.title')}
          renderRow={(i) => {
            const r = rows[i]!;
            return (
              <button type="button" class="row" onClick={() => open({ name: 'account', id: r.id })}>
                <span class="name"><span>{r.name}</span><span class="muted small">{r.owner ?? ''}</span></span>
                <span class="right">
                  <span>{r.value != null ? formatMoney(r.value, r.currency) : ''}</span>
                  <span class={`small risk-${r.churn == null ? 'unknown' : r.churn >= 0.6 ? 'high' : r.churn >= 0.3 ? 'medium' : 'low'}`}>
                    {r.churn != null ? formatPercent(r.churn) : '—'} · {r.lastContact ? formatRelative(r.lastContact) : t('portfolio.never')}
                  </span>
                </span>
              </button>
            );
          }}
        />
      </div>
      {creating && <Dialog title={t('account.new')} onClose={() => setCreating(false)}><AccountForm onDone={() => setCreating(false)} /></Dialog>}
    </section>
  );
}
