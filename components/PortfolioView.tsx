import './portfolio.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { formatMoney, formatPercent, formatRelative } from '@/lib/i18n/format';
import { useLiveQuery } from '@/lib/panel/live';
import { open } from '@/lib/panel/router';
import {
  portfolioPlan,
  portfolioWindow,
  portfolioFacets,
  pagesThroughIndex,
  NO_FILTER,
  type PortfolioFilter,
  type PortfolioPlan,
  type PortfolioQuery,
  type PortfolioRow,
  type SortKey,
} from '@/lib/panel/queries/portfolio';
import { windowFor } from '@/lib/panel/queries/timeline';
import { loadReportingSettings, rateTable, reportingConverter } from '@/lib/panel/models/reporting';
import { segmentLabel } from '@/lib/panel/view/scoring-labels';
import { EmptyState } from './EmptyState';
import { VirtualList } from './VirtualList';
import { Dialog } from './Dialog';
import { AccountForm } from './EditForms';

const SORTS: SortKey[] = ['name', 'churn', 'value', 'lastContact', 'owner'];

const ROW = 48;
const PAGE = 30;

/**
 * The portfolio, windowed: the count comes from an index, and only the rows in view (by pages of 30) are read,
 * so 100 000 accounts cost what 30 do. The default view (by name, unfiltered) pages through the sortName
 * index; other sorts and filters order the ids once (see pagesThroughIndex).
 */
export function PortfolioView() {
  const [filter, setFilter] = useState<PortfolioFilter>(NO_FILTER);
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'name', dir: 'asc' });
  const [creating, setCreating] = useState(false);
  const [win, setWin] = useState({ offset: 0, limit: PAGE });
  useEffect(() => {
    void loadReportingSettings();
  }, []);
  // Typing in the name filter re-plans once the typing pauses, not at every key.
  const text = useDebounced(filter.text, 200);
  const q: PortfolioQuery = { sort: sort.key, dir: sort.dir, filter: { ...filter, text } };
  // sorted by value, accounts in €, £ and $ compare in the reporting currency (the rates are part of the query)
  const money = sort.key === 'value' ? reportingConverter.value : undefined;
  const key = JSON.stringify(q) + (money ? `|${money.currency}|${JSON.stringify(rateTable.value)}` : '');
  const indexed = pagesThroughIndex(q);
  const plan = useLiveQuery(async () => ({ key, ...(await portfolioPlan(q, money)) }), [key], { eager: true });
  const fresh = plan.value?.key === key ? plan.value : null;
  // Through the index the window needs no plan, so both reads start together.
  const ids = indexed ? null : (fresh?.ids ?? undefined);
  const page = useLiveQuery(
    async () => (ids === undefined ? null : { key, offset: win.offset, rows: await portfolioWindow(q, ids, win.offset, win.limit) }),
    [key, ids, win.offset, win.limit],
    { eager: true },
  );
  const facetData = useLiveQuery(portfolioFacets, []);
  // What is shown: a plan with a window of the same query; while a new query loads, the last one stays.
  const shown = useRef<{ plan: PortfolioPlan; page: { offset: number; rows: (PortfolioRow | null)[] } } | null>(null);
  if (fresh && page.value?.key === key) shown.current = { plan: fresh, page: page.value };
  else if (fresh && fresh.total === 0) shown.current = { plan: fresh, page: { offset: 0, rows: [] } };
  if (!shown.current) return <p class="muted">{t('common.loading')}</p>;
  const { plan: p, page: loaded } = shown.current;
  if (p.all === 0)
    return (
      <>
        <EmptyState />
        <p class="empty">
          <button type="button" class="secondary" onClick={() => setCreating(true)}>
            {t('account.new')}
          </button>
        </p>
        {creating && (
          <Dialog title={t('account.new')} onClose={() => setCreating(false)}>
            <AccountForm onDone={() => setCreating(false)} />
          </Dialog>
        )}
      </>
    );
  const { owners, segments } = facetData.value ?? { owners: [], segments: [] };
  const rowAt = (i: number) => loaded.rows[i - loaded.offset];
  const reset = () => setWin({ offset: 0, limit: PAGE });
  const set = (patch: Partial<PortfolioFilter>) => {
    setFilter({ ...filter, ...patch });
    reset();
  };
  return (
    <section aria-labelledby="portfolio-title">
      <div class="section-head">
        <h2 id="portfolio-title">{t('portfolio.title')}</h2>
        <button type="button" class="secondary" onClick={() => setCreating(true)}>
          {t('account.new')}
        </button>
      </div>
      <p class="muted">{t('portfolio.shown', { n: p.total, total: p.all })}</p>
      <div class="filters">
        <input
          type="search"
          value={filter.text}
          placeholder={t('portfolio.filterName')}
          aria-label={t('portfolio.filterName')}
          onInput={(e) => set({ text: e.currentTarget.value })}
        />
        <select aria-label={t('portfolio.risk')} value={filter.risk} onChange={(e) => set({ risk: e.currentTarget.value as PortfolioFilter['risk'] })}>
          <option value="">{t('portfolio.anyRisk')}</option>
          {(['high', 'medium', 'low', 'unknown'] as const).map((r) => (
            <option value={r}>{t(`risk.${r}`)}</option>
          ))}
        </select>
        {segments.length > 0 && (
          <select aria-label={t('score.segments')} value={filter.segment} onChange={(e) => set({ segment: e.currentTarget.value })}>
            <option value="">{t('portfolio.anySegment')}</option>
            {segments.map((s) => (
              <option value={s}>{segmentLabel(s)}</option>
            ))}
          </select>
        )}
        {owners.length > 0 && (
          <select aria-label={t('account.owner')} value={filter.owner} onChange={(e) => set({ owner: e.currentTarget.value })}>
            <option value="">{t('portfolio.anyOwner')}</option>
            {owners.map((o) => (
              <option value={o}>{o}</option>
            ))}
          </select>
        )}
        <select
          aria-label={t('portfolio.sort')}
          value={`${sort.key}:${sort.dir}`}
          onChange={(e) => {
            const [key, dir] = e.currentTarget.value.split(':') as [SortKey, 'asc' | 'desc'];
            setSort({ key, dir });
            reset();
          }}
          data-testid="portfolio-sort"
        >
          {SORTS.flatMap((k) =>
            (['asc', 'desc'] as const).map((d) => (
              <option value={`${k}:${d}`}>
                {t(`sort.${k}`)} {d === 'asc' ? '↑' : '↓'}
              </option>
            )),
          )}
        </select>
      </div>
      <div class="account-list" data-testid="account-list">
        <VirtualList
          count={p.total}
          rowHeight={ROW}
          height={480}
          label={t('portfolio.title')}
          onRange={(first, last) => {
            const w = windowFor(first, last, PAGE, p.total);
            if (w.offset !== win.offset || w.limit !== win.limit) setWin(w);
          }}
          renderRow={(i) => {
            const r = rowAt(i);
            if (!r)
              return (
                <div class="row placeholder" aria-busy="true">
                  …
                </div>
              );
            return (
              <button type="button" class="row" onClick={() => open({ name: 'account', id: r.id })}>
                <span class="name">
                  <span>{r.name}</span>
                  <span class="muted small">{r.owner ?? ''}</span>
                </span>
                <span class="right">
                  <span>{r.value != null ? formatMoney(r.value, r.currency) : ''}</span>
                  <span class={`small risk-${r.churn == null ? 'unknown' : r.churn >= 0.6 ? 'high' : r.churn >= 0.3 ? 'medium' : 'low'}`}>
                    <ChurnRisk churn={r.churn} /> · {r.lastContact ? formatRelative(r.lastContact) : t('portfolio.never')}
                  </span>
                </span>
              </button>
            );
          }}
        />
      </div>
      {creating && (
        <Dialog title={t('account.new')} onClose={() => setCreating(false)}>
          <AccountForm onDone={() => setCreating(false)} />
        </Dialog>
      )}
    </section>
  );
}

/**
 * A row's churn risk, labelled: short on screen ("Risk 12 %"), in full for screen readers and on hover ("Churn risk
 * 12 %"), so a bare percentage never stands alone (#12).
 */
function ChurnRisk({ churn }: { churn: number | null }) {
  const full = churn == null ? t('portfolio.row.riskUnknown') : t('portfolio.row.risk', { percent: formatPercent(churn) });
  return (
    <span title={full} data-testid="row-churn">
      <span aria-hidden="true">{t('portfolio.row.riskShort', { percent: churn == null ? '—' : formatPercent(churn) })}</span>
      <span class="visually-hidden">{full}</span>
    </span>
  );
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value]);
  return v;
}
